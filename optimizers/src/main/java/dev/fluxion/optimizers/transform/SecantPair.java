package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;

/**
 * What the quasi-Newton directions share: the secant pair s = x_{k+1} - x_k, y = g_{k+1} - g_k, which a new
 * inverse-Hessian approximation must map y onto s (H y = s, Nocedal and Wright, "Numerical Optimization", 2nd ed.,
 * 2006, eq. 6.6), the rule that skips a pair whose curvature s'y is not positive enough, and the first step taken
 * before any pair is known.
 *
 * <p>The skipping rule keeps a pair when s'y &gt; eps ||s|| ||y||, that is when the cosine of the angle between s and
 * y exceeds eps. It is invariant under scaling f and under scaling x, and with eps = 1e-8 it drops only pairs that
 * would make H (nearly) singular or indefinite; after a Wolfe line search s'y &gt; 0 holds anyway (Nocedal and Wright,
 * eq. 6.7). Implementations differ here: L-BFGS-B (Byrd, Lu, Nocedal and Zhu 1995), for one, skips when
 * s'y &lt;= epsmch (-g_k's).
 */
final class SecantPair {
    /** The hyperparameter eps of the skipping rule, {@code curvatureEps}, of every quasi-Newton direction. */
    static final Hyperparameter CURVATURE_EPS = Hyperparameter.real("curvatureEps", 1e-8, Range.NON_NEGATIVE,
            "skip a pair unless s'y > curvatureEps ||s|| ||y||");

    private SecantPair() {
    }

    /**
     * s'y for s = x - previousX and y = g - previousG, if the pair passes the rule s'y &gt; eps ||s|| ||y||; NaN if it
     * does not (and for s = 0).
     */
    static double curvature(double[] x, double[] previousX, double[] g, double[] previousG, double eps) {
        double sy = 0;
        double ss = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            double s = x[i] - previousX[i];
            double y = g[i] - previousG[i];
            sy += s * y;
            ss += s * s;
            yy += y * y;
        }
        return sy > eps * Math.sqrt(ss) * Math.sqrt(yy) && sy > 0 ? sy : Double.NaN;
    }

    /**
     * The direction before any pair is known: d &lt;- -d / ||d||_2, a step of length 1 along the steepest descent
     * (L-BFGS-B's first step, Byrd, Lu, Nocedal and Zhu 1995, as scipy.optimize runs it); d = 0 stays 0.
     */
    static void unitSteepestDescent(double[] direction) {
        double squares = 0;
        for (double d : direction) {
            squares += d * d;
        }
        if (squares == 0) {
            return;
        }
        double norm = Math.sqrt(squares);
        for (int i = 0; i < direction.length; i++) {
            direction[i] = -direction[i] / norm;
        }
    }
}
