package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * The limited-memory BFGS direction d &lt;- -H_k d (Nocedal, "Updating quasi-Newton matrices with limited storage",
 * Math. Comp. 35, 1980; Liu and Nocedal, Math. Prog. 45, 1989), H_k built from the last m secant pairs
 * (s_i, y_i) = (x_{i+1} - x_i, g_{i+1} - g_i) by the two-loop recursion (Nocedal and Wright, "Numerical Optimization",
 * 2nd ed., 2006, Algorithm 7.4):
 * <pre>
 *   q = d
 *   for i = k-1, ..., k-m:  a_i = rho_i s_i'q,  q = q - a_i y_i          (rho_i = 1 / s_i'y_i)
 *   r = gamma q,  gamma = s_{k-1}'y_{k-1} / y_{k-1}'y_{k-1}           (eq. 7.20)
 *   for i = k-m, ..., k-1:  b = rho_i y_i'r,  r = r + (a_i - b) s_i
 *   d = -r
 * </pre>
 * The result is a descent direction to be searched: a line search follows in the chain ({@code lbfgs} = this, then
 * {@code wolfe}). The pair of step k is formed at the start of step k+1 from x and the raw gradient there and the ones
 * kept from step k; it is skipped when its curvature is not positive enough ({@link SecantPair}). While no pair is
 * kept (the first step), d = -d / ||d||_2, a unit step along steepest descent.
 *
 * <p>The memory is a ring of m slots: buffers {@code s} and {@code y} of m n values (slot j at j n), {@code rho}
 * (m values), {@code previousPoint} and {@code previousGradient} (n values), and {@code history} = (pairs kept,
 * the slot the next pair goes to, 1 once a previous point exists), all saved and restored exactly.
 *
 * @param memory       m &gt;= 1, the number of pairs kept
 * @param curvatureEps eps &gt;= 0 of the rule s'y &gt; eps ||s|| ||y||
 */
public record LbfgsDirection(long memory, double curvatureEps) implements Transform {
    /** The name in specs. */
    public static final String NAME = "lbfgsDirection";
    /** The hyperparameters, in the order of the components and of specs; L-BFGS's too, with its line search's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.integer("memory", 10, Range.COUNT, "the number m of (s, y) pairs kept"),
            SecantPair.CURVATURE_EPS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<LbfgsDirection> SIGNATURE = new Signature<>(
            LbfgsDirection.class, NAME, HYPERPARAMETERS,
            "the L-BFGS direction d <- -H d by the two-loop recursion over the last m secant pairs, before a line"
            + " search (Liu and Nocedal 1989; Nocedal and Wright 2006, Algorithm 7.4)");
    /** The L-BFGS direction with every default: m = 10 pairs. */
    public static final LbfgsDirection DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public LbfgsDirection {
        Hyperparameter.check(NAME, HYPERPARAMETERS, memory, curvatureEps);
    }

    /** This direction keeping m = {@code memory} pairs. */
    public LbfgsDirection memory(long memory) {
        return new LbfgsDirection(memory, curvatureEps);
    }

    /** This direction skipping a pair unless s'y &gt; curvatureEps ||s|| ||y||. */
    public LbfgsDirection curvatureEps(double curvatureEps) {
        return new LbfgsDirection(memory, curvatureEps);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final int n = dimension;
            private final int slots = Math.toIntExact(memory);
            private final double[] s = buffer("s", slots * n, 0);
            private final double[] y = buffer("y", slots * n, 0);
            private final double[] rho = buffer("rho", slots, 0);
            private final double[] previousPoint = buffer("previousPoint", n, 0);
            private final double[] previousGradient = buffer("previousGradient", n, 0);
            /** (pairs kept, slot of the next pair, 1 once previousPoint holds a point). */
            private final double[] history = buffer("history", 3, 0);
            private final double[] a = new double[slots];

            @Override
            public void update(double[] direction, StepContext context) {
                remember(context.point(), context.gradient());
                int count = (int) history[0];
                if (count == 0) {
                    SecantPair.unitSteepestDescent(direction);
                    return;
                }
                int newest = ((int) history[1] + slots - 1) % slots;
                for (int j = 0; j < count; j++) {
                    int slot = (newest - j + slots) % slots;
                    int offset = slot * n;
                    double sq = 0;
                    for (int i = 0; i < n; i++) {
                        sq += s[offset + i] * direction[i];
                    }
                    double ai = rho[slot] * sq;
                    a[slot] = ai;
                    for (int i = 0; i < n; i++) {
                        direction[i] -= ai * y[offset + i];
                    }
                }
                int newestOffset = newest * n;
                double yy = 0;
                for (int i = 0; i < n; i++) {
                    yy += y[newestOffset + i] * y[newestOffset + i];
                }
                double gamma = 1 / (rho[newest] * yy);
                for (int i = 0; i < n; i++) {
                    direction[i] *= gamma;
                }
                for (int j = count - 1; j >= 0; j--) {
                    int slot = (newest - j + slots) % slots;
                    int offset = slot * n;
                    double yr = 0;
                    for (int i = 0; i < n; i++) {
                        yr += y[offset + i] * direction[i];
                    }
                    double coefficient = a[slot] - rho[slot] * yr;
                    for (int i = 0; i < n; i++) {
                        direction[i] += coefficient * s[offset + i];
                    }
                }
                for (int i = 0; i < n; i++) {
                    direction[i] = -direction[i];
                }
            }

            /** Stores the pair from the previous point to x if it passes the rule, then keeps x and g. */
            private void remember(double[] x, double[] g) {
                if (history[2] == 1) {
                    double sy = SecantPair.curvature(x, previousPoint, g, previousGradient, curvatureEps);
                    if (!Double.isNaN(sy)) {
                        int slot = (int) history[1];
                        int offset = slot * n;
                        for (int i = 0; i < n; i++) {
                            s[offset + i] = x[i] - previousPoint[i];
                            y[offset + i] = g[i] - previousGradient[i];
                        }
                        rho[slot] = 1 / sy;
                        history[1] = (slot + 1) % slots;
                        history[0] = Math.min(history[0] + 1, slots);
                    }
                }
                System.arraycopy(x, 0, previousPoint, 0, n);
                System.arraycopy(g, 0, previousGradient, 0, n);
                history[2] = 1;
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
