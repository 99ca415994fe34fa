package dev.fluxion.examples.lion;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.WeightDecay;
import java.util.List;

/**
 * Lion, {@code lion(lr=..., beta1=..., beta2=..., weightDecay=...)}, EvoLved Sign Momentum (Chen et al., "Symbolic
 * Discovery of Optimization Algorithms", NeurIPS 2023, Algorithm 2), found by a program search:
 *
 * <pre>
 *   x &lt;- x - lr (sign(beta1 m + (1 - beta1) g) + lambda x),    m &lt;- beta2 m + (1 - beta2) g.
 * </pre>
 *
 * It is the chain {@link ScaleByLion}, then the library's decoupled {@link WeightDecay} and learning rate, as
 * {@code adamw} chains Adam with them. The defaults are the paper's: beta1 = 0.9, beta2 = 0.99, and a learning
 * rate of 1e-4 (the paper advises 3-10 times smaller than AdamW's, since a sign step has norm sqrt(n)); the
 * weight decay defaults to 0, because the minimizers of test landscapes are not at the origin. A typed value, as the
 * library's named optimizers are: {@code Lion.DEFAULT.lr(0.01)} equals {@code Optimizers.parse("lion(lr=0.01)")}.
 *
 * @param lr          the learning rate (a schedule)
 * @param beta1       the interpolation weight of the momentum in the direction, in [0, 1)
 * @param beta2       the decay of the momentum, in [0, 1)
 * @param weightDecay lambda, at least 0, per unit learning rate
 */
public record Lion(Schedule lr, double beta1, double beta2, double weightDecay) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(1e-4, "step per coordinate");
    /** The name in specs. */
    public static final String NAME = "lion";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(LR,
            Hyperparameter.real("beta1", 0.9, Range.UNIT_HALF_OPEN, "momentum weight in the update's sign"),
            Hyperparameter.real("beta2", 0.99, Range.UNIT_HALF_OPEN, "momentum decay"),
            Hyperparameter.real("weightDecay", 0.0, Range.NON_NEGATIVE, "decoupled decay lambda, per unit lr"));
    /** The name, description and hyperparameters specs know it by; {@link LionProvider} hands it to registries. */
    public static final Signature<Lion> SIGNATURE = new Signature<>(Lion.class, NAME, HYPERPARAMETERS,
            "Lion, sign of interpolated momentum with decoupled weight decay (Chen et al., NeurIPS 2023); a plugin");
    /** Lion with the paper's defaults. */
    public static final Lion DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Lion {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, weightDecay);
    }

    /** This optimizer with a constant learning rate. */
    public Lion lr(double lr) {
        return new Lion(LR.constant(NAME, lr), beta1, beta2, weightDecay);
    }

    /** This optimizer with the interpolation weight beta1. */
    public Lion beta1(double beta1) {
        return new Lion(lr, beta1, beta2, weightDecay);
    }

    /** This optimizer with the momentum decay beta2. */
    public Lion beta2(double beta2) {
        return new Lion(lr, beta1, beta2, weightDecay);
    }

    /** This optimizer with decoupled decay lambda. */
    public Lion weightDecay(double weightDecay) {
        return new Lion(lr, beta1, beta2, weightDecay);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByLion(beta1, beta2), new WeightDecay(weightDecay), new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
