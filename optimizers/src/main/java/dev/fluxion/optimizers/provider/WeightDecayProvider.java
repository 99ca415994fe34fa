package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.WeightDecay;
import java.util.List;

/** The spec name {@code weightDecay}: add rate * x to the direction: L2 before an adaptive rule, decoupled decay after it (Loshchilov and Hutter 2019) */
public final class WeightDecayProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "weightDecay";
    }

    @Override
    public String description() {
        return "add rate * x to the direction: L2 before an adaptive rule, decoupled decay after it (Loshchilov and Hutter 2019)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.real("rate", 1e-4, Range.NON_NEGATIVE, "lambda, per unit of the following learning rate"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new WeightDecay(v.real("rate"))), v.spec());
    }
}
