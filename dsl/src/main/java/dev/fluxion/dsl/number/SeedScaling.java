package dev.fluxion.dsl.number;

import java.util.function.IntToDoubleFunction;

/**
 * A forward derivative that overflowed in an intermediate term, recomputed from seeds scaled by a power of two.
 *
 * <p>A derivative of order d propagated forward (a hyper-dual's cross part, a jet's n-th coefficient, the tangent
 * of a reverse sweep) is homogeneous of degree d in its seeds: D(s) = s^d D(1) for the seeds scaled by s. With
 * s = 2^-k every operation on the seeded parts is exactly scaled as long as its operands and result stay normal,
 * so 2^(dk) D(2^-k) equals D(1) bit for bit. Where D(1) is non-finite only because an intermediate term
 * overflowed, a larger k brings every term into range: for x ln x at x = 1e-160, ln'' = -1/x^2 = -1e320
 * overflows before it is multiplied by x, while f'' = 1/x = 1e160 is representable.
 *
 * <p>The recovery: if D(1) is finite it is returned unchanged, with no extra work. Otherwise the smallest k in
 * [1, kMax - {@value #CHECK}] at which 2^(dk) D(2^-k) is finite is found by bisection (the largest seeds that do
 * not overflow, the furthest from underflow), and its result is accepted only if D(2^-k) is normal and
 * 2^(d(k + {@value #CHECK})) D(2^-(k + {@value #CHECK})) equals it bit for bit. By the exactness above they agree
 * when neither computation touched the ends of the range; a result that is finite only because a term underflowed
 * (a derivative that truly overflows, such as d2/dy2 x ln y = -x/y^2 at y = 1e-160) changes with k, or is zero or
 * subnormal. Otherwise D(1) is returned: a derivative beyond the range of doubles stays infinite. A derivative
 * that is exactly 0 or subnormal behind an overflowing term is not recovered either.
 *
 * <p>At most 2 + log2(kMax) extra evaluations, only where the first one gave no finite result.
 */
public final class SeedScaling {
    /** How much further the seeds are scaled to confirm a result: 2^-8. */
    static final int CHECK = 8;

    /**
     * The largest k at which seeds of exponent 0 (such as unit seeds) stay normal numbers, and so are exact:
     * 2^-1022.
     */
    public static final int MAX_EXPONENT = -Double.MIN_EXPONENT;

    private SeedScaling() {
    }

    /**
     * The derivative D(1) = {@code unscaled} if finite, else 2^(dk) D(2^-k) for the k found as described above,
     * else {@code unscaled}.
     *
     * @param unscaled D(1), the derivative computed with the seeds as given
     * @param degree d, the order of the derivative in the seeds (2 for a Hessian entry by hyper-duals, n for
     *     the n-th coefficient of a jet, 1 for a Hessian-vector product by forward over reverse)
     * @param maxExponent kMax: the seeds scaled by 2^-kMax must still be exact (normal)
     * @param scaled k -&gt; D(2^-k), the derivative computed with the seeds multiplied by 2^-k, not rescaled
     */
    public static double rescued(double unscaled, int degree, int maxExponent, IntToDoubleFunction scaled) {
        if (Double.isFinite(unscaled) || maxExponent < 1 + CHECK) {
            return unscaled;
        }
        int overflows = 0;
        int finite = maxExponent - CHECK;
        double atFinite = scaled.applyAsDouble(finite);
        if (!Double.isFinite(rescale(atFinite, degree, finite))) {
            return unscaled;
        }
        while (finite - overflows > 1) {
            int k = (overflows + finite) >>> 1;
            double atK = scaled.applyAsDouble(k);
            if (Double.isFinite(rescale(atK, degree, k))) {
                finite = k;
                atFinite = atK;
            } else {
                overflows = k;
            }
        }
        double atSmaller = scaled.applyAsDouble(finite + CHECK);
        double candidate = rescale(atFinite, degree, finite);
        boolean confirmed = Math.abs(atFinite) >= Double.MIN_NORMAL && Math.abs(atSmaller) >= Double.MIN_NORMAL
                && candidate == rescale(atSmaller, degree, finite + CHECK);
        return confirmed ? candidate : unscaled;
    }

    /** 2^(d k) D: exact unless the result leaves the range. */
    private static double rescale(double derivative, int degree, int k) {
        return Math.scalb(derivative, degree * k);
    }

    /**
     * kMax for the seed vector u: the largest k at which every non-zero u_i 2^-k is still normal, or 0 (no
     * rescaling) if some u_i is not finite.
     */
    public static int maxExponent(double[] seeds) {
        int k = Integer.MAX_VALUE;
        for (double u : seeds) {
            if (!Double.isFinite(u)) {
                return 0;
            }
            if (u != 0) {
                k = Math.min(k, Math.getExponent(u) + MAX_EXPONENT);
            }
        }
        return k == Integer.MAX_VALUE ? 0 : Math.max(k, 0);
    }
}
