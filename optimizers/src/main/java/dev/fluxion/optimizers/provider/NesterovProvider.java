package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.NesterovMomentum;
import java.util.List;

/** The spec name {@code nesterov}: Nesterov momentum, gradient at x, look-ahead in the update (Nesterov 1983; Sutskever et al. 2013) */
public final class NesterovProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "nesterov";
    }

    @Override
    public String description() {
        return "Nesterov momentum, gradient at x, look-ahead in the update (Nesterov 1983; Sutskever et al. 2013)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(0.01, "step size per unit gradient"),
                Hyperparameter.real("momentum", 0.9, Range.UNIT_HALF_OPEN, "momentum coefficient beta"),
                Hyperparameter.bool("lrInBuffer", true, "true: v' = beta v - lr g, u = beta v' - lr g (Sutskever et al."
                        + " 2013); false: b' = beta b + g, u = -lr (g + beta b') (PyTorch)"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new NesterovMomentum(v.schedule("lr"), v.real("momentum"), v.bool("lrInBuffer"))),
                v.spec());
    }
}
