package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Algebra;

/**
 * The polygamma function of order n: the (n+1)-th derivative of log Gamma. Order 0 is the digamma function,
 * order 1 the trigamma function. Defined for x &gt; 0 here (NaN otherwise).
 *
 * <p>Reference: Abramowitz and Stegun, Handbook of Mathematical Functions, 6.4.
 *
 * @param order n &gt;= 0
 */
public record Polygamma(int order) implements UnaryFunction {

    /** Checks the order. */
    public Polygamma {
        if (order < 0) {
            throw new dev.fluxion.dsl.DslException("polygamma order must be >= 0, got " + order);
        }
    }

    @Override
    public String symbol() {
        return order == 0 ? "digamma" : order == 1 ? "trigamma" : "polygamma";
    }

    @Override
    public double value(double x) {
        return GammaFunction.polygamma(order, x);
    }

    @Override
    public <T extends Algebra<T>> T derivative(T x) {
        return x.apply(new Polygamma(order + 1));
    }
}
