package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Adamax's direction, {@code scaleByAdamax(...)} (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR
 * 2015, section 7.1 and Algorithm 2): Adam with the infinity norm in place of the second moment. With t = step + 1,
 * <pre>
 * m &lt;- beta1 m + (1 - beta1) d          mHat = m / (1 - beta1^t)
 * u &lt;- max(beta2 u, |d| + eps),  d &lt;- mHat / u          (epsInsideMax = true: PyTorch, optax; the default)
 * u &lt;- max(beta2 u, |d|),        d &lt;- mHat / (u + eps)  (epsInsideMax = false: Keras)
 * </pre>
 * The paper's Algorithm 2 has no eps; either form with {@code eps=0} is it. u needs no bias correction (the paper,
 * section 7.1); 1 - beta1^t is {@link BiasCorrection}'s.
 *
 * @param beta1        first-moment decay in [0, 1)
 * @param beta2        infinity-norm decay in [0, 1)
 * @param eps          eps &gt;= 0
 * @param epsInsideMax whether eps is added to |d| inside the maximum, or to u in the denominator
 */
public record ScaleByAdamax(double beta1, double beta2, double eps, boolean epsInsideMax) implements Transform {
    /** The name in specs. */
    public static final String NAME = "scaleByAdamax";
    /** The hyperparameters, in the order of the components and of specs: Adam's decays and eps, then eps's place. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(
            ScaleByAdam.HYPERPARAMETERS.subList(0, 3), List.of(Hyperparameter.bool("epsInsideMax", true,
                    "true: u = max(beta2 u, |g| + eps), m/u (PyTorch, optax); false: u = max(beta2 u, |g|),"
                            + " m/(u + eps) (Keras)")));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByAdamax> SIGNATURE = new Signature<>(ScaleByAdamax.class, NAME, HYPERPARAMETERS,
            "Adamax's direction mHat / u, u an infinity norm, before the learning rate (Kingma and Ba, ICLR 2015)");
    /** Adamax's direction with every default. */
    public static final ScaleByAdamax DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScaleByAdamax {
        Hyperparameter.check(NAME, HYPERPARAMETERS, beta1, beta2, eps, epsInsideMax);
    }

    /** This direction with first-moment decay beta1. */
    public ScaleByAdamax beta1(double beta1) {
        return new ScaleByAdamax(beta1, beta2, eps, epsInsideMax);
    }

    /** This direction with infinity-norm decay beta2. */
    public ScaleByAdamax beta2(double beta2) {
        return new ScaleByAdamax(beta1, beta2, eps, epsInsideMax);
    }

    /** This direction with denominator guard eps. */
    public ScaleByAdamax eps(double eps) {
        return new ScaleByAdamax(beta1, beta2, eps, epsInsideMax);
    }

    /** This direction with eps inside the maximum (PyTorch, optax) or in the denominator (Keras). */
    public ScaleByAdamax epsInsideMax(boolean epsInsideMax) {
        return new ScaleByAdamax(beta1, beta2, eps, epsInsideMax);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] m = buffer("m", dimension, 0);
            private final double[] u = buffer("u", dimension, 0);
            private final BiasCorrection.Sequence first = new BiasCorrection.Sequence(beta1);

            @Override
            public void update(double[] direction, StepContext context) {
                double c1 = first.correction(context.step() + 1);
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    double mHat = m[i] / c1;
                    if (epsInsideMax) {
                        u[i] = Math.max(beta2 * u[i], Math.abs(g) + eps);
                        direction[i] = mHat / u[i];
                    } else {
                        u[i] = Math.max(beta2 * u[i], Math.abs(g));
                        direction[i] = mHat / (u[i] + eps);
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
