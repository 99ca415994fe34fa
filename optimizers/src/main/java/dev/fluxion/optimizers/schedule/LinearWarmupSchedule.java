package dev.fluxion.optimizers.schedule;

/**
 * Linear warm-up before another schedule (Goyal et al., "Accurate, Large Minibatch SGD", 2017, section 2.2):
 * eta_t = start + (then(0) - start) t / steps for t &lt; steps, then eta_t = then(t - steps).
 *
 * @param steps the length of the warm-up, at least 1
 * @param start the rate at t = 0
 * @param then  the schedule that follows, started from its own t = 0
 */
public record LinearWarmupSchedule(long steps, double start, Schedule then) implements Schedule {

    @Override
    public double at(long step) {
        if (step >= steps) {
            return then.at(step - steps);
        }
        return start + (then.at(0) - start) * ((double) step / steps);
    }

    @Override
    public String spec() {
        return "warmup(steps=" + steps + ", start=" + start + ", then=" + then.spec() + ")";
    }
}
