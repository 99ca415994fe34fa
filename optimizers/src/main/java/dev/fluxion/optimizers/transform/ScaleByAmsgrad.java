package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * AMSGrad's direction, {@code scaleByAmsgrad(...)} (Reddi, Kale and Kumar, "On the Convergence of Adam and Beyond", ICLR 2018,
 * Algorithm 2): Adam whose second moment never decreases. With t = step + 1 and Adam's m, v (bias-corrected
 * m as in Adam):
 * <ul>
 *   <li>{@code maxOfCorrected = false} (default; the paper's max over raw moments, as PyTorch):
 *       vMax &lt;- max(vMax, v), vHat = vMax / (1 - beta2^t).</li>
 *   <li>{@code maxOfCorrected = true} (optax): vMax &lt;- max(vMax, v / (1 - beta2^t)), vHat = vMax.</li>
 * </ul>
 * then d &lt;- mHat / (sqrt(vHat) + eps), or mHat / sqrt(vHat + eps) with {@code epsInsideSqrt}. The paper's
 * Algorithm 2 has no bias correction; we keep Adam's, as PyTorch and optax do.
 *
 * @param beta1          first-moment decay in [0, 1)
 * @param beta2          second-moment decay in [0, 1)
 * @param eps            eps &gt;= 0
 * @param epsInsideSqrt  where eps goes
 * @param maxOfCorrected whether the maximum is taken over bias-corrected second moments
 */
public record ScaleByAmsgrad(double beta1, double beta2, double eps, boolean epsInsideSqrt,
                             boolean maxOfCorrected) implements Transform {
    /** The name in specs. */
    public static final String NAME = "scaleByAmsgrad";
    /** The hyperparameters, in the order of the components and of specs: Adam's moments, then the maximum's form. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(
            ScaleByAdam.HYPERPARAMETERS.subList(0, 4), List.of(Hyperparameter.bool("maxOfCorrected", false,
                    "false: max over raw v, then bias-correct (Reddi et al. 2018; PyTorch); true: max over"
                            + " bias-corrected v (optax)")));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByAmsgrad> SIGNATURE = new Signature<>(
            ScaleByAmsgrad.class, NAME, HYPERPARAMETERS,
            "AMSGrad's direction, Adam's with a non-decreasing second moment (Reddi, Kale and Kumar, ICLR 2018)");
    /** AMSGrad's direction with every default. */
    public static final ScaleByAmsgrad DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScaleByAmsgrad {
        Hyperparameter.check(NAME, HYPERPARAMETERS, beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This direction with first-moment decay beta1. */
    public ScaleByAmsgrad beta1(double beta1) {
        return new ScaleByAmsgrad(beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This direction with second-moment decay beta2. */
    public ScaleByAmsgrad beta2(double beta2) {
        return new ScaleByAmsgrad(beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This direction with denominator guard eps. */
    public ScaleByAmsgrad eps(double eps) {
        return new ScaleByAmsgrad(beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This direction with eps inside the square root or outside it. */
    public ScaleByAmsgrad epsInsideSqrt(boolean epsInsideSqrt) {
        return new ScaleByAmsgrad(beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This direction with the maximum over bias-corrected second moments, or over raw ones. */
    public ScaleByAmsgrad maxOfCorrected(boolean maxOfCorrected) {
        return new ScaleByAmsgrad(beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] m = buffer("m", dimension, 0);
            private final double[] v = buffer("v", dimension, 0);
            private final double[] vMax = buffer("vMax", dimension, 0);
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
                    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                    double vHat;
                    if (maxOfCorrected) {
                        vMax[i] = Math.max(vMax[i], v[i] / c2);
                        vHat = vMax[i];
                    } else {
                        vMax[i] = Math.max(vMax[i], v[i]);
                        vHat = vMax[i] / c2;
                    }
                    double mHat = m[i] / c1;
                    direction[i] = epsInsideSqrt ? mHat / Math.sqrt(vHat + eps)
                            : mHat / (Math.sqrt(vHat) + eps);
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
