package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Adds decayed weights, {@code weightDecay(rate=lambda)}: d &lt;- d + lambda x. Where it sits in a chain decides what
 * it is: before an adaptive rule it is L2 regularization (the gradient of lambda/2 ||x||^2 joins the gradient); after
 * the rule and before the learning rate it is decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019, Algorithm 2, line 12), as in {@code adamw}.
 *
 * @param rate lambda &gt;= 0
 */
public record WeightDecay(double rate) implements Transform {
    /** The name in specs. */
    public static final String NAME = "weightDecay";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("rate", 1e-4, Range.NON_NEGATIVE, "lambda, per unit of the following learning rate"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<WeightDecay> SIGNATURE = new Signature<>(WeightDecay.class, NAME, HYPERPARAMETERS,
            "add rate * x to the direction: L2 before an adaptive rule, decoupled decay after it (Loshchilov and "
            + "Hutter 2019)");
    /** Weight decay with every default. */
    public static final WeightDecay DEFAULT = SIGNATURE.defaults();

    /** Checks lambda against its range. */
    public WeightDecay {
        Hyperparameter.check(NAME, HYPERPARAMETERS, rate);
    }

    /** This decay with lambda = {@code rate}. */
    public WeightDecay rate(double rate) {
        return new WeightDecay(rate);
    }

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
        return SIGNATURE.spec(this);
    }
}
