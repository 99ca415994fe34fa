package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import java.util.List;
import java.util.Optional;

/**
 * The value and gradient of an expression at a point, evaluated with every sub-expression checked: when a
 * value or a derivative turns NaN or infinite, {@link #nonFinite()} names the first node where it happened.
 *
 * @param value     f at the point
 * @param gradient  the partial derivatives of f, in the order of {@code variables}
 * @param variables the differentiation variables
 * @param point     the point of evaluation
 * @param nonFinite the first node, bottom-up, that produced a NaN or an infinity from finite inputs, if any
 */
public record CheckedEvaluation(double value, double[] gradient, List<String> variables, Point point,
                                Optional<NonFinite> nonFinite) {

    /** Copies the gradient and the variables. */
    public CheckedEvaluation {
        gradient = gradient.clone();
        variables = List.copyOf(variables);
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    /** Whether the value and every derivative of every node were finite. */
    public boolean isFinite() {
        return nonFinite.isEmpty();
    }

    /**
     * This evaluation, if every node was finite.
     *
     * @throws DslException naming the first node that produced a NaN or an infinity, the part at fault and the
     *                      point, such as {@code log(x - 2) is NaN at x = 1.0, y = 3.0 (value of the
     *                      sub-expression)}
     */
    public CheckedEvaluation orThrow() {
        if (nonFinite.isPresent()) {
            throw new DslException(nonFinite.get().message());
        }
        return this;
    }
}
