package dev.fluxion.optimizers.transform;

/**
 * The Steihaug-Toint truncated conjugate-gradient solution of the trust-region subproblem (Steihaug, SIAM J. Numer.
 * Anal. 20(3), 1983; Toint, 1981; Nocedal and Wright, "Numerical Optimization", 2nd ed., 2006, Algorithm 7.2). CG on
 * H p = -g from p = 0 (residual r = g + H z, direction d), stopped at the first of:
 * <ul>
 *   <li>d'H d &lt;= 0, negative curvature: p = z + tau d on the boundary, of the two roots of ||z + tau d|| = Delta the
 *       one with the lower model value (m(z + tau d) - m(z) = tau d'r + tau^2 d'H d / 2);</li>
 *   <li>the next iterate at or past the boundary: p = z + tau d with the positive root;</li>
 *   <li>||r|| &lt; epsilon = min(cgTolerance, sqrt(||g||)) ||g||, the forcing term of N&amp;W eq. 7.3 (superlinear
 *       convergence near a minimizer): p = z, inside;</li>
 *   <li>10 n iterations, a guard against rounding (in exact arithmetic CG ends within n): p = z, inside.</li>
 * </ul>
 * With cgTolerance = 0.5 this is scipy's {@code trust-ncg} subproblem ({@code scipy/optimize/_trustregion_ncg.py}),
 * which has no iteration guard. It needs no factorization and no positive-definite H.
 */
final class SteihaugConjugateGradient implements TrustRegionSubproblem {
    private final int n;
    private final double cgTolerance;
    private final double[] residual;
    private final double[] direction;
    private final double[] curvature;

    SteihaugConjugateGradient(int n, double cgTolerance) {
        this.n = n;
        this.cgTolerance = cgTolerance;
        this.residual = new double[n];
        this.direction = new double[n];
        this.curvature = new double[n];
    }

    @Override
    public boolean solve(double[] gradient, double[][] hessian, double radius, double[] step) {
        double[] z = step;
        double rr = 0;
        for (int i = 0; i < n; i++) {
            z[i] = 0;
            residual[i] = gradient[i];
            direction[i] = -gradient[i];
            rr += gradient[i] * gradient[i];
        }
        double gradientNorm = Math.sqrt(rr);
        double epsilon = Math.min(cgTolerance, Math.sqrt(gradientNorm)) * gradientNorm;
        for (int iteration = 0; iteration < 10 * n; iteration++) {
            double dHd = 0;
            for (int i = 0; i < n; i++) {
                double hd = 0;
                double[] row = hessian[i];
                for (int j = 0; j < n; j++) {
                    hd += row[j] * direction[j];
                }
                curvature[i] = hd;
                dHd += direction[i] * hd;
            }
            if (dHd <= 0) {
                toBoundary(z, radius, dHd);
                return true;
            }
            double alpha = rr / dHd;
            double nextSquares = 0;
            for (int i = 0; i < n; i++) {
                double next = z[i] + alpha * direction[i];
                nextSquares += next * next;
            }
            if (nextSquares >= radius * radius) {
                toBoundary(z, radius, Double.NaN);
                return true;
            }
            double nextRr = 0;
            for (int i = 0; i < n; i++) {
                z[i] += alpha * direction[i];
                residual[i] += alpha * curvature[i];
                nextRr += residual[i] * residual[i];
            }
            if (Math.sqrt(nextRr) < epsilon) {
                return false;
            }
            double beta = nextRr / rr;
            for (int i = 0; i < n; i++) {
                direction[i] = -residual[i] + beta * direction[i];
            }
            rr = nextRr;
        }
        return false;
    }

    /**
     * z &lt;- z + tau d with ||z + tau d|| = Delta: the positive root when {@code dHd} is NaN (the iterate left the
     * region), else (negative curvature d'H d = dHd) the root with the lower model value, the positive one on a tie.
     */
    private void toBoundary(double[] z, double radius, double dHd) {
        double dd = 0;
        double zd = 0;
        double zz = 0;
        double dr = 0;
        for (int i = 0; i < n; i++) {
            dd += direction[i] * direction[i];
            zd += z[i] * direction[i];
            zz += z[i] * z[i];
            dr += direction[i] * residual[i];
        }
        double c = zz - radius * radius;
        double tau = TrustRegionSubproblem.positiveRoot(dd, 2 * zd, c);
        if (!Double.isNaN(dHd)) {
            double negative = c / (dd * tau);
            if (negative * dr + 0.5 * negative * negative * dHd < tau * dr + 0.5 * tau * tau * dHd) {
                tau = negative;
            }
        }
        for (int i = 0; i < n; i++) {
            z[i] += tau * direction[i];
        }
    }
}
