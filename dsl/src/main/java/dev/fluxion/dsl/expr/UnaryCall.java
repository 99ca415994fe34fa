package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.UnaryFunction;

/**
 * A one-argument function applied to an expression. Build it through {@link Expr#apply(UnaryFunction)}, which
 * simplifies; this constructor does not.
 *
 * @param function the function
 * @param argument its argument
 */
public record UnaryCall(UnaryFunction function, Expr argument) implements Expr {
    @Override
    public String toString() {
        return TextPrinter.print(this);
    }
}
