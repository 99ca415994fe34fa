package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import java.util.List;

/**
 * The same learning rate at every step: eta_t = value. In a spec, a plain number where a schedule is expected.
 *
 * @param value the learning rate
 */
public record ConstantSchedule(double value) implements Schedule {
    /** The name in specs. */
    public static final String NAME = "constant";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("value", 0.01, Range.POSITIVE, "the learning rate"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ConstantSchedule> SIGNATURE = new Signature<>(
            ConstantSchedule.class, NAME, HYPERPARAMETERS,
            "the same rate at every step");
    /** The constant schedule with every default. */
    public static final ConstantSchedule DEFAULT = SIGNATURE.defaults();

    /** Checks the rate against its range. */
    public ConstantSchedule {
        Hyperparameter.check(NAME, HYPERPARAMETERS, value);
    }

    @Override
    public double at(long step) {
        return value;
    }

    @Override
    public String spec() {
        return Double.toString(value);
    }
}
