package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Algebra;

/**
 * A two-argument function under a convention for kinks: f(x, y) is {@code function.value(x, y, kinks)}, and its
 * partial derivatives are the function's own rules evaluated on {@link KinkedAlgebra}, so that greater for max and
 * min, heaviside for leakyRelu and elu, and the cusp power for hypot follow the same convention.
 *
 * @param function the function, unbound
 * @param kinks    the convention
 */
public record KinkedBinary(BinaryFunction function, Kinks kinks) implements BinaryFunction {

    /** Binds the function itself, not an earlier binding of it. */
    public KinkedBinary {
        if (function instanceof KinkedBinary bound) {
            function = bound.function();
        }
    }

    @Override
    public String symbol() {
        return function.symbol();
    }

    @Override
    public double value(double x, double y) {
        return function.value(x, y, kinks);
    }

    @Override
    public <T extends Algebra<T>> T partialFirst(T x, T y) {
        return function.partialFirst(new KinkedAlgebra<>(x, kinks), new KinkedAlgebra<>(y, kinks)).number();
    }

    @Override
    public <T extends Algebra<T>> T partialSecond(T x, T y) {
        return function.partialSecond(new KinkedAlgebra<>(x, kinks), new KinkedAlgebra<>(y, kinks)).number();
    }

    @Override
    public BinaryFunction under(Kinks other) {
        return function.under(other);
    }
}
