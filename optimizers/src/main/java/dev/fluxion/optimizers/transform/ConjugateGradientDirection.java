package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * The nonlinear conjugate-gradient direction (Nocedal and Wright, "Numerical Optimization", 2nd ed., 2006,
 * section 5.2): with g the incoming direction (the gradient, when nothing precedes this link) and d_k the direction of
 * the step before,
 * <pre>
 *   d_{k+1} = -g_{k+1} + beta_{k+1} d_k,     y = g_{k+1} - g_k,
 * </pre>
 * where {@code variant} names beta:
 * <ul>
 *   <li>{@code fr}, Fletcher and Reeves (1964): beta = g_{k+1}'g_{k+1} / g_k'g_k (eq. 5.41a);</li>
 *   <li>{@code prplus}, Polak-Ribiere+ (Polak and Ribiere 1969; the max of Powell 1986 and Gilbert and Nocedal 1992):
 *       beta = max(0, g_{k+1}'y / g_k'g_k) (eq. 5.45);</li>
 *   <li>{@code hs}, Hestenes and Stiefel (1952): beta = g_{k+1}'y / d_k'y (eq. 5.46);</li>
 *   <li>{@code hz}, Hager and Zhang ("A new conjugate gradient method with guaranteed descent and an efficient line
 *       search", SIAM J. Optim. 16(1), 2005, eqs. 1.3 and 1.6-1.7): beta_N = (y - 2 d_k ||y||^2 / d_k'y)'g_{k+1}
 *       / d_k'y, truncated below at eta_k = -1 / (||d_k|| min(0.01, ||g_k||)).</li>
 * </ul>
 * The direction restarts as d = -g at the first step, every {@code restartEvery} steps (every n steps when it is
 * 0, Nocedal and Wright, section 5.2), and whenever the formula does not give a descent direction (g'd &gt;= 0, or a
 * beta that is not a number). A strong Wolfe line search follows in the chain ({@code cg} = this, then {@code wolfe} with
 * c2 = 0.1, which makes Fletcher-Reeves directions descent directions, Nocedal and Wright, Lemma 5.6).
 *
 * <p>Buffers: {@code previousGradient}, {@code previousDirection} (n values each) and {@code history} = (1 once a
 * previous step exists, the steps since the last restart), saved and restored exactly.
 *
 * @param variant      {@code fr}, {@code prplus}, {@code hs} or {@code hz}
 * @param restartEvery the restart period in steps, 0 for n
 */
public record ConjugateGradientDirection(String variant, long restartEvery) implements Transform {
    /** The beta formulas, by spec name. */
    public static final List<String> VARIANTS = List.of("fr", "prplus", "hs", "hz");
    /** Hager and Zhang's eta in the lower bound of their beta (2005, eq. 1.7). */
    private static final double HZ_ETA = 0.01;
    /** The name in specs. */
    public static final String NAME = "cgDirection";
    /** The hyperparameters, in the order of the components and of specs; those of cg before its line search's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.choice("variant", "prplus", VARIANTS,
                    "beta: fr Fletcher-Reeves; prplus max(0, Polak-Ribiere); hs Hestenes-Stiefel; hz Hager-Zhang 2005"),
            Hyperparameter.integer("restartEvery", 0, Range.NON_NEGATIVE, "restart period in steps; 0 for n"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ConjugateGradientDirection> SIGNATURE = new Signature<>(
            ConjugateGradientDirection.class, NAME, HYPERPARAMETERS,
            "the nonlinear conjugate-gradient direction d <- -g + beta d with restarts, before a line search"
            + " (Nocedal and Wright 2006, section 5.2; Hager and Zhang 2005)");
    /** The conjugate-gradient direction with every default: Polak-Ribiere+, restarted every n steps. */
    public static final ConjugateGradientDirection DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ConjugateGradientDirection {
        Hyperparameter.check(NAME, HYPERPARAMETERS, variant, restartEvery);
    }

    /** This direction with the beta formula {@code variant}. */
    public ConjugateGradientDirection variant(String variant) {
        return new ConjugateGradientDirection(variant, restartEvery);
    }

    /** This direction restarted every {@code restartEvery} steps (0: every n). */
    public ConjugateGradientDirection restartEvery(long restartEvery) {
        return new ConjugateGradientDirection(variant, restartEvery);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final int n = dimension;
            private final long period = restartEvery == 0 ? dimension : restartEvery;
            private final double[] previousGradient = buffer("previousGradient", n, 0);
            private final double[] previousDirection = buffer("previousDirection", n, 0);
            /** (1 once a previous step exists, the steps since the last restart). */
            private final double[] history = buffer("history", 2, 0);

            @Override
            public void update(double[] direction, StepContext context) {
                boolean restart = history[0] == 0 || history[1] + 1 >= period;
                if (!restart) {
                    double beta = beta(direction);
                    double slope = 0;
                    for (int i = 0; i < n; i++) {
                        double g = direction[i];
                        // previousGradient now takes g, the next step's g_k
                        previousGradient[i] = g;
                        double d = -g + beta * previousDirection[i];
                        previousDirection[i] = d;
                        slope += g * d;
                    }
                    restart = !(slope < 0);
                    if (!restart) {
                        System.arraycopy(previousDirection, 0, direction, 0, n);
                        history[1] += 1;
                        return;
                    }
                }
                for (int i = 0; i < n; i++) {
                    previousGradient[i] = direction[i];
                    direction[i] = -direction[i];
                    previousDirection[i] = direction[i];
                }
                history[0] = 1;
                history[1] = 0;
            }

            /** beta_{k+1} of the variant, from g_{k+1} (the incoming direction) and the kept g_k, d_k. */
            private double beta(double[] g) {
                double gg = 0;
                double gy = 0;
                double oldGg = 0;
                double dy = 0;
                double yy = 0;
                double dg = 0;
                double dd = 0;
                for (int i = 0; i < n; i++) {
                    double y = g[i] - previousGradient[i];
                    double d = previousDirection[i];
                    gg += g[i] * g[i];
                    gy += g[i] * y;
                    oldGg += previousGradient[i] * previousGradient[i];
                    dy += d * y;
                    yy += y * y;
                    dg += d * g[i];
                    dd += d * d;
                }
                return switch (variant) {
                    case "fr" -> gg / oldGg;
                    case "prplus" -> Math.max(0, gy / oldGg);
                    case "hs" -> gy / dy;
                    default -> Math.max((gy - 2 * yy * dg / dy) / dy,
                            -1 / (Math.sqrt(dd) * Math.min(HZ_ETA, Math.sqrt(oldGg))));
                };
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
