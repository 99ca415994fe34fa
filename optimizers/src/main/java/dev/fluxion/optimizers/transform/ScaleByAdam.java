package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Adam's direction, {@code scaleByAdam(...)} (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1),
 * before the learning rate: with t = step + 1,
 * <pre>
 * m &lt;- beta1 m + (1 - beta1) d        v &lt;- beta2 v + (1 - beta2) d^2
 * mHat = m / (1 - beta1^t)             vHat = v / (1 - beta2^t)
 * d &lt;- mHat / (sqrt(vHat) + eps)       (epsInsideSqrt = false, the paper's form)
 * d &lt;- mHat / sqrt(vHat + eps)         (epsInsideSqrt = true, optax's eps_root form)
 * </pre>
 * Without bias correction ({@code biasCorrection = false}) mHat = m and vHat = v. The corrections 1 - beta^t
 * are correctly rounded (see {@link BiasCorrection}).
 *
 * @param beta1          first-moment decay in [0, 1)
 * @param beta2          second-moment decay in [0, 1)
 * @param eps            eps &gt;= 0
 * @param epsInsideSqrt  where eps goes
 * @param biasCorrection whether to divide by 1 - beta^t
 */
public record ScaleByAdam(double beta1, double beta2, double eps, boolean epsInsideSqrt,
                          boolean biasCorrection) implements Transform {
    /** The name in specs. */
    public static final String NAME = "scaleByAdam";
    /** The hyperparameters, in the order of the components and of specs; Adam's, AdamW's and AMSGrad's too. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("beta1", 0.9, Range.UNIT_HALF_OPEN, "first-moment decay"),
            Hyperparameter.real("beta2", 0.999, Range.UNIT_HALF_OPEN, "second-moment decay"),
            Hyperparameter.real("eps", 1e-8, Range.NON_NEGATIVE, "denominator guard epsilon"),
            Hyperparameter.bool("epsInsideSqrt", false, "false: m/(sqrt(v)+eps) (Kingma and Ba 2015); true: m/sqrt(v+eps)"),
            Hyperparameter.bool("biasCorrection", true, "divide the moments by 1 - beta^t (Kingma and Ba 2015)"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByAdam> SIGNATURE = new Signature<>(ScaleByAdam.class, NAME, HYPERPARAMETERS,
            "Adam's direction mHat / (sqrt(vHat) + eps), before the learning rate (Kingma and Ba, ICLR 2015)");
    /** Adam's direction with every default. */
    public static final ScaleByAdam DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScaleByAdam {
        Hyperparameter.check(NAME, HYPERPARAMETERS, beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This direction with first-moment decay beta1. */
    public ScaleByAdam beta1(double beta1) {
        return new ScaleByAdam(beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This direction with second-moment decay beta2. */
    public ScaleByAdam beta2(double beta2) {
        return new ScaleByAdam(beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This direction with denominator guard eps. */
    public ScaleByAdam eps(double eps) {
        return new ScaleByAdam(beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This direction with eps inside the square root or outside it. */
    public ScaleByAdam epsInsideSqrt(boolean epsInsideSqrt) {
        return new ScaleByAdam(beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This direction with or without the bias correction 1 - beta^t. */
    public ScaleByAdam biasCorrection(boolean biasCorrection) {
        return new ScaleByAdam(beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] m = buffer("m", dimension, 0);
            private final double[] v = buffer("v", dimension, 0);
            private final BiasCorrection.Sequence first = new BiasCorrection.Sequence(beta1);
            private final BiasCorrection.Sequence second = new BiasCorrection.Sequence(beta2);

            /** 1 - beta1^t with t = step + 1, or 1 without bias correction. */
            private double firstCorrection(StepContext context) {
                return biasCorrection ? first.correction(context.step() + 1) : 1;
            }

            /** 1 - beta2^t with t = step + 1, or 1 without bias correction. */
            private double secondCorrection(StepContext context) {
                return biasCorrection ? second.correction(context.step() + 1) : 1;
            }

            @Override
            public void update(double[] direction, StepContext context) {
                double c1 = firstCorrection(context);
                double c2 = secondCorrection(context);
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                    direction[i] = direction(m[i] / c1, v[i] / c2, eps, epsInsideSqrt);
                }
            }
        };
    }

    private static double direction(double mHat, double vHat, double epsilon, boolean epsInsideSqrt) {
        return epsInsideSqrt ? mHat / Math.sqrt(vHat + epsilon) : mHat / (Math.sqrt(vHat) + epsilon);
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
