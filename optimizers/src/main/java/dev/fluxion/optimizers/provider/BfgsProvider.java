package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.linesearch.InitialStep;
import dev.fluxion.optimizers.transform.BfgsDirection;
import java.util.List;

/** The spec name {@code bfgs}: BFGS with a dense inverse Hessian, H_0 = (y's/y'y) I, then a line search (Nocedal and Wright 2006, section 6.1) */
public final class BfgsProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "bfgs";
    }

    @Override
    public String description() {
        return "BFGS with a dense inverse-Hessian update, H_0 = (y's/y'y) I, then a line search (Broyden, Fletcher,"
                + " Goldfarb, Shanno 1970; Nocedal and Wright 2006, eqs. 6.17 and 6.20)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                LbfgsProvider.lineSearchChoice(),
                Hyperparameter.real("c1", 1e-4, WolfeProvider.OPEN_UNIT, "sufficient-decrease constant"),
                Hyperparameter.real("c2", 0.9, WolfeProvider.OPEN_UNIT, "curvature constant (wolfe, hagerZhang)"),
                LbfgsProvider.curvatureEps());
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new BfgsDirection(v.real("curvatureEps")),
                LbfgsProvider.lineSearch(v, InitialStep.CONSTANT)), v.spec());
    }
}
