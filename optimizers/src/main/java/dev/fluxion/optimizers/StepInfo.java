package dev.fluxion.optimizers;

/**
 * What one step did: f and ||grad f|| at the point the step started from, the length ||u|| of the update it
 * applied, the number of steps completed, and the run's evaluations so far by kind. One instance belongs to an
 * {@link OptimizerState} and is overwritten by its next step, so that a step allocates nothing; copy the numbers
 * out to keep them.
 */
public final class StepInfo {
    double value;
    /** ||grad f||^2 and ||u||^2: the norms are taken when asked for, not at every step. */
    double gradientSquares;
    double stepSquares;
    long steps;
    long values;
    long gradients;
    long hessians;
    boolean reused;

    StepInfo() {
    }

    /** f(x) before the step. */
    public double value() {
        return value;
    }

    /** The Euclidean norm of the raw gradient before the step. */
    public double gradientNorm() {
        return Math.sqrt(gradientSquares);
    }

    /** The Euclidean norm of the update added to x. */
    public double stepLength() {
        return Math.sqrt(stepSquares);
    }

    /** The number of steps completed, this one included. */
    public long steps() {
        return steps;
    }

    /** The run's evaluations of f alone so far, this step's included. */
    public long valueEvaluations() {
        return values;
    }

    /** The run's evaluations of f with grad f so far, this step's included. */
    public long gradientEvaluations() {
        return gradients;
    }

    /** The run's evaluations of the Hessian or the metric so far, this step's included. */
    public long hessianEvaluations() {
        return hessians;
    }

    /**
     * Whether this step took f and grad f at its point from the step before (the last point a transform evaluated,
     * such as a line search's accepted point) instead of evaluating them again: then the evaluation that saw f(x)
     * was counted by the step before.
     */
    public boolean reusedEvaluation() {
        return reused;
    }

    /** The run's evaluations so far under the cost model of {@link Evaluations#cost(int)}. */
    public long evaluationCost(int dimension) {
        return Evaluations.cost(values, gradients, hessians, dimension);
    }

    @Override
    public String toString() {
        return "step " + steps + ": f = " + value + ", |grad| = " + gradientNorm() + ", |step| = " + stepLength()
                + ", " + new Evaluations(values, gradients, hessians);
    }
}
