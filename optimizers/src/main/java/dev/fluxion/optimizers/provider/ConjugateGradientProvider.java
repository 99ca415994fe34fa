package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.linesearch.InitialStep;
import dev.fluxion.optimizers.transform.ConjugateGradientDirection;
import java.util.List;

/** The spec name {@code cg}: nonlinear conjugate gradients with restarts and a strong Wolfe line search (Nocedal and Wright 2006, section 5.2; Hager and Zhang 2005) */
public final class ConjugateGradientProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "cg";
    }

    @Override
    public String description() {
        return "nonlinear conjugate gradients, d = -g + beta d, restarted every n steps and on a non-descent"
                + " direction, then a line search (Nocedal and Wright 2006, section 5.2; Hager and Zhang 2005)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.choice("variant", "prplus", ConjugateGradientDirection.VARIANTS,
                        "beta: fr Fletcher-Reeves; prplus max(0, Polak-Ribiere); hs Hestenes-Stiefel; hz Hager-Zhang 2005"),
                Hyperparameter.integer("restartEvery", 0, Range.NON_NEGATIVE, "restart period in steps; 0 for n"),
                LbfgsProvider.lineSearchChoice(),
                Hyperparameter.real("c1", 1e-4, WolfeProvider.OPEN_UNIT, "sufficient-decrease constant"),
                Hyperparameter.real("c2", 0.1, WolfeProvider.OPEN_UNIT, "curvature constant (wolfe, hagerZhang)"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new ConjugateGradientDirection(v.choice("variant"), (int) v.integer("restartEvery")),
                LbfgsProvider.lineSearch(v, InitialStep.QUADRATIC)), v.spec());
    }
}
