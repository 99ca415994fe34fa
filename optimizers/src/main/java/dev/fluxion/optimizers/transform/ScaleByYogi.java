package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Yogi's direction, {@code scaleByYogi(...)} (Zaheer, Reddi, Sachan, Kale and Kumar, "Adaptive Methods for
 * Nonconvex Optimization", NeurIPS 2018, Algorithm 2): Adam whose second moment moves by at most (1 - beta2) d^2 per
 * step, additively, so that the effective step size grows slowly. With t = step + 1,
 * <pre>
 * m &lt;- beta1 m + (1 - beta1) d                       m starts at initialMomentum
 * v &lt;- v - (1 - beta2) sign(v - d^2) d^2              v starts at initialAccumulator, sign(0) = 0
 * d &lt;- mHat / (sqrt(vHat) + eps),   mHat = m / (1 - beta1^t), vHat = v / (1 - beta2^t)   (biasCorrection = true)
 * </pre>
 * and mHat = m, vHat = v without bias correction. optax's {@code yogi} (the defaults) corrects both moments and
 * starts both at its {@code initial_accumulator_value}, 1e-6. The paper's Algorithm 2 corrects neither and starts m
 * at 0: {@code biasCorrection=false, initialMomentum=0}. The named optimizer's lr = 0.01 and eps = 1e-3 are the values
 * the paper recommends; v0 = 1e-6 is optax's. The corrections 1 - beta^t are {@link BiasCorrection}'s.
 *
 * @param beta1              first-moment decay in [0, 1)
 * @param beta2              second-moment rate in [0, 1)
 * @param eps                eps &gt;= 0
 * @param initialAccumulator v at t = 0, at least 0
 * @param initialMomentum    m at t = 0, at least 0
 * @param biasCorrection     whether to divide the moments by 1 - beta^t
 */
public record ScaleByYogi(double beta1, double beta2, double eps, double initialAccumulator, double initialMomentum,
                          boolean biasCorrection) implements Transform {
    /** The name in specs. */
    public static final String NAME = "scaleByYogi";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            ScaleByAdam.HYPERPARAMETERS.get(0),
            Hyperparameter.real("beta2", 0.999, Range.UNIT_HALF_OPEN,
                    "second-moment rate: v moves by (1 - beta2) g^2"),
            Hyperparameter.real("eps", 1e-3, Range.NON_NEGATIVE,
                    "denominator guard epsilon (Zaheer et al. 2018: 1e-3)"),
            Hyperparameter.real("initialAccumulator", 1e-6, Range.NON_NEGATIVE, "v at t = 0 (optax: 1e-6)"),
            Hyperparameter.real("initialMomentum", 1e-6, Range.NON_NEGATIVE,
                    "m at t = 0 (optax: its initial_accumulator_value, 1e-6; Zaheer et al. 2018: 0)"),
            Hyperparameter.bool("biasCorrection", true,
                    "divide the moments by 1 - beta^t (optax); false: Zaheer et al. 2018, Algorithm 2"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByYogi> SIGNATURE = new Signature<>(ScaleByYogi.class, NAME, HYPERPARAMETERS,
            "Yogi's direction, Adam's with an additive second moment, before the learning rate"
            + " (Zaheer et al., NeurIPS 2018)");
    /** Yogi's direction with every default. */
    public static final ScaleByYogi DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScaleByYogi {
        Hyperparameter.check(NAME, HYPERPARAMETERS, beta1, beta2, eps, initialAccumulator, initialMomentum,
                biasCorrection);
    }

    /** This direction with first-moment decay beta1. */
    public ScaleByYogi beta1(double beta1) {
        return new ScaleByYogi(beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This direction with second-moment rate beta2. */
    public ScaleByYogi beta2(double beta2) {
        return new ScaleByYogi(beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This direction with denominator guard eps. */
    public ScaleByYogi eps(double eps) {
        return new ScaleByYogi(beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This direction with v starting at {@code initialAccumulator}. */
    public ScaleByYogi initialAccumulator(double initialAccumulator) {
        return new ScaleByYogi(beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This direction with m starting at {@code initialMomentum}. */
    public ScaleByYogi initialMomentum(double initialMomentum) {
        return new ScaleByYogi(beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This direction with or without the bias correction 1 - beta^t. */
    public ScaleByYogi biasCorrection(boolean biasCorrection) {
        return new ScaleByYogi(beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] m = buffer("m", dimension, initialMomentum);
            private final double[] v = buffer("v", dimension, initialAccumulator);
            private final BiasCorrection.Sequence first = new BiasCorrection.Sequence(beta1);
            private final BiasCorrection.Sequence second = new BiasCorrection.Sequence(beta2);

            @Override
            public void update(double[] direction, StepContext context) {
                long t = context.step() + 1;
                double c1 = biasCorrection ? first.correction(t) : 1;
                double c2 = biasCorrection ? second.correction(t) : 1;
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    double square = g * g;
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    v[i] = v[i] - (1 - beta2) * Math.signum(v[i] - square) * square;
                    direction[i] = (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
