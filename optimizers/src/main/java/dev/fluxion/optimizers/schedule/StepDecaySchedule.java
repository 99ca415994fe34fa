package dev.fluxion.optimizers.schedule;

/**
 * Piecewise-constant decay: eta_t = init * factor^floor(t / every) (the "step" schedule of Krizhevsky et al.,
 * 2012, and He et al., 2016, who divide the rate by 10 at fixed epochs).
 *
 * @param init   eta_0
 * @param factor the multiplier applied every {@code every} steps, in (0, 1]
 * @param every  the number of steps between decays, at least 1
 */
public record StepDecaySchedule(double init, double factor, long every) implements Schedule {

    @Override
    public double at(long step) {
        return init * StrictMath.pow(factor, (double) (step / every));
    }

    @Override
    public String spec() {
        return "step(init=" + init + ", factor=" + factor + ", every=" + every + ")";
    }
}
