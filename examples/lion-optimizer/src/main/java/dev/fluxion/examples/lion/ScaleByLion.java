package dev.fluxion.examples.lion;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

/**
 * Lion's update direction (Chen et al., "Symbolic Discovery of Optimization Algorithms", NeurIPS 2023,
 * Algorithm 2): with the gradient g and the momentum m (zero at the start),
 *
 * <pre>
 *   c = beta1 m + (1 - beta1) g      the direction interpolates momentum and gradient with beta1,
 *   d = sign(c)                       and keeps only its signs,
 *   m &lt;- beta2 m + (1 - beta2) g     while the momentum remembers with beta2.
 * </pre>
 *
 * Every component of d is -1, 0 or +1, so the step of each coordinate is exactly the learning rate (decoupled
 * weight decay aside) whatever the gradient's scale; sign(0) = 0. The learning rate and the weight decay are
 * the library's own transforms, chained after this one.
 *
 * @param beta1 the interpolation weight of the momentum in the direction, in [0, 1)
 * @param beta2 the decay of the momentum, in [0, 1)
 */
public record ScaleByLion(double beta1, double beta2) implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] momentum = buffer("momentum", dimension, 0);

            @Override
            public void update(double[] direction, StepContext context) {
                for (int i = 0; i < direction.length; i++) {
                    double gradient = direction[i];
                    direction[i] = Math.signum(beta1 * momentum[i] + (1 - beta1) * gradient);
                    momentum[i] = beta2 * momentum[i] + (1 - beta2) * gradient;
                }
            }
        };
    }

    @Override
    public String spec() {
        return "scaleByLion(beta1=" + beta1 + ", beta2=" + beta2 + ")";
    }
}
