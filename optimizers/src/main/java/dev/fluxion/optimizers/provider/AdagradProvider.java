package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.ScaleByAdagrad;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/** The spec name {@code adagrad}: Adagrad, gradient over the root of the summed squared gradients (Duchi, Hazan and Singer, JMLR 2011) */
public final class AdagradProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    public String description() {
        return "Adagrad, gradient over the root of the summed squared gradients (Duchi, Hazan and Singer, JMLR 2011)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(0.01, "step size eta"),
                Hyperparameter.real("eps", 1e-10, Range.NON_NEGATIVE, "denominator guard delta"),
                Hyperparameter.bool("epsInsideSqrt", false, "false: g/(sqrt(G)+eps) (Duchi et al. 2011); true: g/sqrt(G+eps)"),
                Hyperparameter.real("initialAccumulator", 0, Range.NON_NEGATIVE, "G at t = 0 (0: Duchi et al., PyTorch; 0.1: TensorFlow)"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new ScaleByAdagrad(v.real("eps"), v.bool("epsInsideSqrt"), v.real("initialAccumulator")),
                new ScaleByLearningRate(v.schedule("lr"))), v.spec());
    }
}
