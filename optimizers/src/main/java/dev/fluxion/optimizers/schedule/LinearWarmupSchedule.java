package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import java.util.List;

/**
 * Linear warm-up before another schedule (Goyal et al., "Accurate, Large Minibatch SGD", 2017, section 2.2):
 * eta_t = start + (then(0) - start) t / steps for t &lt; steps, then eta_t = then(t - steps).
 *
 * @param steps the length of the warm-up, at least 1
 * @param start the rate at t = 0
 * @param then  the schedule that follows, started from its own t = 0
 */
public record LinearWarmupSchedule(long steps, double start, Schedule then) implements Schedule {
    /** The name in specs. */
    public static final String NAME = "warmup";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.integer("steps", 100, Range.COUNT, "length of the warm-up, in steps"),
            Hyperparameter.real("start", 0, Range.NON_NEGATIVE, "rate at t = 0"),
            Hyperparameter.schedule("then", new ConstantSchedule(0.01), "the schedule after warm-up"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<LinearWarmupSchedule> SIGNATURE = new Signature<>(
            LinearWarmupSchedule.class, NAME, HYPERPARAMETERS,
            "linear ramp from 'start' to then(0) over 'steps' steps, then the schedule"
            + " 'then' (Goyal et al., 2017)");
    /** The warm-up with every default. */
    public static final LinearWarmupSchedule DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public LinearWarmupSchedule {
        Hyperparameter.check(NAME, HYPERPARAMETERS, steps, start, then);
    }

    @Override
    public double at(long step) {
        if (step >= steps) {
            return then.at(step - steps);
        }
        return start + (then.at(0) - start) * ((double) step / steps);
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
