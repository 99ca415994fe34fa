package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.linesearch.InitialStep;
import dev.fluxion.optimizers.linesearch.WolfeLineSearch;
import java.util.List;

/** The spec name {@code wolfe}: a strong Wolfe line search along the incoming direction (Nocedal and Wright 2006, Algorithms 3.5 and 3.6) */
public final class WolfeProvider implements OptimizerProvider {
    /** The open interval (0, 1) of c1 and c2. */
    static final Range OPEN_UNIT = new Range(0, false, 1, false);

    @Override
    public String name() {
        return "wolfe";
    }

    @Override
    public String description() {
        return "strong Wolfe line search along the incoming direction (-g if it is not a descent direction), bracketing"
                + " and zoom with cubic interpolation (Nocedal and Wright 2006, Algorithms 3.5 and 3.6)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.real("c1", 1e-4, OPEN_UNIT, "sufficient decrease: phi(a) <= phi(0) + c1 a phi'(0)"),
                Hyperparameter.real("c2", 0.9, OPEN_UNIT, "curvature: |phi'(a)| <= c2 |phi'(0)|, c1 < c2"),
                Hyperparameter.real("init", 1, Range.POSITIVE, "the first trial step (its cap under guess=quadratic)"),
                Hyperparameter.choice("guess", "constant", List.of("constant", "quadratic"),
                        "constant: a0 = init (quasi-Newton); quadratic: a0 = min(init, 1.01*2(f_k - f_k-1)/phi'(0))"
                                + " (N&W eq. 3.60; CG, steepest descent)"),
                Hyperparameter.integer("maxEvals", 20, Range.COUNT, "evaluations per step before the step fails"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new WolfeLineSearch(v.real("c1"), v.real("c2"), v.real("init"),
                InitialStep.of(v.choice("guess")), (int) v.integer("maxEvals"))), v.spec());
    }
}
