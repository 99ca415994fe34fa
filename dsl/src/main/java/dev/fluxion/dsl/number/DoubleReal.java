package dev.fluxion.dsl.number;

import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * A plain double as a {@link Real}: evaluating a generic function on it gives the value and nothing more.
 *
 * @param value the number
 */
public record DoubleReal(double value) implements Real<DoubleReal> {

    /** The double x as a Real. */
    public static DoubleReal of(double x) {
        return new DoubleReal(x);
    }

    @Override
    public DoubleReal lift(double constant) {
        return new DoubleReal(constant);
    }

    @Override
    public DoubleReal plus(DoubleReal other) {
        return new DoubleReal(value + other.value);
    }

    @Override
    public DoubleReal minus(DoubleReal other) {
        return new DoubleReal(value - other.value);
    }

    @Override
    public DoubleReal times(DoubleReal other) {
        return new DoubleReal(value * other.value);
    }

    @Override
    public DoubleReal div(DoubleReal other) {
        return new DoubleReal(value / other.value);
    }

    @Override
    public DoubleReal unaryMinus() {
        return new DoubleReal(-value);
    }

    @Override
    public DoubleReal apply(UnaryFunction f) {
        return new DoubleReal(f.value(value));
    }

    @Override
    public DoubleReal apply(BinaryFunction f, DoubleReal other) {
        return new DoubleReal(f.value(value, other.value));
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
