package dev.fluxion.dsl.expr;

/**
 * A constant number.
 *
 * @param value the constant
 */
public record Constant(double value) implements Expr {

    /** The constant pi. */
    public static final Constant PI = new Constant(Math.PI);
    /** Euler's number e. */
    public static final Constant E = new Constant(Math.E);

    @Override
    public String toString() {
        return TextPrinter.print(this);
    }
}
