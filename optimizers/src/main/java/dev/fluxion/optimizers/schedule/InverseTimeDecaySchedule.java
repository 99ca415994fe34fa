package dev.fluxion.optimizers.schedule;

/**
 * Inverse-time decay: eta_t = init / (1 + rate * t / steps), the 1/t decay of stochastic approximation
 * (Robbins and Monro, 1951) that the theory of SGD on strongly convex problems asks for.
 *
 * @param init  eta_0
 * @param rate  how fast the rate falls, at least 0
 * @param steps the time unit of {@code rate}
 */
public record InverseTimeDecaySchedule(double init, double rate, long steps) implements Schedule {

    @Override
    public double at(long step) {
        return init / (1 + rate * ((double) step / steps));
    }

    @Override
    public String spec() {
        return "inverseTime(init=" + init + ", rate=" + rate + ", steps=" + steps + ")";
    }
}
