package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import java.util.List;

/**
 * Inverse-time decay: eta_t = init / (1 + rate * t / steps), the 1/t decay of stochastic approximation
 * (Robbins and Monro, 1951) that the theory of SGD on strongly convex problems asks for.
 *
 * @param init  eta_0
 * @param rate  how fast the rate falls, at least 0
 * @param steps the time unit of {@code rate}
 */
public record InverseTimeDecaySchedule(double init, double rate, long steps) implements Schedule {
    /** The name in specs. */
    public static final String NAME = "inverseTime";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("init", 0.01, Range.POSITIVE, "rate at t = 0"),
            Hyperparameter.real("rate", 1, Range.NON_NEGATIVE, "decay rate per 'steps' steps"),
            Hyperparameter.integer("steps", 1, Range.COUNT, "time unit of 'rate', in steps"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<InverseTimeDecaySchedule> SIGNATURE = new Signature<>(
            InverseTimeDecaySchedule.class, NAME, HYPERPARAMETERS,
            "init / (1 + rate * t / steps)");
    /** The inverse-time decay with every default. */
    public static final InverseTimeDecaySchedule DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public InverseTimeDecaySchedule {
        Hyperparameter.check(NAME, HYPERPARAMETERS, init, rate, steps);
    }

    @Override
    public double at(long step) {
        return init / (1 + rate * ((double) step / steps));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
