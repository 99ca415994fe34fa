package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

/**
 * Adagrad's direction (Duchi, Hazan and Singer, "Adaptive Subgradient Methods", JMLR 2011, the diagonal
 * update of section 1.1 with H_t = delta I + diag(G_t)^(1/2)):
 * <pre>
 * G &lt;- G + d^2                     starts at initialAccumulator (0 in the paper and PyTorch, 0.1 in TensorFlow)
 * d &lt;- d / (sqrt(G) + eps)          epsInsideSqrt = false, the paper's delta (default)
 * d &lt;- d / sqrt(G + eps)            epsInsideSqrt = true
 * </pre>
 *
 * @param epsilon            delta &gt;= 0
 * @param epsInsideSqrt      where eps goes
 * @param initialAccumulator G at t = 0
 */
public record ScaleByAdagrad(double epsilon, boolean epsInsideSqrt, double initialAccumulator) implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] sumOfSquares = buffer("sumOfSquares", dimension, initialAccumulator);

            @Override
            public void update(double[] direction, StepContext context) {
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    sumOfSquares[i] += g * g;
                    direction[i] = epsInsideSqrt ? g / Math.sqrt(sumOfSquares[i] + epsilon)
                            : g / (Math.sqrt(sumOfSquares[i]) + epsilon);
                }
            }
        };
    }

    @Override
    public String spec() {
        return "scaleByAdagrad(eps=" + epsilon + ", epsInsideSqrt=" + epsInsideSqrt + ", initialAccumulator="
                + initialAccumulator + ")";
    }
}
