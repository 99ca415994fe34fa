package dev.fluxion.landscapes.bbob;

/**
 * The random numbers behind every bbob instance, as COCO's legacy generator of 2009 draws them, so that an
 * instance here is COCO's instance.
 *
 * <p>Uniforms come from Park and Miller's minimal standard generator, s &lt;- 16807 s mod (2^31 - 1) computed by
 * Schrage's decomposition (127773 = (2^31 - 1) div 16807, 2836 = (2^31 - 1) mod 16807), read through a table of
 * 32 values in the manner of Bays and Durham: 40 warm-up steps fill the table, and each draw returns the entry that
 * the previous draw points to (its value divided by 2^26 + 1) and refills that entry. A draw is the entry divided
 * by 2.147483647e9; an exact 0 becomes 1e-99. Normals come from pairs of uniforms by the Box-Muller transform,
 * g_i = sqrt(-2 ln u_i) cos(2 pi u_(n+i)) from 2n uniforms, an exact 0 again becoming 1e-99.
 *
 * <p>The sequence depends on the seed alone; the seeds of an instance are built in {@link BbobInstance}. Every
 * seed COCO uses for the instances this module allows lies below 2^31 - 1, where the arithmetic is exact in 32 bits
 * as well as in 64.
 *
 * <p>Sources: Park, S. K. and Miller, K. W. (1988), Random number generators: good ones are hard to find,
 * Communications of the ACM 31(10), 1192-1201; Bays, C. and Durham, S. D. (1976), Improving a poor random number
 * generator, ACM Transactions on Mathematical Software 2(1), 59-64; Hansen et al. (2009), INRIA RR-6829, and
 * COCO's {@code suite_bbob_legacy_code.c}, whose generator this reproduces.
 */
final class BbobRandom {
    private static final long MODULUS = 2147483647L;
    private static final long MULTIPLIER = 16807L;
    private static final long SCHRAGE_QUOTIENT = 127773L;
    private static final long SCHRAGE_REMAINDER = 2836L;
    private static final int TABLE = 32;
    private static final int WARM_UP = 40;
    private static final double SLOT_WIDTH = 67108865.0;
    private static final double SCALE = 2.147483647e9;
    private static final double TINY = 1e-99;

    private BbobRandom() {
    }

    /** n uniforms in (0, 1) from the seed (|seed|, and 1 for a seed of 0). */
    static double[] uniform(int n, long seed) {
        long state = Math.max(1, Math.abs(seed));
        long[] table = new long[TABLE];
        for (int i = WARM_UP - 1; i >= 0; i--) {
            state = step(state);
            if (i < TABLE) {
                table[i] = state;
            }
        }
        long pointer = table[0];
        double[] draws = new double[n];
        for (int i = 0; i < n; i++) {
            state = step(state);
            int slot = (int) Math.floor((double) pointer / SLOT_WIDTH);
            pointer = table[slot];
            table[slot] = state;
            draws[i] = pointer / SCALE;
            if (draws[i] == 0) {
                draws[i] = TINY;
            }
        }
        return draws;
    }

    /** n standard normals from the seed, by Box-Muller on 2n uniforms. */
    static double[] gaussian(int n, long seed) {
        double[] u = uniform(2 * n, seed);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.sqrt(-2 * Math.log(u[i])) * Math.cos(2 * Math.PI * u[n + i]);
            if (g[i] == 0) {
                g[i] = TINY;
            }
        }
        return g;
    }

    /** One step of the minimal standard generator, 16807 s mod (2^31 - 1), without overflow. */
    private static long step(long state) {
        long quotient = (long) Math.floor((double) state / SCHRAGE_QUOTIENT);
        long next = MULTIPLIER * (state - quotient * SCHRAGE_QUOTIENT) - SCHRAGE_REMAINDER * quotient;
        return next < 0 ? next + MODULUS : next;
    }
}
