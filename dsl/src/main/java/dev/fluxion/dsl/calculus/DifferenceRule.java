package dev.fluxion.dsl.calculus;

import java.util.function.DoubleUnaryOperator;

/**
 * A difference quotient that estimates f'(x) from values of f at steps of size h, named so that a scan over
 * steps ({@link DifferenceErrors}) or a report can say which one it used. Each rule is the
 * {@link FiniteDifference} method of its name:
 * <ul>
 *   <li>{@link #FORWARD}: (f(x+h) - f(x)) / h, truncation error h f''/2, order 1;</li>
 *   <li>{@link #BACKWARD}: (f(x) - f(x-h)) / h, truncation error -h f''/2, order 1;</li>
 *   <li>{@link #CENTERED}: (f(x+h) - f(x-h)) / (2h), truncation error h^2 f'''/6, order 2.</li>
 * </ul>
 *
 * <p>Reference: R. L. Burden and J. D. Faires, Numerical Analysis, 9th ed., Brooks/Cole 2011, section 4.1.
 */
public enum DifferenceRule {
    /** The forward difference (f(x+h) - f(x)) / h. */
    FORWARD(1) {
        @Override
        public double estimate(DoubleUnaryOperator f, double x, double h) {
            return FiniteDifference.forward(f, x, h);
        }
    },
    /** The backward difference (f(x) - f(x-h)) / h. */
    BACKWARD(1) {
        @Override
        public double estimate(DoubleUnaryOperator f, double x, double h) {
            return FiniteDifference.backward(f, x, h);
        }
    },
    /** The centered difference (f(x+h) - f(x-h)) / (2h). */
    CENTERED(2) {
        @Override
        public double estimate(DoubleUnaryOperator f, double x, double h) {
            return FiniteDifference.centered(f, x, h);
        }
    };

    private final int order;

    DifferenceRule(int order) {
        this.order = order;
    }

    /**
     * The rule's estimate of f'(x) with the step h, taken as given.
     *
     * @throws dev.fluxion.dsl.DslException if h is not finite and positive
     */
    public abstract double estimate(DoubleUnaryOperator f, double x, double h);

    /** The order p of the truncation error, which shrinks like h^p: 1 forward and backward, 2 centered. */
    public int order() {
        return order;
    }
}
