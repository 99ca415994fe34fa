package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * RAdam's direction, {@code scaleByRadam(...)} (Liu, Jiang, He, Chen, Liu, Gao and Han, "On the Variance of the
 * Adaptive Learning Rate and Beyond", ICLR 2020, Algorithm 2): Adam whose adaptive step is rectified by the variance
 * of its second-moment estimate, and left out while that variance is intractable. With t = step + 1, Adam's m, v
 * and mHat = m / (1 - beta1^t),
 * <pre>
 * rhoInf = 2 / (1 - beta2) - 1          rho_t = rhoInf - 2 t beta2^t / (1 - beta2^t)
 * r_t = sqrt( (rho_t - 4)(rho_t - 2) rhoInf / ((rhoInf - 4)(rhoInf - 2) rho_t) )
 * rho_t &gt; threshold:  d &lt;- r_t mHat sqrt(1 - beta2^t) / (sqrt(v) + eps)   (epsOnRawRoot = true: PyTorch)
 *                     d &lt;- r_t mHat / (sqrt(v / (1 - beta2^t)) + eps)     (epsOnRawRoot = false: optax)
 * otherwise:          d &lt;- mHat                                           (momentum without adaptation)
 * </pre>
 * The threshold is 5 in PyTorch's {@code RAdam} and optax's {@code radam} (the default), 4 in the paper's
 * Algorithm 2, which has no eps: {@code threshold=4} with either eps form and {@code eps=0} is the paper's rule.
 * optax tests rho_t &gt;= threshold where PyTorch and the paper test rho_t &gt; threshold; the two differ only when
 * rho_t equals the threshold to the last bit, so no option separates them. rho_1 = 1 and rho_t &lt; t after it,
 * for every beta2, so the rectified step starts at t = 5 (threshold 4) or t = 6 (threshold 5) at the earliest. The
 * threshold is at least 4, where r_t is real. beta2^t and the corrections are {@link BiasCorrection}'s.
 *
 * @param beta1        first-moment decay in [0, 1)
 * @param beta2        second-moment decay in [0, 1)
 * @param eps          eps &gt;= 0
 * @param threshold    the rho_t above which the step is rectified, at least 4
 * @param epsOnRawRoot whether eps is added to sqrt(v) before its bias correction (PyTorch) or after it (optax)
 */
public record ScaleByRadam(double beta1, double beta2, double eps, double threshold, boolean epsOnRawRoot)
        implements Transform {
    /** The name in specs. */
    public static final String NAME = "scaleByRadam";
    /** The hyperparameters, in the order of the components and of specs: Adam's moments, then the rectification. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(
            ScaleByAdam.HYPERPARAMETERS.subList(0, 3), List.of(
                    Hyperparameter.real("threshold", 5, new Range(4, true, Double.POSITIVE_INFINITY, false),
                            "rectify when rho_t > threshold (5: PyTorch, optax; 4: Liu et al. 2020)"),
                    Hyperparameter.bool("epsOnRawRoot", true,
                            "true: r mHat sqrt(1-beta2^t)/(sqrt(v)+eps) (PyTorch); false: r mHat/(sqrt(vHat)+eps)"
                                    + " (optax)")));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByRadam> SIGNATURE = new Signature<>(ScaleByRadam.class, NAME, HYPERPARAMETERS,
            "RAdam's rectified direction, before the learning rate (Liu et al., ICLR 2020)");
    /** RAdam's direction with every default. */
    public static final ScaleByRadam DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScaleByRadam {
        Hyperparameter.check(NAME, HYPERPARAMETERS, beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This direction with first-moment decay beta1. */
    public ScaleByRadam beta1(double beta1) {
        return new ScaleByRadam(beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This direction with second-moment decay beta2. */
    public ScaleByRadam beta2(double beta2) {
        return new ScaleByRadam(beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This direction with denominator guard eps. */
    public ScaleByRadam eps(double eps) {
        return new ScaleByRadam(beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This direction rectified when rho_t exceeds {@code threshold}, at least 4. */
    public ScaleByRadam threshold(double threshold) {
        return new ScaleByRadam(beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This direction with eps added to sqrt(v) before its bias correction (PyTorch) or after it (optax). */
    public ScaleByRadam epsOnRawRoot(boolean epsOnRawRoot) {
        return new ScaleByRadam(beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] m = buffer("m", dimension, 0);
            private final double[] v = buffer("v", dimension, 0);
            private final double rhoInfinity = 2 / (1 - beta2) - 1;
            private final BiasCorrection.Sequence first = new BiasCorrection.Sequence(beta1);
            private final BiasCorrection.Sequence second = new BiasCorrection.Sequence(beta2);

            @Override
            public void update(double[] direction, StepContext context) {
                long t = context.step() + 1;
                double c1 = first.correction(t);
                double c2 = second.correction(t);
                double rho = rhoInfinity - 2 * t * BiasCorrection.power(beta2, t) / c2;
                boolean rectified = rho > threshold;
                double r = rectified ? Math.sqrt((rho - 4) * (rho - 2) * rhoInfinity
                        / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)) : 0;
                double rootCorrection = Math.sqrt(c2);
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                    double mHat = m[i] / c1;
                    if (!rectified) {
                        direction[i] = mHat;
                    } else if (epsOnRawRoot) {
                        direction[i] = r * mHat * rootCorrection / (Math.sqrt(v[i]) + eps);
                    } else {
                        direction[i] = r * mHat / (Math.sqrt(v[i] / c2) + eps);
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
