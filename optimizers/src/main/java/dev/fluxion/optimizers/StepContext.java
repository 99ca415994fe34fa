package dev.fluxion.optimizers;

import dev.fluxion.dsl.Objective;

/**
 * What a transform may read during a step: the objective, the current point x, the raw gradient and value at x,
 * and the step counter. The arrays are the run's own; transforms read them and never write them.
 *
 * <p>{@link #step()} is the number of steps completed before this one (0 on the first step): it is the position
 * of every learning-rate schedule, and {@code step() + 1} is the t of bias corrections such as Adam's.
 */
public final class StepContext {
    private Objective objective;
    private double[] point;
    private double[] gradient;
    private double value;
    private long step;

    StepContext() {
    }

    void set(Objective objective, double[] point, double[] gradient, double value, long step) {
        this.objective = objective;
        this.point = point;
        this.gradient = gradient;
        this.value = value;
        this.step = step;
    }

    /** The objective being minimized (for its Hessian or metric). */
    public Objective objective() {
        return objective;
    }

    /** The current point x, before this step's update (read only). */
    public double[] point() {
        return point;
    }

    /** The raw gradient of the objective at x (read only). */
    public double[] gradient() {
        return gradient;
    }

    /** f(x) at the current point. */
    public double value() {
        return value;
    }

    /** The number of steps completed before this one: 0, 1, 2, .... */
    public long step() {
        return step;
    }
}
