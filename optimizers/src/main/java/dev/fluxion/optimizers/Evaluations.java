package dev.fluxion.optimizers;

/**
 * How often a run asked the objective for something, by kind: values f(x) alone, values with gradients
 * (f(x), grad f(x)), and second-order matrices (the Hessian, or another n-by-n metric such as the Fisher
 * information).
 *
 * <p>{@link #cost(int)} weighs them in one number, the cost model of the lab's budgets and "evaluations" figures:
 * a value counts 1, a value with its gradient counts 1, and a matrix counts n (its n columns, each a Hessian-vector
 * product that costs about one gradient). So first-order methods, line searches that try values, and Newton's method
 * are compared on one axis, and Newton is not free on it.
 *
 * @param values    calls of f alone
 * @param gradients calls of f with grad f
 * @param hessians  calls of the Hessian or the metric
 */
public record Evaluations(long values, long gradients, long hessians) {

    /**
     * The cost model of {@link #cost(int)} in one sentence, for every report that shows a figure in evaluations, so
     * that each states the same model in the same words.
     */
    public static final String COST_MODEL = "every figure in evaluations counts each call of f, or of f with its "
            + "gradient, as 1, and each Hessian (or metric) as n, the dimension (its n columns, each a Hessian-vector "
            + "product of about a gradient's cost); line searches' trial points count. The optimizer's run does the "
            + "counting.";

    /** No evaluations. */
    public static final Evaluations NONE = new Evaluations(0, 0, 0);

    /** Counts are never negative. */
    public Evaluations {
        if (values < 0 || gradients < 0 || hessians < 0) {
            throw new IllegalArgumentException("evaluation counts must be >= 0, got " + values + ", " + gradients
                    + ", " + hessians);
        }
    }

    /** values + gradients + n hessians, for a problem of {@code dimension} variables (see the class comment). */
    public long cost(int dimension) {
        return cost(values, gradients, hessians, dimension);
    }

    /** The cost model on bare counts: {@code values + gradients + dimension * hessians}. */
    public static long cost(long values, long gradients, long hessians, int dimension) {
        return values + gradients + (long) dimension * hessians;
    }

    @Override
    public String toString() {
        return values + " values, " + gradients + " gradients, " + hessians + " Hessians";
    }
}
