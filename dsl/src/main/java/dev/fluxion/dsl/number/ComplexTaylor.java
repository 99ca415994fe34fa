package dev.fluxion.dsl.number;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * A complex function from a real one by its Taylor series in the imaginary part: for z = a + i b,
 * f(a + i b) = sum_n f^(n)(a) (i b)^n / n! = sum_n c_n i^n, where c_n are the Taylor coefficients of
 * f(a + b t) in t. They come from a {@link Jet} seeded with a + b t, so the derivative rules of the function
 * (the shared ones of {@code Unary} and {@code Binary}, or a user function's own) give every order, and b^n
 * is folded into c_n so that no power of b overflows or underflows separately from the term.
 *
 * <p>This serves erf, erfc, log Gamma and every function that has no closed complex form here (such as
 * {@code Polygamma} or a user's {@link UnaryFunction}). It is meant for the complex step: the series is
 * summed for |b| &lt;= 1e-3 (1 + |a|) only, where it converges fast for these functions (for a tiny b the first
 * two terms, f(a) + i b f'(a), are already exact), and a {@link DslException} reports a larger |b| or a
 * series that does not settle within {@value #MAX_ORDER} terms (as near a pole, such as log Gamma near 0).
 * For two arguments the series runs along the direction of both imaginary parts,
 * f(a + i b, c + i d) = sum_n c_n i^n with c_n the coefficients of f(a + b t, c + d t).
 */
final class ComplexTaylor {
    /** The largest |b| / (1 + |a|) summed: the complex-step regime. */
    static final double IMAGINARY_LIMIT = 1e-3;
    private static final int MAX_ORDER = 32;
    /** A term is negligible once it is this small against the sum of the magnitudes of its part's terms. */
    private static final double NEGLIGIBLE = 1e-17;

    private ComplexTaylor() {
    }

    /** f(a + i b) = sum_n f^(n)(a) (i b)^n / n!, for |b| &lt;= 1e-3 (1 + |a|). */
    static Complex apply(UnaryFunction f, Complex z) {
        double a = z.real();
        double b = z.imaginary();
        if (b == 0 || Double.isNaN(a) || Double.isNaN(b)) {
            return new Complex(f.value(a), b == 0 ? 0 : Double.NaN);
        }
        checkLimit(f.symbol(), "argument", a, b);
        for (int order = 3; order <= MAX_ORDER; order *= 2) {
            double[] seed = new double[order + 1];
            seed[0] = a;
            seed[1] = b;
            Complex sum = sumIfSettled(Jet.of(seed).apply(f).coefficients());
            if (sum != null) {
                return sum;
            }
        }
        throw notSettled(f.symbol(), "at " + a + " + " + b + "i");
    }

    /** f(a + i b, c + i d) = sum_n c_n i^n with c_n the coefficients of f(a + b t, c + d t). */
    static Complex apply(BinaryFunction f, Complex z, Complex w) {
        double a = z.real();
        double b = z.imaginary();
        double c = w.real();
        double d = w.imaginary();
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
            return new Complex(Double.NaN, Double.NaN);
        }
        if (b == 0 && d == 0) {
            return new Complex(f.value(a, c), 0);
        }
        checkLimit(f.symbol(), "first argument", a, b);
        checkLimit(f.symbol(), "second argument", c, d);
        for (int order = 3; order <= MAX_ORDER; order *= 2) {
            double[] first = new double[order + 1];
            double[] second = new double[order + 1];
            first[0] = a;
            first[1] = b;
            second[0] = c;
            second[1] = d;
            Complex sum = sumIfSettled(Jet.of(first).apply(f, Jet.of(second)).coefficients());
            if (sum != null) {
                return sum;
            }
        }
        throw notSettled(f.symbol(), "at (" + z + ", " + w + ")");
    }

    private static void checkLimit(String symbol, String which, double a, double b) {
        if (!(Math.abs(b) <= IMAGINARY_LIMIT * (1 + Math.abs(a)))) {
            throw new DslException("the complex " + symbol + " is computed by its Taylor series in the imaginary"
                    + " part, which needs |Im| <= " + IMAGINARY_LIMIT + " * (1 + |Re|); its " + which + " is "
                    + a + " + " + b + "i, so |Im| = " + Math.abs(b) + " > " + IMAGINARY_LIMIT * (1 + Math.abs(a))
                    + " (use a complex step h of that size or smaller)");
        }
    }

    private static DslException notSettled(String symbol, String where) {
        return new DslException("the Taylor series of the complex " + symbol + " " + where
                + " did not converge within " + MAX_ORDER + " terms; the point is too close to a singularity"
                + " for this imaginary part (use a smaller complex step h)");
    }

    /**
     * sum_n c_n i^n, split into the real part c_0 - c_2 + c_4 - ... and the imaginary part c_1 - c_3 + ...,
     * or null when the last term of either part is not yet negligible against that part.
     */
    private static Complex sumIfSettled(double[] c) {
        double[] sums = new double[2];
        double[] magnitudes = new double[2];
        // From the highest order down, so the small terms are added before the large ones.
        for (int n = c.length - 1; n >= 0; n--) {
            double term = (n % 4 < 2) ? c[n] : -c[n];
            sums[n % 2] += term;
            magnitudes[n % 2] += Math.abs(term);
        }
        int last = c.length - 1;
        boolean settled = Math.abs(c[last]) <= NEGLIGIBLE * magnitudes[last % 2]
                && Math.abs(c[last - 1]) <= NEGLIGIBLE * magnitudes[(last - 1) % 2];
        if (!Double.isFinite(sums[0]) || !Double.isFinite(sums[1])) {
            return new Complex(sums[0], sums[1]);
        }
        return settled ? new Complex(sums[0], sums[1]) : null;
    }
}
