package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.NaturalGradient;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/** The spec name {@code natural}: natural gradient, x &lt;- x - lr (G + damping I)^-1 g with G the objective's metric (Amari 1998) */
public final class NaturalGradientProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "natural";
    }

    @Override
    public String description() {
        return "natural gradient, x <- x - lr (G + damping I)^-1 g with G the objective's metric (Amari 1998)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(0.1, "step size"),
                Hyperparameter.real("damping", 0, Range.NON_NEGATIVE, "added to the metric's diagonal"),
                Hyperparameter.choice("fallback", "none", List.of("none", "hessian", "identity"),
                        "metric when the objective has none: none (an error), hessian, identity"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new NaturalGradient(v.real("damping"), v.choice("fallback")),
                new ScaleByLearningRate(v.schedule("lr"))), v.spec());
    }
}
