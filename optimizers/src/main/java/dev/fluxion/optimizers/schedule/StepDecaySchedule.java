package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import java.util.List;

/**
 * Piecewise-constant decay: eta_t = init * factor^floor(t / every) (the "step" schedule of Krizhevsky et al.,
 * 2012, and He et al., 2016, who divide the rate by 10 at fixed epochs).
 *
 * @param init   eta_0
 * @param factor the multiplier applied every {@code every} steps, in (0, 1]
 * @param every  the number of steps between decays, at least 1
 */
public record StepDecaySchedule(double init, double factor, long every) implements Schedule {
    /** The name in specs. */
    public static final String NAME = "step";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("init", 0.01, Range.POSITIVE, "rate at t = 0"),
            Hyperparameter.real("factor", 0.1, Range.UNIT_DECAY, "multiplier at each decay"),
            Hyperparameter.integer("every", 100, Range.COUNT, "steps between decays"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<StepDecaySchedule> SIGNATURE = new Signature<>(
            StepDecaySchedule.class, NAME, HYPERPARAMETERS,
            "init * factor^floor(t / every)");
    /** The step decay with every default. */
    public static final StepDecaySchedule DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public StepDecaySchedule {
        Hyperparameter.check(NAME, HYPERPARAMETERS, init, factor, every);
    }

    @Override
    public double at(long step) {
        return init * StrictMath.pow(factor, (double) (step / every));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
