package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.BinaryFunction;

/**
 * A two-argument function or arithmetic operator applied to two expressions. Build it through the arithmetic
 * of {@link Expr} or {@link Expr#apply(BinaryFunction, Expr)}, which simplify; this constructor does not.
 *
 * @param function the function or operator
 * @param left     its first argument
 * @param right    its second argument
 */
public record BinaryCall(BinaryFunction function, Expr left, Expr right) implements Expr {
    @Override
    public String toString() {
        return TextPrinter.print(this);
    }
}
