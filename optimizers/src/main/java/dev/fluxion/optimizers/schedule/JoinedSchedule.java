package dev.fluxion.optimizers.schedule;

/**
 * Two schedules one after the other (optax's {@code join_schedules}): eta_t = first(t) for t &lt; boundary, and
 * second(t - boundary) afterwards. Nest joins to chain more than two.
 *
 * @param first  the schedule for t &lt; boundary
 * @param second the schedule from t = boundary, started from its own t = 0
 * @param boundary the step where the second schedule starts ({@code at} in specs)
 */
public record JoinedSchedule(Schedule first, Schedule second, long boundary) implements Schedule {

    @Override
    public double at(long step) {
        return step < boundary ? first.at(step) : second.at(step - boundary);
    }

    @Override
    public String spec() {
        return "join(" + first.spec() + ", " + second.spec() + ", at=" + boundary + ")";
    }
}
