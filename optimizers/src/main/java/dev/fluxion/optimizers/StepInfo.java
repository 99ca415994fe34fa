package dev.fluxion.optimizers;

/**
 * What one step did: f and ||grad f|| at the point the step started from, the length ||u|| of the update it
 * applied, the number of steps completed, and the run's evaluations so far by kind. One instance belongs to an
 * {@link OptimizerState} and is overwritten by its next step, so that a step allocates nothing; copy the numbers
 * out to keep them. The evaluation counts and {@link #reusedEvaluation()} are the run's as they stand when read:
 * after a step that threw, they include the evaluation that step made.
 */
public final class StepInfo {
    double value;
    /** ||grad f||^2 and ||u||^2: the norms are taken when asked for, not at every step. */
    double gradientSquares;
    double stepSquares;
    /**
     * The run's step and evaluation counts, read when asked for: a step writes three fields here, not eight, because
     * on a small landscape each store a step makes is a measurable part of it (benchmarks/README.md, "A step against
     * its floor").
     */
    private final StepContext counts;

    StepInfo(StepContext counts) {
        this.counts = counts;
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
        return counts.step();
    }

    /** The run's evaluations of f alone so far, this step's included. */
    public long valueEvaluations() {
        return counts.values();
    }

    /** The run's evaluations of f with grad f so far, this step's included. */
    public long gradientEvaluations() {
        return counts.gradients();
    }

    /** The run's evaluations of the Hessian or the metric so far, this step's included. */
    public long hessianEvaluations() {
        return counts.hessians();
    }

    /**
     * Whether this step took f and grad f at its point from the step before (the last point a transform evaluated,
     * such as a line search's accepted point) instead of evaluating them again: then the evaluation that saw f(x)
     * was counted by the step before.
     */
    public boolean reusedEvaluation() {
        return counts.reused();
    }

    /** The run's evaluations so far under the cost model of {@link Evaluations#cost(int)}. */
    public long evaluationCost(int dimension) {
        return Evaluations.cost(counts.values(), counts.gradients(), counts.hessians(), dimension);
    }

    @Override
    public String toString() {
        return "step " + steps() + ": f = " + value + ", |grad| = " + gradientNorm() + ", |step| = " + stepLength()
                + ", " + counts.evaluations();
    }
}
