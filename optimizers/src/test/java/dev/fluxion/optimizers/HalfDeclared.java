package dev.fluxion.optimizers;

import dev.fluxion.optimizers.schedule.Schedule;

/**
 * A schedule record with one component, for a signature that declares two hyperparameters: {@link Signature}
 * must refuse the pair.
 *
 * @param rate the rate at every step
 */
public record HalfDeclared(double rate) implements Schedule {

    @Override
    public double at(long step) {
        return rate;
    }

    @Override
    public String spec() {
        return "half";
    }
}
