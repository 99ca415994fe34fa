package dev.fluxion.optimizers.linesearch;

import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.StepContext;
import java.util.Arrays;

/**
 * The objective along one step's search direction, phi(alpha) = f(x + alpha d), with phi'(alpha) = grad f(x + alpha
 * d)' d: what every line search of this package evaluates, counts and finally hands on.
 *
 * <p>{@link #start(double[], StepContext)} takes the incoming direction d. A line search needs a descent direction,
 * phi'(0) = g'd &lt; 0; when d is not one (g'd &gt;= 0, or not a number) the search is made along d = -g instead, the
 * steepest descent, so that a line search alone, {@code chain(wolfe())}, is steepest descent with a line search. When
 * g = 0 there is nothing to search: the update is 0 and nothing is evaluated.
 *
 * <p>Trial points are x_i + alpha d_i, and {@link #handOn(double)} leaves u_i = alpha d_i in the direction, so that
 * the step's x_i + u_i is the trial point bit for bit and the last evaluation with a gradient is reused by the next
 * step. Every evaluation counts against the search's budget; the one past it is refused with an
 * {@link OptimizerException} that names the search and the step, so a search never loops forever.
 *
 * <p>Near a minimizer rounding ends what a search can learn, and the searches stop there instead of failing: when f
 * cannot resolve the change along a step ({@link #belowRounding(double)}), and when x cannot resolve a step or a
 * bracket ({@link #samePoint(double, double)}, {@link #cannotSplit(double, double)}).
 */
final class SearchLine {
    private final String search;
    private final long maxEvaluations;
    private final double[] trialPoint;
    private final double[] trialGradient;
    private double[] direction;
    private StepContext context;
    private double value0;
    private double slope0;
    private double slope;
    private int evaluations;
    private double largestTrial;

    /**
     * @param search         the spec name of the search, for messages
     * @param maxEvaluations the evaluations one step may make
     * @param dimension      n
     */
    SearchLine(String search, long maxEvaluations, int dimension) {
        this.search = search;
        this.maxEvaluations = maxEvaluations;
        this.trialPoint = new double[dimension];
        this.trialGradient = new double[dimension];
    }

    /**
     * Starts the search of one step along {@code direction} (replaced in place by -g if it is not a descent
     * direction). Returns false when g = 0: then the direction is 0 and there is nothing to search.
     */
    boolean start(double[] direction, StepContext context) {
        this.direction = direction;
        this.context = context;
        this.evaluations = 0;
        this.largestTrial = 0;
        double[] g = context.gradient();
        double gd = 0;
        for (int i = 0; i < direction.length; i++) {
            gd += g[i] * direction[i];
        }
        if (!(gd < 0)) {
            gd = 0;
            for (int i = 0; i < direction.length; i++) {
                direction[i] = -g[i];
                gd -= g[i] * g[i];
            }
        }
        value0 = context.value();
        slope0 = gd;
        if (!(gd < 0)) {
            // g = 0, or so small that |g|^2 underflows: no step
            Arrays.fill(direction, 0);
            return false;
        }
        return true;
    }

    /** phi(0) = f(x). */
    double value0() {
        return value0;
    }

    /** phi'(0) = g'd &lt; 0. */
    double slope0() {
        return slope0;
    }

    /** phi'(alpha) at the last {@link #valueAndSlope(double)}. */
    double slope() {
        return slope;
    }

    /** ||d||_2 of the direction searched. */
    double directionNorm() {
        double squares = 0;
        for (double d : direction) {
            squares += d * d;
        }
        return Math.sqrt(squares);
    }

    /**
     * Whether f cannot resolve the change along the trial step alpha d: |alpha phi'(0)|, the first-order change, is at
     * most 10 units in the last place of f(x). Then no test on values of f can tell a decrease from rounding; a run
     * that has converged as far as doubles allow reaches this point.
     */
    boolean belowRounding(double alpha) {
        return Math.abs(alpha * slope0) <= 10 * Math.ulp(value0);
    }

    /**
     * Whether the budget is spent and the first-order change over the largest trial step was below the rounding of f
     * ({@link #belowRounding(double)}): no trial could show a decrease, so the search had nothing to go on.
     */
    boolean spentBelowRounding() {
        return evaluations == maxEvaluations && belowRounding(largestTrial);
    }

    /**
     * Whether the steps a and b give the same trial point in every component, x_i + a d_i = x_i + b d_i: x cannot
     * resolve the difference.
     */
    boolean samePoint(double a, double b) {
        double[] x = context.point();
        for (int i = 0; i < x.length; i++) {
            if (x[i] + a * direction[i] != x[i] + b * direction[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the bracket [a, b] holds no trial point but its ends: the point of its midpoint is that of a or that of
     * b. A search cannot shrink such a bracket any further.
     */
    boolean cannotSplit(double a, double b) {
        double middle = 0.5 * (a + b);
        return samePoint(middle, a) || samePoint(middle, b);
    }

    /** phi(alpha), evaluated with f alone (counted as a value). */
    double value(double alpha) {
        trial(alpha);
        return context.value(trialPoint);
    }

    /** phi(alpha) and phi'(alpha) ({@link #slope()}), evaluated with the gradient (counted as a gradient). */
    double valueAndSlope(double alpha) {
        trial(alpha);
        double f = context.valueAndGradient(trialPoint, trialGradient);
        double s = 0;
        for (int i = 0; i < trialGradient.length; i++) {
            s += trialGradient[i] * direction[i];
        }
        slope = s;
        return f;
    }

    /** Ends the search: the direction becomes the update u = alpha d. */
    void handOn(double alpha) {
        for (int i = 0; i < direction.length; i++) {
            direction[i] = alpha * direction[i];
        }
    }

    /** The error of a search that found no acceptable step: names the search, the step, and {@code why}. */
    private OptimizerException failure(String why) {
        return OptimizerException.atStep(search + ": no acceptable step at step " + context.step() + " after "
                + evaluations + " evaluations along d (f(x) = " + value0 + ", phi'(0) = g'd = " + slope0 + "): "
                + why + "; x was left unchanged", context.step(), -1);
    }

    private void trial(double alpha) {
        if (evaluations == maxEvaluations) {
            throw failure("the budget maxEvals = " + maxEvaluations + " is spent (is the objective bounded below"
                    + " along d, and are its gradient and values consistent?)");
        }
        evaluations++;
        largestTrial = Math.max(largestTrial, Math.abs(alpha));
        double[] x = context.point();
        for (int i = 0; i < x.length; i++) {
            trialPoint[i] = x[i] + alpha * direction[i];
        }
    }
}
