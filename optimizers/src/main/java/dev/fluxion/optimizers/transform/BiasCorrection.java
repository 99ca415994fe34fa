package dev.fluxion.optimizers.transform;

/**
 * The bias correction of a moment estimate that decays at rate beta, after t steps: 1 - beta^t (Kingma and Ba,
 * "Adam: A Method for Stochastic Optimization", ICLR 2015, section 3).
 *
 * <p>beta^t is computed by binary powering in double-double arithmetic (Dekker, "A floating-point technique for
 * extending the available precision", Numer. Math. 18, 1971): each partial product is carried as an unevaluated
 * sum hi + lo with about 106 significant bits, so the final hi is beta^t correctly rounded (barring a tie within
 * about 2^-100 relative, and below 2^-1000, where it is within a few units in the last place). That is the value
 * {@code StrictMath.pow} gives wherever fdlibm rounds correctly, and with the same pure double arithmetic it is
 * the same on every platform. Unlike {@code StrictMath.pow} on JDK 17, whose Java code allocates three small
 * arrays per call until the JIT's escape analysis removes them, it allocates nothing, so that an optimizer step is
 * allocation-free from its first call.
 */
final class BiasCorrection {
    /** 2^27 + 1: Veltkamp's splitter, cutting a double into two halves of 26 bits whose products are exact. */
    private static final double SPLITTER = 134217729.0;

    private BiasCorrection() {
    }

    /** 1 - beta^t, for beta in [0, 1) and t &gt;= 1. */
    static double of(double beta, long t) {
        return 1 - power(beta, t);
    }

    /** beta^t by binary powering on double-double numbers; t &gt;= 0. */
    static double power(double beta, long t) {
        double resultHi = 1;
        double resultLo = 0;
        double baseHi = beta;
        double baseLo = 0;
        for (long n = t; n > 0; n >>>= 1) {
            if ((n & 1) != 0) {
                double hi = resultHi * baseHi;
                double lo = productError(resultHi, baseHi, hi) + (resultHi * baseLo + resultLo * baseHi);
                resultHi = hi + lo;
                resultLo = lo - (resultHi - hi);
            }
            if (n > 1) {
                double hi = baseHi * baseHi;
                double lo = productError(baseHi, baseHi, hi) + 2 * (baseHi * baseLo);
                baseHi = hi + lo;
                baseLo = lo - (baseHi - hi);
            }
        }
        return resultHi;
    }

    /** a b - p exactly, for p = fl(a b) (Dekker's product, with Veltkamp's split; no fused multiply-add needed). */
    private static double productError(double a, double b, double p) {
        double ca = SPLITTER * a;
        double aHi = ca - (ca - a);
        double aLo = a - aHi;
        double cb = SPLITTER * b;
        double bHi = cb - (cb - b);
        double bLo = b - bHi;
        return ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo;
    }
}
