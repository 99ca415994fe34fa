package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;
import java.util.function.DoubleUnaryOperator;

/**
 * The error |D(h) - f'(x)| of a difference quotient D ({@link DifferenceRule}) against the exact derivative, over a
 * range of steps h: the curve that shows truncation error falling like h^p as h shrinks until rounding error, growing
 * like eps / h, takes over. Its {@link #order(int, int) fitted order} on the truncation side is p, and its
 * {@link #best() least error} is where the two balance ({@link StepSize#forwardOptimal} and
 * {@link StepSize#centeredOptimal} predict it).
 *
 * <p>Each step h is taken as {@link StepSize#representable}(x, h), so that x + h is exact and only the quotient's
 * own errors are measured; {@link #steps()} are the steps as asked for. At one point the rounding error is one
 * particular number, not its typical size, so that curve is ragged near its minimum; {@link #meanOver} averages the
 * errors over several points, whose curve is smooth and whose minimum is the step the error model speaks of.
 *
 * @param rule   the difference quotient
 * @param steps  the steps h, as asked for
 * @param errors the error at each step: at one point, or the mean over several
 */
public record DifferenceErrors(DifferenceRule rule, double[] steps, double[] errors) {

    /**
     * Copies the arrays.
     *
     * @throws DslException if they differ in length
     */
    public DifferenceErrors {
        if (steps.length != errors.length) {
            throw new DslException("difference errors need one error per step, got " + steps.length + " steps and "
                    + errors.length + " errors");
        }
        steps = steps.clone();
        errors = errors.clone();
    }

    /**
     * The errors |D(h) - f'(x)| of the rule at x, for each of the steps.
     *
     * @param derivative the exact f'
     * @throws DslException if x is not finite or a step is not finite and positive
     */
    public static DifferenceErrors at(DifferenceRule rule, DoubleUnaryOperator f, DoubleUnaryOperator derivative,
                                      double x, double... steps) {
        return meanOver(rule, f, derivative, new double[] {x}, steps);
    }

    /**
     * The mean over the points x_j of the errors |D(h) - f'(x_j)|, for each of the steps.
     *
     * @param derivative the exact f'
     * @throws DslException if there are no points, a point is not finite or a step is not finite and positive
     */
    public static DifferenceErrors meanOver(DifferenceRule rule, DoubleUnaryOperator f, DoubleUnaryOperator derivative,
                                            double[] points, double... steps) {
        if (points.length == 0) {
            throw new DslException("difference errors need at least one point x to differentiate at");
        }
        double[] errors = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            double sum = 0;
            for (double x : points) {
                double h = StepSize.representable(x, steps[k]);
                sum += Math.abs(rule.estimate(f, x, h) - derivative.applyAsDouble(x));
            }
            errors[k] = sum / points.length;
        }
        return new DifferenceErrors(rule, steps, errors);
    }

    /** The number of steps. */
    public int size() {
        return steps.length;
    }

    /** The step of index k, as asked for. */
    public double step(int k) {
        return steps[k];
    }

    /** The error at the step of index k. */
    public double error(int k) {
        return errors[k];
    }

    /**
     * The index of the least error (the first, on ties).
     *
     * @throws DslException if there are no steps
     */
    public int best() {
        if (steps.length == 0) {
            throw new DslException("difference errors over no steps have no best step");
        }
        int best = 0;
        for (int k = 1; k < errors.length; k++) {
            if (errors[k] < errors[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The step of the least error, {@code step(best())}. */
    public double bestStep() {
        return steps[best()];
    }

    /** The least error, {@code error(best())}. */
    public double bestError() {
        return errors[best()];
    }

    /**
     * The fitted order of the error over the steps of index from &lt;= k &lt; to: the slope of log error against
     * log h ({@link PowerLaw#fit(double[], double[], int, int)}), which is the rule's {@link DifferenceRule#order()}
     * where truncation error dominates.
     *
     * @throws DslException if the range holds fewer than two steps, or an error in it is 0
     */
    public double order(int from, int to) {
        return PowerLaw.fit(steps, errors, from, to).exponent();
    }

    @Override
    public double[] steps() {
        return steps.clone();
    }

    @Override
    public double[] errors() {
        return errors.clone();
    }
}
