package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/** The spec name {@code gd}: gradient descent, x &lt;- x - lr g (Cauchy, 1847) */
public final class GradientDescentProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public String description() {
        return "gradient descent, x <- x - lr g (Cauchy, 1847)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(0.01, "step size per unit gradient"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new ScaleByLearningRate(v.schedule("lr"))), v.spec());
    }
}
