package dev.fluxion.optimizers.schedule;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import java.util.List;

/**
 * Two schedules one after the other (optax's {@code join_schedules}): eta_t = first(t) for t &lt; boundary, and
 * second(t - boundary) afterwards. Nest joins to chain more than two.
 *
 * @param first  the schedule for t &lt; boundary
 * @param second the schedule from t = boundary, started from its own t = 0
 * @param boundary the step where the second schedule starts ({@code at} in specs)
 */
public record JoinedSchedule(Schedule first, Schedule second, long boundary) implements Schedule {
    /** The name in specs. */
    public static final String NAME = "join";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.schedule("first", null, "the schedule for t < at"),
            Hyperparameter.schedule("second", null, "the schedule from t = at on, restarted at 0"),
            Hyperparameter.integer("at", 100, Range.NON_NEGATIVE, "boundary step"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<JoinedSchedule> SIGNATURE = new Signature<>(
            JoinedSchedule.class, NAME, HYPERPARAMETERS,
            "join(A, B, at=T): A for t < T, then B started from its own t = 0");

    /** Checks every value against its hyperparameter. */
    public JoinedSchedule {
        Hyperparameter.check(NAME, HYPERPARAMETERS, first, second, boundary);
    }

    @Override
    public double at(long step) {
        return step < boundary ? first.at(step) : second.at(step - boundary);
    }

    @Override
    public String spec() {
        return "join(" + first.spec() + ", " + second.spec() + ", at=" + boundary + ")";
    }
}
