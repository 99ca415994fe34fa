package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

/**
 * Adds decayed weights: d &lt;- d + lambda x. Where it sits in a chain decides what it is: before an adaptive
 * rule it is L2 regularization (the gradient of lambda/2 ||x||^2 joins the gradient); after the rule and before
 * the learning rate it is decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019, Algorithm 2, line 12), as in {@code adamw}.
 *
 * @param rate lambda &gt;= 0
 */
public record WeightDecay(double rate) implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            @Override
            public void update(double[] direction, StepContext context) {
                double[] x = context.point();
                for (int i = 0; i < direction.length; i++) {
                    direction[i] += rate * x[i];
                }
            }
        };
    }

    @Override
    public String spec() {
        return "weightDecay(rate=" + rate + ")";
    }
}
