package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.ValueClip;
import java.util.List;

/** The spec name {@code clipValue}: clip each component to [-value, value] (Mikolov 2012) */
public final class ValueClipProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "clipValue";
    }

    @Override
    public String description() {
        return "clip each component to [-value, value] (Mikolov 2012)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.real("value", 1, Range.POSITIVE, "largest allowed absolute component"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new ValueClip(v.real("value"))), v.spec());
    }
}
