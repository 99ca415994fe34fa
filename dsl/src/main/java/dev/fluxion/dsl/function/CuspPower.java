package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Algebra;

/**
 * x^q for a negative exponent q, except at x = 0, where it takes {@link Kinks#cuspSlope()} in place of the pole.
 *
 * <p>It is the factor that carries the infinite slope of a root at 0: sqrt'(x) = (2 sqrt x)^-1, cbrt'(x) =
 * cbrt(x)^-2 / 3 and (x^p)' = p x^(p-1) for 0 &lt; p &lt; 1 all blow up at x = 0, where the root has a cusp.
 * Written with a cusp power, their slope at 0 is the convention's (0 by default), so that sqrt(u) at a zero of
 * u &gt;= 0, the Euclidean norm at the origin for one, has the subgradient 0 instead of inf * 0 = NaN. Away
 * from 0 it is {@link PowerOf}'s x^q bit for bit. With {@code cuspSlope} set to +inf the one-sided slope of the
 * root comes back.
 *
 * <p>It prints as x^q (text and LaTeX), so a printed derivative reads as before and parses back to the plain
 * power, which differs from it only at 0.
 *
 * @param exponent the negative exponent q
 */
public record CuspPower(double exponent) implements Power {

    /** Checks that q is negative: a cusp power stands in for a pole. */
    public CuspPower {
        if (!(exponent < 0)) {
            throw new dev.fluxion.dsl.DslException("a cusp power needs a negative exponent, got " + exponent);
        }
    }

    /** x^q with the convention's slope at 0. */
    public static CuspPower of(double exponent) {
        return new CuspPower(exponent);
    }

    @Override
    public String symbol() {
        return "^";
    }

    /** x^q, and at 0 the standard convention's slope. */
    @Override
    public double value(double x) {
        return value(x, Kinks.STANDARD);
    }

    /** x^q, and at 0 the convention's slope. */
    @Override
    public double value(double x, Kinks kinks) {
        return x == 0 ? kinks.cuspSlope() : Math.pow(x, exponent);
    }

    /** q x^(q-1), again with the convention's value at 0 (times q), so that second derivatives follow it too. */
    @Override
    public <T extends Algebra<T>> T derivative(T x) {
        return x.apply(of(exponent - 1)).times(exponent);
    }
}
