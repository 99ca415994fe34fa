package dev.fluxion.optimizers.transform;

/**
 * A solver of the trust-region subproblem (Nocedal and Wright, "Numerical Optimization", 2nd ed., 2006, eq. 4.3):
 * <pre>
 *   minimize  m(p) = f + g'p + 1/2 p'H p   subject to  ||p||_2 &lt;= Delta
 * </pre>
 * exactly or approximately. Implementations keep their scratch arrays from step to step and save nothing.
 */
interface TrustRegionSubproblem {

    /**
     * Writes an (approximate) minimizer of the model within the radius into {@code step}, and returns whether it lies
     * on the boundary ||p|| = Delta, which is what lets {@link TrustRegion} enlarge the radius.
     *
     * @param gradient g, not 0
     * @param hessian  H, symmetric, n by n
     * @param radius   Delta &gt; 0
     * @param step     p, written
     */
    boolean solve(double[] gradient, double[][] hessian, double radius, double[] step);

    /**
     * The positive root tau of a tau^2 + b tau + c = 0 for a &gt; 0 and c &lt; 0 (the step along a direction to the
     * boundary from a point inside it: a = d'd, b = 2 z'd, c = z'z - Delta^2), computed without the cancellation
     * of the textbook formula; the other root is c / (a tau), negative.
     */
    static double positiveRoot(double a, double b, double c) {
        double root = Math.sqrt(b * b - 4 * a * c);
        return b >= 0 ? 2 * c / (-b - root) : (-b + root) / (2 * a);
    }
}
