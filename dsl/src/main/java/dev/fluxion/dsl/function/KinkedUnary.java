package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Algebra;

/**
 * A one-argument function under a convention for kinks: f(x) is {@code function.value(x, kinks)}, and f'(x) is
 * the function's own rule evaluated on {@link KinkedAlgebra}, so that every function the rule applies (sign for
 * abs, heaviside for relu, the cusp power for sqrt, and so on at every order) is bound to the same convention.
 *
 * <p>It is what {@link Kinks#bind(UnaryFunction)} gives for a function with a kink; it prints as the function does.
 *
 * @param function the function of the table (or any other), unbound
 * @param kinks    the convention
 */
public record KinkedUnary(UnaryFunction function, Kinks kinks) implements UnaryFunction {

    /** Binds the function itself, not an earlier binding of it, so that binding twice keeps one wrapper. */
    public KinkedUnary {
        if (function instanceof KinkedUnary bound) {
            function = bound.function();
        }
    }

    @Override
    public String symbol() {
        return function.symbol();
    }

    @Override
    public double value(double x) {
        return function.value(x, kinks);
    }

    @Override
    public <T extends Algebra<T>> T derivative(T x) {
        return function.derivative(new KinkedAlgebra<>(x, kinks)).number();
    }

    @Override
    public UnaryFunction under(Kinks other) {
        return function.under(other);
    }
}
