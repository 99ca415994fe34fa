package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.GlobalNormClip;
import java.util.List;

/** The spec name {@code clip}: clip by global norm, g &lt;- g min(1, norm / ||g||) (Pascanu, Mikolov and Bengio, ICML 2013) */
public final class GlobalNormClipProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "clip";
    }

    @Override
    public String description() {
        return "clip by global norm, g <- g min(1, norm / ||g||) (Pascanu, Mikolov and Bengio, ICML 2013)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.real("norm", 1, Range.POSITIVE, "largest allowed Euclidean norm"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new GlobalNormClip(v.real("norm"))), v.spec());
    }
}
