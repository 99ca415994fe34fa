package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

/**
 * Adam's direction (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1),
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
 * @param epsilon        eps &gt;= 0
 * @param epsInsideSqrt  where eps goes
 * @param biasCorrection whether to divide by 1 - beta^t
 */
public record ScaleByAdam(double beta1, double beta2, double epsilon, boolean epsInsideSqrt,
                          boolean biasCorrection) implements Transform {

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
                    direction[i] = direction(m[i] / c1, v[i] / c2, epsilon, epsInsideSqrt);
                }
            }
        };
    }

    private static double direction(double mHat, double vHat, double epsilon, boolean epsInsideSqrt) {
        return epsInsideSqrt ? mHat / Math.sqrt(vHat + epsilon) : mHat / (Math.sqrt(vHat) + epsilon);
    }

    @Override
    public String spec() {
        return "scaleByAdam(beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon + ", epsInsideSqrt="
                + epsInsideSqrt + ", biasCorrection=" + biasCorrection + ")";
    }
}
