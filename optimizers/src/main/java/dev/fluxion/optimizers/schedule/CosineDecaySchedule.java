package dev.fluxion.optimizers.schedule;

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

    @Override
    public double at(long step) {
        if (step >= steps) {
            return end;
        }
        return end + (init - end) * 0.5 * (1 + StrictMath.cos(StrictMath.PI * step / steps));
    }

    @Override
    public String spec() {
        return "cosine(init=" + init + ", steps=" + steps + ", final=" + end + ")";
    }
}
