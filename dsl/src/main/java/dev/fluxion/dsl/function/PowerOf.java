package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Algebra;

/**
 * x^p for a constant exponent p: (x^p)' = p x^(p-1). For an integer p it is defined for every real x;
 * otherwise for x &gt;= 0 (NaN below, as {@link Math#pow} gives). For 0 &lt; p &lt; 1 the slope is infinite at 0,
 * a cusp: there x^(p-1) is a {@link CuspPower}, so the slope at 0 is the convention's ({@link Kinks#cuspSlope()}).
 *
 * @param exponent the constant exponent p
 */
public record PowerOf(double exponent) implements Power {

    /** x^p. */
    public static PowerOf of(double exponent) {
        return new PowerOf(exponent);
    }

    @Override
    public String symbol() {
        return "^";
    }

    /**
     * x^p; squares and cubes by multiplication, since {@link Math#pow} costs about 24 ns a call on JDK 17 (the
     * JIT reduces only pow(x, 2) to a product), which is more than the rest of Beale's function and its gradient
     * together. x * x * x is within 2 ulp of x^3, with the same signs, zeros, infinities and NaNs as pow.
     */
    @Override
    public double value(double x) {
        if (exponent == 2) {
            return x * x;
        }
        if (exponent == 3) {
            return x * x * x;
        }
        if (exponent == 1) {
            return x;
        }
        return Math.pow(x, exponent);
    }

    /** Itself for a whole-number exponent; a fractional one reaches a cusp at some order, so it is bound. */
    @Override
    public UnaryFunction under(Kinks kinks) {
        return exponent == Math.rint(exponent) ? this : new KinkedUnary(this, kinks);
    }

    @Override
    public <T extends Algebra<T>> T derivative(T x) {
        if (exponent == 0) {
            return x.lift(0);
        }
        if (exponent == 1) {
            return x.lift(1);
        }
        if (exponent > 0 && exponent < 1) {
            return x.apply(CuspPower.of(exponent - 1)).times(exponent);
        }
        return x.pow(exponent - 1).times(exponent);
    }
}
