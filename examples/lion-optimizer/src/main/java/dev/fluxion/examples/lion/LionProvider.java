package dev.fluxion.examples.lion;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.WeightDecay;
import java.util.List;

/**
 * The spec name {@code lion}: Lion, EvoLved Sign Momentum (Chen et al., "Symbolic Discovery of Optimization
 * Algorithms", NeurIPS 2023, Algorithm 2), found by a program search:
 *
 * <pre>
 *   x &lt;- x - lr (sign(beta1 m + (1 - beta1) g) + lambda x),    m &lt;- beta2 m + (1 - beta2) g.
 * </pre>
 *
 * It is the chain {@link ScaleByLion}, then the library's decoupled {@link WeightDecay} and learning rate, as
 * {@code adamw} chains Adam with them. The defaults are the paper's: beta1 = 0.9, beta2 = 0.99, and a learning
 * rate of 1e-4 (the paper advises 3-10 times smaller than AdamW's, since a sign step has norm sqrt(n)); the
 * weight decay defaults to 0, because the minimizers of test landscapes are not at the origin.
 *
 * <p>A plugin: {@code META-INF/services/dev.fluxion.optimizers.OptimizerProvider} in this jar names this class.
 */
public final class LionProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "lion";
    }

    @Override
    public String description() {
        return "Lion, sign of interpolated momentum with decoupled weight decay (Chen et al., NeurIPS 2023); a plugin";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(1e-4, "step per coordinate"),
                Hyperparameter.real("beta1", 0.9, Range.UNIT_HALF_OPEN, "momentum weight in the update's sign"),
                Hyperparameter.real("beta2", 0.99, Range.UNIT_HALF_OPEN, "momentum decay"),
                Hyperparameter.real("weightDecay", 0.0, Range.NON_NEGATIVE, "decoupled decay lambda, per unit lr"));
    }

    @Override
    public Transform create(HyperparameterValues values) {
        return new Chain(List.of(new ScaleByLion(values.real("beta1"), values.real("beta2")),
                new WeightDecay(values.real("weightDecay")), new ScaleByLearningRate(values.schedule("lr"))),
                values.spec());
    }
}
