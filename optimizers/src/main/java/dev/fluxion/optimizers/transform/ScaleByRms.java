package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

/**
 * RMSProp's direction (Tieleman and Hinton, Coursera lecture 6.5, 2012), plain or centered (Graves,
 * "Generating Sequences With Recurrent Neural Networks", 2013, eq. 38-41):
 * <pre>
 * s &lt;- rho s + (1 - rho) d^2                      mean square, starts at initialAccumulator
 * a &lt;- rho a + (1 - rho) d                        mean, centered only, starts at 0
 * w = s (plain)  or  w = s - a^2 (centered)
 * d &lt;- d / sqrt(w + eps)   (epsInsideSqrt = true: Graves 2013, TensorFlow; the default)
 * d &lt;- d / (sqrt(w) + eps) (epsInsideSqrt = false: PyTorch)
 * </pre>
 * The lecture gives no epsilon; Graves's eq. 40 is the first written form and puts it inside the root.
 * TensorFlow 1 started s at 1 ({@code initialAccumulator = 1}); PyTorch and optax start at 0, the default.
 *
 * @param decay              rho in [0, 1)
 * @param epsilon            eps &gt;= 0
 * @param epsInsideSqrt      where eps goes
 * @param centered           whether to divide by the estimated standard deviation instead of the root mean square
 * @param initialAccumulator s at t = 0
 */
public record ScaleByRms(double decay, double epsilon, boolean epsInsideSqrt, boolean centered,
                         double initialAccumulator) implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] meanSquare = buffer("meanSquare", dimension, initialAccumulator);
            private final double[] mean = centered ? buffer("mean", dimension, 0) : null;

            @Override
            public void update(double[] direction, StepContext context) {
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    meanSquare[i] = decay * meanSquare[i] + (1 - decay) * g * g;
                    double w = meanSquare[i];
                    if (centered) {
                        mean[i] = decay * mean[i] + (1 - decay) * g;
                        w -= mean[i] * mean[i];
                    }
                    direction[i] = epsInsideSqrt ? g / Math.sqrt(w + epsilon) : g / (Math.sqrt(w) + epsilon);
                }
            }
        };
    }

    @Override
    public String spec() {
        return "scaleByRms(decay=" + decay + ", eps=" + epsilon + ", epsInsideSqrt=" + epsInsideSqrt + ", centered="
                + centered + ", initialAccumulator=" + initialAccumulator + ")";
    }
}
