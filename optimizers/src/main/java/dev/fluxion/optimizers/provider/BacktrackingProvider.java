package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.linesearch.BacktrackingLineSearch;
import dev.fluxion.optimizers.linesearch.InitialStep;
import java.util.List;

/** The spec name {@code backtracking}: Armijo backtracking along the incoming direction (Armijo 1966; Nocedal and Wright 2006, Algorithm 3.1) */
public final class BacktrackingProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "backtracking";
    }

    @Override
    public String description() {
        return "Armijo backtracking along the incoming direction (-g if it is not a descent direction), values only"
                + " (Armijo 1966; Nocedal and Wright 2006, Algorithm 3.1)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.real("c1", 1e-4, WolfeProvider.OPEN_UNIT,
                        "sufficient decrease: f(x + a d) <= f(x) + c1 a g'd"),
                Hyperparameter.real("shrink", 0.5, WolfeProvider.OPEN_UNIT, "a <- shrink a after a rejected trial"),
                Hyperparameter.real("init", 1, Range.POSITIVE, "the first trial step (its cap under guess=quadratic)"),
                Hyperparameter.choice("guess", "constant", List.of("constant", "quadratic"),
                        "constant: a0 = init; quadratic: a0 = min(init, 1.01*2(f_k - f_k-1)/phi'(0)) (N&W eq. 3.60)"),
                Hyperparameter.integer("maxEvals", 50, Range.COUNT, "values per step before the step fails"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new BacktrackingLineSearch(v.real("c1"), v.real("shrink"), v.real("init"),
                InitialStep.of(v.choice("guess")), (int) v.integer("maxEvals"))), v.spec());
    }
}
