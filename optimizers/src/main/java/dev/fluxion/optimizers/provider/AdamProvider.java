package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.ScaleByAdam;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/** The spec name {@code adam}: Adam, bias-corrected moment estimates (Kingma and Ba, ICLR 2015) */
public final class AdamProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String description() {
        return "Adam, bias-corrected moment estimates (Kingma and Ba, ICLR 2015)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(0.001, "step size alpha"),
                Hyperparameter.real("beta1", 0.9, Range.UNIT_HALF_OPEN, "first-moment decay"),
                Hyperparameter.real("beta2", 0.999, Range.UNIT_HALF_OPEN, "second-moment decay"),
                Hyperparameter.real("eps", 1e-8, Range.NON_NEGATIVE, "denominator guard epsilon"),
                Hyperparameter.bool("epsInsideSqrt", false, "false: m/(sqrt(v)+eps) (Kingma and Ba 2015); true: m/sqrt(v+eps)"),
                Hyperparameter.bool("biasCorrection", true, "divide the moments by 1 - beta^t (Kingma and Ba 2015)"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new ScaleByAdam(v.real("beta1"), v.real("beta2"), v.real("eps"),
                v.bool("epsInsideSqrt"), v.bool("biasCorrection")), new ScaleByLearningRate(v.schedule("lr"))), v.spec());
    }
}
