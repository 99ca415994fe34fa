package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.ScaleByAmsgrad;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/** The spec name {@code amsgrad}: AMSGrad, Adam with a non-decreasing second moment (Reddi, Kale and Kumar, ICLR 2018) */
public final class AmsgradProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "amsgrad";
    }

    @Override
    public String description() {
        return "AMSGrad, Adam with a non-decreasing second moment (Reddi, Kale and Kumar, ICLR 2018)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(0.001, "step size alpha"),
                Hyperparameter.real("beta1", 0.9, Range.UNIT_HALF_OPEN, "first-moment decay"),
                Hyperparameter.real("beta2", 0.999, Range.UNIT_HALF_OPEN, "second-moment decay"),
                Hyperparameter.real("eps", 1e-8, Range.NON_NEGATIVE, "denominator guard epsilon"),
                Hyperparameter.bool("epsInsideSqrt", false, "false: m/(sqrt(v)+eps) (Kingma and Ba 2015); true: m/sqrt(v+eps)"),
                Hyperparameter.bool("maxOfCorrected", false, "false: max over raw v, then bias-correct (Reddi et al. 2018;"
                        + " PyTorch); true: max over bias-corrected v (optax)"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new ScaleByAmsgrad(v.real("beta1"), v.real("beta2"), v.real("eps"),
                v.bool("epsInsideSqrt"), v.bool("maxOfCorrected")), new ScaleByLearningRate(v.schedule("lr"))), v.spec());
    }
}
