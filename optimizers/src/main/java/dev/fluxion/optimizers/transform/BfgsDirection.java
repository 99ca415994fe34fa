package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * The BFGS direction d &lt;- -H_k d with a dense inverse-Hessian approximation (Broyden; Fletcher; Goldfarb; Shanno,
 * 1970; Nocedal and Wright, "Numerical Optimization", 2nd ed., 2006, section 6.1). At the start of step k+1 the pair
 * s = x_{k+1} - x_k, y = g_{k+1} - g_k (raw gradients) updates H by eq. 6.17,
 * <pre>
 *   H &lt;- (I - rho s y') H (I - rho y s') + rho s s'
 *      = H - rho (H y s' + s (H y)') + (rho^2 y'H y + rho) s s',     rho = 1 / y's,
 * </pre>
 * and before the first update H_0 = (y's / y'y) I (eq. 6.20). A pair whose curvature is not positive enough is
 * skipped ({@link SecantPair}), which keeps H positive definite; while no pair has been kept (the first step),
 * d = -d / ||d||_2, a unit step along steepest descent. The result is a descent direction for the line search that
 * follows ({@code bfgs} = this, then {@code wolfe}).
 *
 * <p>Buffers: {@code inverseHessian} (n n values, row by row), {@code previousPoint}, {@code previousGradient}, and
 * {@code history} = (1 once a previous point exists, 1 once H has been set), all saved and restored exactly.
 *
 * @param curvatureEps eps &gt;= 0 of the rule y's &gt; eps ||s|| ||y||
 */
public record BfgsDirection(double curvatureEps) implements Transform {
    /** The name in specs. */
    public static final String NAME = "bfgsDirection";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(SecantPair.CURVATURE_EPS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<BfgsDirection> SIGNATURE = new Signature<>(BfgsDirection.class, NAME, HYPERPARAMETERS,
            "the BFGS direction d <- -H d with a dense inverse-Hessian update, before a line search (Nocedal and"
            + " Wright 2006, eqs. 6.17 and 6.20)");
    /** The BFGS direction with every default. */
    public static final BfgsDirection DEFAULT = SIGNATURE.defaults();

    /** Checks eps against its range. */
    public BfgsDirection {
        Hyperparameter.check(NAME, HYPERPARAMETERS, curvatureEps);
    }

    /** This direction skipping a pair unless y's &gt; curvatureEps ||s|| ||y||. */
    public BfgsDirection curvatureEps(double curvatureEps) {
        return new BfgsDirection(curvatureEps);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final int n = dimension;
            private final double[] inverseHessian = buffer("inverseHessian", n * n, 0);
            private final double[] previousPoint = buffer("previousPoint", n, 0);
            private final double[] previousGradient = buffer("previousGradient", n, 0);
            /** (1 once previousPoint holds a point, 1 once inverseHessian has been set). */
            private final double[] history = buffer("history", 2, 0);
            private final double[] s = new double[n];
            private final double[] y = new double[n];
            private final double[] hy = new double[n];

            @Override
            public void update(double[] direction, StepContext context) {
                double[] x = context.point();
                double[] g = context.gradient();
                if (history[0] == 1) {
                    double sy = SecantPair.curvature(x, previousPoint, g, previousGradient, curvatureEps);
                    if (!Double.isNaN(sy)) {
                        for (int i = 0; i < n; i++) {
                            s[i] = x[i] - previousPoint[i];
                            y[i] = g[i] - previousGradient[i];
                        }
                        updateInverseHessian(sy);
                    }
                }
                System.arraycopy(x, 0, previousPoint, 0, n);
                System.arraycopy(g, 0, previousGradient, 0, n);
                history[0] = 1;
                if (history[1] == 0) {
                    SecantPair.unitSteepestDescent(direction);
                    return;
                }
                // hy is free until the next update: it holds d while H d is written into direction
                System.arraycopy(direction, 0, hy, 0, n);
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    int row = i * n;
                    for (int j = 0; j < n; j++) {
                        sum += inverseHessian[row + j] * hy[j];
                    }
                    direction[i] = -sum;
                }
            }

            private void updateInverseHessian(double sy) {
                if (history[1] == 0) {
                    double yy = 0;
                    for (int i = 0; i < n; i++) {
                        yy += y[i] * y[i];
                    }
                    double gamma = sy / yy;
                    for (int i = 0; i < n; i++) {
                        inverseHessian[i * n + i] = gamma;
                    }
                    history[1] = 1;
                }
                double rho = 1 / sy;
                double yhy = 0;
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    int row = i * n;
                    for (int j = 0; j < n; j++) {
                        sum += inverseHessian[row + j] * y[j];
                    }
                    hy[i] = sum;
                    yhy += y[i] * sum;
                }
                double ssCoefficient = rho * rho * yhy + rho;
                // each term symmetric in (i, j) bit for bit, so H stays exactly symmetric
                for (int i = 0; i < n; i++) {
                    int row = i * n;
                    for (int j = 0; j < n; j++) {
                        inverseHessian[row + j] += ssCoefficient * (s[i] * s[j]) - rho * (hy[i] * s[j] + s[i] * hy[j]);
                    }
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
