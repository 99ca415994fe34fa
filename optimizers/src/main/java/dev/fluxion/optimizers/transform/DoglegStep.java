package dev.fluxion.optimizers.transform;

/**
 * Powell's dogleg solution of the trust-region subproblem (Powell, 1970; Nocedal and Wright, "Numerical
 * Optimization", 2nd ed., 2006, section 4.1), for a positive-definite H: with the Newton point p_B = -H^-1 g (by
 * Cholesky) and the unconstrained minimizer along -g, p_U = -(g'g / g'H g) g,
 * <ul>
 *   <li>||p_B|| &lt;= Delta: p = p_B, inside;</li>
 *   <li>||p_U|| &gt;= Delta: p = -Delta g / ||g||, on the boundary;</li>
 *   <li>else p = p_U + s (p_B - p_U) with s in [0, 1] such that ||p|| = Delta, on the boundary (N&amp;W eq. 4.16).</li>
 * </ul>
 * The dogleg needs H positive definite (p_B is not a minimizer otherwise). When the Cholesky factorization fails,
 * this step falls back to the Cauchy point (N&amp;W eqs. 4.11-4.12), the model's minimizer along -g within the radius:
 * p = -tau Delta g / ||g|| with tau = 1 if g'H g &lt;= 0, else min(||g||^3 / (Delta g'H g), 1); it is on the
 * boundary when tau = 1. The Cauchy point is enough for the global convergence of Algorithm 4.1 (N&amp;W Theorem 4.5).
 * On a positive-definite H this is scipy's {@code dogleg} ({@code scipy/optimize/_trustregion_dogleg.py}); scipy stops
 * with a linear-algebra error where H is not positive definite, where this takes the Cauchy point.
 */
final class DoglegStep implements TrustRegionSubproblem {
    private final int n;
    private final PositiveDefiniteSolver solver;
    private final double[] newton;

    DoglegStep(int n) {
        this.n = n;
        this.solver = new PositiveDefiniteSolver(n);
        this.newton = new double[n];
    }

    @Override
    public boolean solve(double[] gradient, double[][] hessian, double radius, double[] step) {
        double gg = 0;
        double gHg = 0;
        for (int i = 0; i < n; i++) {
            double hg = 0;
            double[] row = hessian[i];
            for (int j = 0; j < n; j++) {
                hg += row[j] * gradient[j];
            }
            gg += gradient[i] * gradient[i];
            gHg += gradient[i] * hg;
        }
        double gradientNorm = Math.sqrt(gg);
        if (!solver.solve(hessian, 0, gradient, newton)) {
            double tau = gHg <= 0 ? 1 : Math.min(gg * gradientNorm / (radius * gHg), 1);
            for (int i = 0; i < n; i++) {
                step[i] = -tau * radius * gradient[i] / gradientNorm;
            }
            return tau == 1;
        }
        double newtonSquares = 0;
        for (int i = 0; i < n; i++) {
            newton[i] = -newton[i];
            newtonSquares += newton[i] * newton[i];
        }
        if (newtonSquares <= radius * radius) {
            System.arraycopy(newton, 0, step, 0, n);
            return false;
        }
        double steepest = gg / gHg;
        if (steepest * gradientNorm >= radius) {
            for (int i = 0; i < n; i++) {
                step[i] = -radius * gradient[i] / gradientNorm;
            }
            return true;
        }
        // p_U + s (p_B - p_U): ||p_B - p_U||^2 s^2 + 2 p_U'(p_B - p_U) s + ||p_U||^2 - Delta^2 = 0
        double aa = 0;
        double ab = 0;
        double uu = 0;
        for (int i = 0; i < n; i++) {
            double u = -steepest * gradient[i];
            double leg = newton[i] - u;
            aa += leg * leg;
            ab += u * leg;
            uu += u * u;
        }
        double s = TrustRegionSubproblem.positiveRoot(aa, 2 * ab, uu - radius * radius);
        for (int i = 0; i < n; i++) {
            double u = -steepest * gradient[i];
            step[i] = u + s * (newton[i] - u);
        }
        return true;
    }
}
