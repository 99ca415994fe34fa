package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.transform.DampedNewton;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/** The spec name {@code newton}: damped Newton, x &lt;- x - lr H^-1 g, with a remedy for indefinite Hessians (Nocedal and Wright 2006, ch. 3) */
public final class NewtonProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "newton";
    }

    @Override
    public String description() {
        return "damped Newton, x <- x - lr H^-1 g, with a remedy for indefinite Hessians (Nocedal and Wright 2006, ch. 3)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.learningRate(1.0, "damping factor; 1 is the full Newton step"),
                Hyperparameter.choice("indefinite", "shift", List.of("shift", "abs", "fail"),
                        "shift: H + tau I by Cholesky attempts (N&W Alg. 3.3); abs: |eigenvalues| (N&W 3.4; Dauphin et al. 2014); fail"),
                Hyperparameter.real("minShift", 1e-3, Range.POSITIVE, "smallest shift tau and smallest |eigenvalue| (N&W beta)"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new DampedNewton(v.choice("indefinite"), v.real("minShift")),
                new ScaleByLearningRate(v.schedule("lr"))), v.spec());
    }
}
