package dev.fluxion.optimizers;

/**
 * What one step did: f and ||grad f|| at the point the step started from, the length ||u|| of the update it
 * applied, and the number of steps completed. One instance belongs to an {@link OptimizerState} and is
 * overwritten by its next step, so that a step allocates nothing; copy the numbers out to keep them.
 */
public final class StepInfo {
    double value;
    double gradientNorm;
    double stepLength;
    long steps;

    StepInfo() {
    }

    /** f(x) before the step. */
    public double value() {
        return value;
    }

    /** The Euclidean norm of the raw gradient before the step. */
    public double gradientNorm() {
        return gradientNorm;
    }

    /** The Euclidean norm of the update added to x. */
    public double stepLength() {
        return stepLength;
    }

    /** The number of steps completed, this one included. */
    public long steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "step " + steps + ": f = " + value + ", |grad| = " + gradientNorm + ", |step| = " + stepLength;
    }
}
