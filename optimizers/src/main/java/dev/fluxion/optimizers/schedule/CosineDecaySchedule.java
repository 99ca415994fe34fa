package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import java.util.List;

/**
 * Cosine annealing (Loshchilov and Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017,
 * eq. 5, without restarts): eta_t = final + (init - final) (1 + cos(pi t / steps)) / 2 for t &lt; steps, and
 * {@code final} afterwards.
 *
 * @param init    eta_0
 * @param steps   the length of the decay, at least 1
 * @param end     the rate reached at t = steps ({@code final} in specs)
 */
public record CosineDecaySchedule(double init, long steps, double end) implements Schedule {
    /** The name in specs. */
    public static final String NAME = "cosine";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("init", 0.01, Range.POSITIVE, "rate at t = 0"),
            Hyperparameter.integer("steps", 1000, Range.COUNT, "length of the decay, in steps"),
            Hyperparameter.real("final", 0, Range.NON_NEGATIVE, "rate from t = steps on"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<CosineDecaySchedule> SIGNATURE = new Signature<>(
            CosineDecaySchedule.class, NAME, HYPERPARAMETERS,
            "final + (init - final)(1 + cos(pi t / steps)) / 2 (Loshchilov and Hutter, 2017)");
    /** The cosine decay with every default. */
    public static final CosineDecaySchedule DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public CosineDecaySchedule {
        Hyperparameter.check(NAME, HYPERPARAMETERS, init, steps, end);
    }

    @Override
    public double at(long step) {
        if (step >= steps) {
            return end;
        }
        return end + (init - end) * 0.5 * (1 + StrictMath.cos(StrictMath.PI * step / steps));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
