package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.ScaleByAdam;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.WeightDecay;
import java.util.List;

/** The spec name {@code adamw}: Adam with decoupled weight decay, x &lt;- x - lr (adam + lambda x) (Loshchilov and Hutter, ICLR 2019) */
public final class AdamWProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "adamw";
    }

    @Override
    public String description() {
        return "Adam with decoupled weight decay, x <- x - lr (adam + lambda x) (Loshchilov and Hutter, ICLR 2019)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(0.001, "step size alpha"),
                Hyperparameter.real("beta1", 0.9, Range.UNIT_HALF_OPEN, "first-moment decay"),
                Hyperparameter.real("beta2", 0.999, Range.UNIT_HALF_OPEN, "second-moment decay"),
                Hyperparameter.real("eps", 1e-8, Range.NON_NEGATIVE, "denominator guard epsilon"),
                Hyperparameter.bool("epsInsideSqrt", false, "false: m/(sqrt(v)+eps) (Kingma and Ba 2015); true: m/sqrt(v+eps)"),
                Hyperparameter.real("weightDecay", 0.01, Range.NON_NEGATIVE, "decoupled decay lambda, per unit lr"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new ScaleByAdam(v.real("beta1"), v.real("beta2"), v.real("eps"),
                v.bool("epsInsideSqrt"), true), new WeightDecay(v.real("weightDecay")),
                new ScaleByLearningRate(v.schedule("lr"))), v.spec());
    }
}
