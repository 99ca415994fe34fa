package dev.fluxion.optimizers.transform;

import java.util.concurrent.ConcurrentHashMap;

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
public final class BiasCorrection {
    /** 2^27 + 1: Veltkamp's splitter, cutting a double into two halves of 26 bits whose products are exact. */
    private static final double SPLITTER = 134217729.0;
    /** The length of a shared table ({@link Sequence}): 2^14 corrections, 128 KiB, made in about a millisecond. */
    static final int TABLE_LENGTH = 1 << 14;
    /** The number of betas that get a shared table; sequences of any other beta compute their own corrections. */
    static final int TABLE_BETAS = 16;
    private static final double[] NONE = new double[0];
    /** By the bits of beta: 1 - beta^t for t = 1 .. the array's length, never changed once published. */
    private static final ConcurrentHashMap<Long, double[]> TABLES = new ConcurrentHashMap<>();

    private BiasCorrection() {
    }

    /** 1 - beta^t, for beta in [0, 1) and t &gt;= 1. */
    public static double of(double beta, long t) {
        return 1 - power(beta, t);
    }

    /** beta^t by binary powering on double-double numbers; t &gt;= 0. */
    static double power(double beta, long t) {
        return power(beta, t, null);
    }

    /** beta^t as {@link #power(double, long)} gives it, and, when {@code lowPart} is given, its low part there. */
    private static double power(double beta, long t, double[] lowPart) {
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
        if (lowPart != null) {
            lowPart[0] = resultLo;
        }
        return resultHi;
    }

    /**
     * 1 - beta^t for t = 1, 2, 3, ... as an optimizer's steps ask for it, with the bits of {@link #of}, at the cost
     * of a load per step: the first {@link #TABLE_LENGTH} corrections of each beta are a table shared by every
     * sequence of that beta in the JVM (for the first {@link #TABLE_BETAS} betas), made by the first sequence of
     * that beta, when its optimizer state is made, so that steps allocate nothing. On a small problem each step of
     * a run would otherwise spend most of its time on this number (benchmarks/README.md, "A step against its
     * floor").
     *
     * <p>Past the table (or without one) it keeps beta^t as a double-double and multiplies it by beta for t + 1, one
     * double-double multiplication per step instead of a binary powering (about 10 dependent rounds at t = 500). The
     * product carries at most about t 2^-104 of relative error, as {@link #of}'s powering carries about
     * log2(t) 2^-104; so where the double-double lies further than (t + 128) 2^-100 from the midpoint between two
     * doubles, both round to the same double, the correctly rounded beta^t. Nearer a midpoint (about once in 2^40
     * steps at t = 10^4), or for any t not one past the last (a restored state, say), it asks {@link #of}'s powering
     * and starts again from its result. The tables are filled the same way. Mutable, for one optimizer state.
     */
    public static final class Sequence {
        private final double beta;
        /** The shared table, or an empty one. */
        private final double[] table;
        private long t = -1;
        private double hi;
        private double lo;
        private final double[] lowPart = new double[1];

        /** The corrections of a moment estimate decaying at rate beta, in [0, 1). */
        public Sequence(double beta) {
            this(beta, sharedTable(beta));
        }

        private Sequence(double beta, double[] table) {
            this.beta = beta;
            this.table = table;
        }

        /** 1 - beta^t, the same double as {@code BiasCorrection.of(beta, t)}; t &gt;= 1. */
        public double correction(long t) {
            double[] corrections = table;
            if (t >= 1 && t <= corrections.length) {
                return corrections[(int) (t - 1)];
            }
            return next(t);
        }

        private double next(long t) {
            if (t == this.t + 1 && t > 1) {
                double productHi = hi * beta;
                double productLo = productError(hi, beta, productHi) + lo * beta;
                double nextHi = productHi + productLo;
                double nextLo = productLo - (nextHi - productHi);
                double halfUlp = 0.5 * Math.ulp(nextHi);
                double bound = (t + 128) * 0x1p-100 * Math.abs(nextHi);
                if (Math.abs(nextLo) < halfUlp - bound && nextHi >= Double.MIN_NORMAL) {
                    this.t = t;
                    hi = nextHi;
                    lo = nextLo;
                    return 1 - hi;
                }
            }
            hi = power(beta, t, lowPart);
            lo = lowPart[0];
            this.t = t;
            return 1 - hi;
        }
    }

    /**
     * beta's shared table, made now if it has none and fewer than {@link #TABLE_BETAS} betas have one (two threads
     * that make it at once compute the same numbers); empty for any other beta.
     */
    private static double[] sharedTable(double beta) {
        Long key = Double.doubleToRawLongBits(beta);
        double[] table = TABLES.get(key);
        if (table != null) {
            return table;
        }
        if (TABLES.size() >= TABLE_BETAS) {
            return NONE;
        }
        Sequence own = new Sequence(beta, NONE);
        double[] corrections = new double[TABLE_LENGTH];
        for (int k = 0; k < TABLE_LENGTH; k++) {
            corrections[k] = own.next(k + 1);
        }
        double[] first = TABLES.putIfAbsent(key, corrections);
        return first != null ? first : corrections;
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
