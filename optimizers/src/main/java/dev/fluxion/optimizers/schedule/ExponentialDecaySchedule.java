package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import java.util.List;

/**
 * Smooth exponential decay: eta_t = init * rate^(t / steps), so the rate is multiplied by {@code rate} every
 * {@code steps} steps (as TensorFlow's and optax's {@code exponential_decay} without staircase).
 *
 * @param init  eta_0
 * @param rate  the decay per {@code steps} steps, in (0, 1]
 * @param steps the number of steps over which the rate is multiplied by {@code rate}
 */
public record ExponentialDecaySchedule(double init, double rate, long steps) implements Schedule {
    /** The name in specs. */
    public static final String NAME = "exponential";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("init", 0.01, Range.POSITIVE, "rate at t = 0"),
            Hyperparameter.real("rate", 0.5, Range.UNIT_DECAY, "decay per 'steps' steps"),
            Hyperparameter.integer("steps", 100, Range.COUNT, "steps per factor 'rate'"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ExponentialDecaySchedule> SIGNATURE = new Signature<>(
            ExponentialDecaySchedule.class, NAME, HYPERPARAMETERS,
            "init * rate^(t / steps)");
    /** The exponential decay with every default. */
    public static final ExponentialDecaySchedule DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ExponentialDecaySchedule {
        Hyperparameter.check(NAME, HYPERPARAMETERS, init, rate, steps);
    }

    @Override
    public double at(long step) {
        return init * StrictMath.pow(rate, (double) step / steps);
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
