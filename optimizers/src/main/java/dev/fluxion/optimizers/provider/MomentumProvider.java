package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.HeavyBallMomentum;
import java.util.List;

/** The spec name {@code momentum}: heavy-ball momentum, v &lt;- beta v - lr g, x &lt;- x + v (Polyak, 1964) */
public final class MomentumProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public String description() {
        return "heavy-ball momentum, v <- beta v - lr g, x <- x + v (Polyak, 1964)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(0.01, "step size per unit gradient"),
                Hyperparameter.real("momentum", 0.9, Range.UNIT_HALF_OPEN, "momentum coefficient beta"),
                Hyperparameter.bool("lrInBuffer", true, "true: v <- beta v - lr g (Polyak 1964; Sutskever et al. 2013);"
                        + " false: b <- beta b + g, u = -lr b (PyTorch)"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new HeavyBallMomentum(v.schedule("lr"), v.real("momentum"), v.bool("lrInBuffer"))),
                v.spec());
    }
}
