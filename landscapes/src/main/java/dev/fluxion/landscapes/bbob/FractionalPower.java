package dev.fluxion.landscapes.bbob;

import dev.fluxion.dsl.function.UnaryFunction;
import dev.fluxion.dsl.number.Algebra;

/**
 * x^p for a constant 0 &lt; p &lt; 1 on x &gt;= 0, or its derivative of a given order, with every derivative set to
 * 0 at x = 0, where the true ones are infinite. The bbob functions take such roots of sums of squares: the sharp
 * ridge's sqrt (f13), the different powers' sqrt (f14), Schaffers' s^(1/4) and s^(1/10) (f17, f18), the attractive
 * sector's ^0.9 (f6) and Schwefel's sqrt|z| (f20). At 0 each sits on a cone, a cusp or the minimum, and 0 is a
 * subgradient there (the least-norm element of the subdifferential for f13 and f14); writing the rule as
 * (1/2) x^(-1/2) would instead give infinity times 0, a NaN. For f6 and f20 the convention gives the true derivative,
 * since the root is taken of something that vanishes to higher order.
 *
 * <p>The derivative of order n is p (p - 1) ... (p - n + 1) x^(p - n) for x &gt; 0, 0 at x = 0 and NaN for x &lt; 0.
 * The square root is computed as {@link Math#sqrt}, as COCO does.
 *
 * @param exponent the exponent p, in (0, 1)
 * @param order    the order of the derivative this function computes, 0 for x^p itself
 */
record FractionalPower(double exponent, int order) implements UnaryFunction {

    /** The square root, with slope 0 at 0. */
    static final FractionalPower SQRT = new FractionalPower(0.5, 0);

    /** x^p itself. */
    static FractionalPower of(double exponent) {
        return new FractionalPower(exponent, 0);
    }

    @Override
    public String symbol() {
        return "root[" + exponent + "]" + "'".repeat(order);
    }

    @Override
    public double value(double x) {
        if (!(x > 0)) {
            return x == 0 ? 0.0 : Double.NaN;
        }
        if (order == 0) {
            return exponent == 0.5 ? Math.sqrt(x) : Math.pow(x, exponent);
        }
        double factor = 1;
        for (int k = 0; k < order; k++) {
            factor *= exponent - k;
        }
        return factor * Math.pow(x, exponent - order);
    }

    @Override
    public <T extends Algebra<T>> T derivative(T x) {
        return x.apply(new FractionalPower(exponent, order + 1));
    }
}
