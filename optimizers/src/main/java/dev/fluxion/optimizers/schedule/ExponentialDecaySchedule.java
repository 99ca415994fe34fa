package dev.fluxion.optimizers.schedule;

/**
 * Smooth exponential decay: eta_t = init * rate^(t / steps), so the rate is multiplied by {@code rate} every
 * {@code steps} steps (as TensorFlow's and optax's {@code exponential_decay} without staircase).
 *
 * @param init  eta_0
 * @param rate  the decay per {@code steps} steps, in (0, 1]
 * @param steps the number of steps over which the rate is multiplied by {@code rate}
 */
public record ExponentialDecaySchedule(double init, double rate, long steps) implements Schedule {

    @Override
    public double at(long step) {
        return init * StrictMath.pow(rate, (double) step / steps);
    }

    @Override
    public String spec() {
        return "exponential(init=" + init + ", rate=" + rate + ", steps=" + steps + ")";
    }
}
