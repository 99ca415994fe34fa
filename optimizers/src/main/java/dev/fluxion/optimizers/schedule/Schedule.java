package dev.fluxion.optimizers.schedule;

/**
 * A learning rate as a function of the step counter t = 0, 1, 2, ... (the number of steps completed before the
 * current one). Schedules are pure functions of t, so a run's schedule position is its step counter and is
 * saved with it. Implementations use {@link StrictMath} so that values are reproducible bit for bit.
 */
@FunctionalInterface
public interface Schedule {

    /** The learning rate at step t (t &gt;= 0). */
    double at(long step);

    /** The spec text of this schedule, such as {@code cosine(init=0.1, steps=100, final=0.0)}. */
    default String spec() {
        return toString();
    }
}
