package dev.fluxion.dsl.expr;

import java.util.Optional;

/**
 * The first sub-expression, bottom-up, whose value or derivative came out NaN or infinite while everything it
 * was computed from was finite: the place where a non-finite number was born, not where it merely propagated.
 *
 * @param node       the sub-expression
 * @param derivative the variable of the non-finite derivative d/d{@code derivative}, or empty when the value
 *                   itself is not finite
 * @param offending  the NaN or infinite number
 * @param value      the sub-expression's value (equal to {@code offending} when the value is at fault)
 * @param point      the point of evaluation
 */
public record NonFinite(Expr node, Optional<String> derivative, double offending, double value, Point point) {

    /** The sub-expression as text, as {@link Expr#toString()} prints it. */
    public String text() {
        return node.toString();
    }

    /** Whether the value of the sub-expression is at fault (rather than one of its derivatives). */
    public boolean isValue() {
        return derivative.isEmpty();
    }

    /**
     * A message such as {@code log(x - 2) is NaN at x = 1.0, y = 3.0 (value of the sub-expression)} or
     * {@code d/dx of sqrt(x) is Infinity at x = 0.0 (derivative of the sub-expression, whose value is 0.0)}.
     */
    public String message() {
        return derivative
                .map(v -> "d/d" + v + " of " + text() + " is " + offending + " at " + point
                        + " (derivative of the sub-expression, whose value is " + value + ")")
                .orElseGet(() -> text() + " is " + offending + " at " + point + " (value of the sub-expression)");
    }

    @Override
    public String toString() {
        return message();
    }
}
