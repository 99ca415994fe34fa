package dev.fluxion.dsl.expr;

import java.util.List;

/**
 * A constant number.
 *
 * @param value the constant
 */
public record Constant(double value) implements Expr {

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.constant(this);
    }

    /** The constant pi. */
    public static final Constant PI = new Constant(Math.PI);
    /** Euler's number e. */
    public static final Constant E = new Constant(Math.E);

    @Override
    public String toString() {
        return TextPrinter.print(this);
    }
}
