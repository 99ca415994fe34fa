package dev.fluxion.optimizers.schedule;

/**
 * The same learning rate at every step: eta_t = value. In a spec, a plain number where a schedule is expected.
 *
 * @param value the learning rate
 */
public record ConstantSchedule(double value) implements Schedule {

    @Override
    public double at(long step) {
        return value;
    }

    @Override
    public String spec() {
        return Double.toString(value);
    }
}
