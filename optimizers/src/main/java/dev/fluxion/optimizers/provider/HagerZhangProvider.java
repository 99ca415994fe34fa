package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.linesearch.HagerZhangLineSearch;
import dev.fluxion.optimizers.linesearch.InitialStep;
import java.util.List;

/** The spec name {@code hagerZhang}: Hager and Zhang's line search with the approximate Wolfe conditions (Hager and Zhang 2005, section 4) */
public final class HagerZhangProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "hagerZhang";
    }

    @Override
    public String description() {
        return "Hager-Zhang line search along the incoming direction (-g if it is not a descent direction): Wolfe or"
                + " approximate Wolfe, bracketing, double secant steps and bisection (Hager and Zhang, SIAM J. Optim."
                + " 2005, section 4)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.real("c1", 0.1, new Range(0, false, 0.5, false), "delta: sufficient decrease, and"
                        + " phi'(a) <= (2 delta - 1) phi'(0) in the approximate Wolfe condition"),
                Hyperparameter.real("c2", 0.9, WolfeProvider.OPEN_UNIT, "sigma: phi'(a) >= sigma phi'(0), c1 <= c2"),
                Hyperparameter.real("epsilon", 1e-6, Range.NON_NEGATIVE,
                        "approximate Wolfe allows phi(a) <= phi(0) + epsilon |f|"),
                Hyperparameter.real("init", 1, Range.POSITIVE, "the first trial step (its cap under guess=quadratic)"),
                Hyperparameter.choice("guess", "constant", List.of("constant", "quadratic"),
                        "constant: a0 = init; quadratic: a0 = min(init, 1.01*2(f_k - f_k-1)/phi'(0)) (N&W eq. 3.60)"),
                Hyperparameter.integer("maxEvals", 50, Range.COUNT, "evaluations per step before the step fails"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new HagerZhangLineSearch(v.real("c1"), v.real("c2"), v.real("epsilon"),
                v.real("init"), InitialStep.of(v.choice("guess")), (int) v.integer("maxEvals"))), v.spec());
    }
}
