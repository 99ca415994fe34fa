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
 * are correctly rounded (see {@code BiasCorrection}). As the last link before a
 * learning rate, it computes d, scales it and adds it to x in one pass over the parameters
 * ({@link TransformState#updateAndApply}).
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

            private final double[] squaresNotAskedFor = new double[1]; // scratch, not saved

            /** The same arithmetic as update followed by the default x += scale d, in one pass. */
            @Override
            public double updateAndApply(double[] direction, double scale, double[] x, StepContext context) {
                return updateApplyAndMeasure(direction, scale, x, context, squaresNotAskedFor);
            }

            @Override
            public boolean measuresIncoming(double scale, StepContext context) {
                return true;
            }

            /** The one pass: d_i from m_i and v_i, x_i += scale d_i, sums of u_i^2 and of the incoming d_i^2. */
            @Override
            public double updateApplyAndMeasure(double[] direction, double scale, double[] x, StepContext context,
                                                double[] incomingSquares) {
                double c1 = firstCorrection(context);
                double c2 = secondCorrection(context);
                double b1 = beta1;
                double b2 = beta2;
                double eps = epsilon;
                boolean inside = epsInsideSqrt;
                double[] m = this.m;
                double[] v = this.v;
                double squares = 0;
                double gradientSquares = 0;
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    double mi = b1 * m[i] + (1 - b1) * g;
                    double vi = b2 * v[i] + (1 - b2) * g * g; // ((1 - b2) g) g, as update rounds it
                    m[i] = mi;
                    v[i] = vi;
                    double u = scale * direction(mi / c1, vi / c2, eps, inside);
                    double old = x[i];
                    x[i] = old + u;
                    direction[i] = old;
                    squares += u * u;
                    gradientSquares += g * g;
                }
                incomingSquares[0] = gradientSquares;
                return squares;
            }
        };
    }

    private static double direction(double mHat, double vHat, double epsilon, boolean epsInsideSqrt) {
        return epsInsideSqrt ? mHat / Math.sqrt(vHat + epsilon) : mHat / (Math.sqrt(vHat) + epsilon);
    }

    @Override
    public boolean readsGradient() {
        return false;
    }

    @Override
    public String spec() {
        return "scaleByAdam(beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon + ", epsInsideSqrt="
                + epsInsideSqrt + ", biasCorrection=" + biasCorrection + ")";
    }
}
