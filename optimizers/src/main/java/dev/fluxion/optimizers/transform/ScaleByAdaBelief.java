package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * AdaBelief's direction, {@code scaleByAdaBelief(...)} (Zhuang, Tang, Ding, Tatikonda, Dvornek, Papademetris and
 * Duncan, "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed Gradients", NeurIPS 2020, Algorithm 2):
 * Adam whose second moment is that of the gradient's deviation from its running mean, the "belief". With t = step + 1,
 * <pre>
 * m &lt;- beta1 m + (1 - beta1) d
 * s &lt;- beta2 s + (1 - beta2) (d - m)^2 + epsRoot        (m the updated mean)
 * mHat = m / (1 - beta1^t)      sHat = s / (1 - beta2^t)
 * d &lt;- mHat / (sqrt(sHat) + eps)
 * </pre>
 * The paper's Algorithm 2 and the authors' code ({@code adabelief-pytorch}, and {@code torch-optimizer}'s copy) add
 * one eps in both places, {@code epsRoot = eps}; optax's {@code adabelief} takes them apart ({@code eps_root} and
 * {@code eps}). The defaults, 1e-16 for both, are the authors' code's and optax's. The authors' code has further
 * switches (decoupled weight decay, rectification as in RAdam, AMSGrad's maximum) that are not part of this rule;
 * chain {@code weightDecay} for the first. Older versions of optax used the previous mean in d - m. The
 * corrections 1 - beta^t are {@link BiasCorrection}'s.
 *
 * @param beta1   first-moment decay in [0, 1)
 * @param beta2   belief decay in [0, 1)
 * @param eps     eps &gt;= 0, added to the denominator
 * @param epsRoot epsRoot &gt;= 0, added to s at every step
 */
public record ScaleByAdaBelief(double beta1, double beta2, double eps, double epsRoot) implements Transform {
    /** The name in specs. */
    public static final String NAME = "scaleByAdaBelief";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            ScaleByAdam.HYPERPARAMETERS.get(0),
            Hyperparameter.real("beta2", 0.999, Range.UNIT_HALF_OPEN,
                    "decay of the belief s, the second moment of g - m"),
            Hyperparameter.real("eps", 1e-16, Range.NON_NEGATIVE,
                    "denominator guard: mHat/(sqrt(sHat)+eps) (Zhuang et al. 2020; authors' code, optax)"),
            Hyperparameter.real("epsRoot", 1e-16, Range.NON_NEGATIVE,
                    "added to s at every step (Zhuang et al. 2020 and the authors' code: = eps; optax: eps_root)"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByAdaBelief> SIGNATURE = new Signature<>(
            ScaleByAdaBelief.class, NAME, HYPERPARAMETERS,
            "AdaBelief's direction mHat / (sqrt(sHat) + eps), before the learning rate"
            + " (Zhuang et al., NeurIPS 2020)");
    /** AdaBelief's direction with every default. */
    public static final ScaleByAdaBelief DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScaleByAdaBelief {
        Hyperparameter.check(NAME, HYPERPARAMETERS, beta1, beta2, eps, epsRoot);
    }

    /** This direction with first-moment decay beta1. */
    public ScaleByAdaBelief beta1(double beta1) {
        return new ScaleByAdaBelief(beta1, beta2, eps, epsRoot);
    }

    /** This direction with belief decay beta2. */
    public ScaleByAdaBelief beta2(double beta2) {
        return new ScaleByAdaBelief(beta1, beta2, eps, epsRoot);
    }

    /** This direction with denominator guard eps. */
    public ScaleByAdaBelief eps(double eps) {
        return new ScaleByAdaBelief(beta1, beta2, eps, epsRoot);
    }

    /** This direction with epsRoot added to the belief s at every step. */
    public ScaleByAdaBelief epsRoot(double epsRoot) {
        return new ScaleByAdaBelief(beta1, beta2, eps, epsRoot);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] m = buffer("m", dimension, 0);
            private final double[] s = buffer("s", dimension, 0);
            private final BiasCorrection.Sequence first = new BiasCorrection.Sequence(beta1);
            private final BiasCorrection.Sequence second = new BiasCorrection.Sequence(beta2);

            @Override
            public void update(double[] direction, StepContext context) {
                long t = context.step() + 1;
                double c1 = first.correction(t);
                double c2 = second.correction(t);
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    double deviation = g - m[i];
                    s[i] = beta2 * s[i] + (1 - beta2) * deviation * deviation + epsRoot;
                    direction[i] = (m[i] / c1) / (Math.sqrt(s[i] / c2) + eps);
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
