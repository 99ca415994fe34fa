package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.ScaleByRms;
import java.util.List;

/** The spec name {@code rmsprop}: RMSProp, gradient over a running root mean square, plain or centered (Tieleman and Hinton 2012; Graves 2013) */
public final class RmspropProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public String description() {
        return "RMSProp, gradient over a running root mean square, plain or centered (Tieleman and Hinton 2012; Graves 2013)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(0.01, "step size"),
                Hyperparameter.real("decay", 0.9, Range.UNIT_HALF_OPEN, "mean-square decay rho (Tieleman and Hinton 2012)"),
                Hyperparameter.real("eps", 1e-8, Range.NON_NEGATIVE, "denominator guard epsilon"),
                Hyperparameter.bool("epsInsideSqrt", true, "true: g/sqrt(s+eps) (Graves 2013, TensorFlow); false: g/(sqrt(s)+eps) (PyTorch)"),
                Hyperparameter.bool("centered", false, "divide by sqrt(s - mean^2) instead of sqrt(s) (Graves 2013)"),
                Hyperparameter.real("initialAccumulator", 0, Range.NON_NEGATIVE, "mean square at t = 0 (0: PyTorch, optax; 1: TensorFlow 1)"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new ScaleByRms(v.real("decay"), v.real("eps"), v.bool("epsInsideSqrt"),
                v.bool("centered"), v.real("initialAccumulator")), new ScaleByLearningRate(v.schedule("lr"))), v.spec());
    }
}
