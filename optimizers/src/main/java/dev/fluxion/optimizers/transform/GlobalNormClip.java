package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

/**
 * Clipping by global norm (Pascanu, Mikolov and Bengio, "On the difficulty of training recurrent neural
 * networks", ICML 2013, Algorithm 1): if ||d|| &gt; c then d &lt;- (c / ||d||) d. The direction is kept and the
 * norm becomes c.
 *
 * @param maxNorm c &gt; 0
 */
public record GlobalNormClip(double maxNorm) implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            @Override
            public void update(double[] direction, StepContext context) {
                double squares = 0;
                for (double d : direction) {
                    squares += d * d;
                }
                double norm = Math.sqrt(squares);
                if (norm > maxNorm) {
                    // (d_i c) / ||d|| rather than d_i (c / ||d||): one rounding fewer when c = 1
                    for (int i = 0; i < direction.length; i++) {
                        direction[i] = direction[i] * maxNorm / norm;
                    }
                }
            }
        };
    }

    @Override
    public String spec() {
        return "clip(norm=" + maxNorm + ")";
    }
}
