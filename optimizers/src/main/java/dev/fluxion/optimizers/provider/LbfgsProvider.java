package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.linesearch.BacktrackingLineSearch;
import dev.fluxion.optimizers.linesearch.HagerZhangLineSearch;
import dev.fluxion.optimizers.linesearch.InitialStep;
import dev.fluxion.optimizers.linesearch.WolfeLineSearch;
import dev.fluxion.optimizers.transform.LbfgsDirection;
import java.util.List;

/** The spec name {@code lbfgs}: limited-memory BFGS, the two-loop direction then a line search (Liu and Nocedal 1989; Nocedal and Wright 2006, Algorithm 7.4) */
public final class LbfgsProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "lbfgs";
    }

    @Override
    public String description() {
        return "limited-memory BFGS: two-loop recursion with gamma = s'y/y'y, then a line search (Nocedal 1980;"
                + " Liu and Nocedal 1989; Nocedal and Wright 2006, Algorithm 7.4)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.integer("memory", 10, Range.COUNT, "the number m of (s, y) pairs kept"),
                lineSearchChoice(),
                Hyperparameter.real("c1", 1e-4, WolfeProvider.OPEN_UNIT, "sufficient-decrease constant"),
                Hyperparameter.real("c2", 0.9, WolfeProvider.OPEN_UNIT, "curvature constant (wolfe, hagerZhang)"),
                curvatureEps());
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new LbfgsDirection((int) v.integer("memory"), v.real("curvatureEps")),
                lineSearch(v, InitialStep.CONSTANT)), v.spec());
    }

    /** The choice of the line search that follows a quasi-Newton direction. */
    static Hyperparameter lineSearchChoice() {
        return Hyperparameter.choice("linesearch", "wolfe", List.of("wolfe", "backtracking", "hagerZhang"),
                "wolfe: strong Wolfe (N&W Alg. 3.5-3.6); backtracking: Armijo, shrink 0.5 (N&W Alg. 3.1);"
                        + " hagerZhang: (approximate) Wolfe, epsilon = 1e-6 (Hager and Zhang 2005)");
    }

    /** The rule that skips a secant pair. */
    static Hyperparameter curvatureEps() {
        return Hyperparameter.real("curvatureEps", 1e-8, Range.NON_NEGATIVE,
                "skip a pair unless s'y > curvatureEps ||s|| ||y||");
    }

    /**
     * The line search that {@code linesearch}, {@code c1} and {@code c2} name, with init = 1: Wolfe with 20 evaluations
     * per step, backtracking by halves with 50 values, Hager-Zhang with epsilon = 1e-6 and 50 evaluations.
     */
    static Transform lineSearch(HyperparameterValues v, InitialStep guess) {
        double c1 = v.real("c1");
        double c2 = v.real("c2");
        return switch (v.choice("linesearch")) {
            case "backtracking" -> new BacktrackingLineSearch(c1, 0.5, 1, guess, 50);
            case "hagerZhang" -> {
                if (!(c1 < 0.5 && c1 <= c2)) {
                    throw new OptimizerException(v.owner() + " needs c1 < 1/2 and c1 <= c2 for its Hager-Zhang line"
                            + " search, got c1 = " + c1 + ", c2 = " + c2);
                }
                yield new HagerZhangLineSearch(c1, c2, 1e-6, 1, guess, 50);
            }
            default -> {
                if (!(c1 < c2)) {
                    throw new OptimizerException(v.owner() + " needs c1 < c2 for its Wolfe line search, got c1 = " + c1
                            + ", c2 = " + c2);
                }
                yield new WolfeLineSearch(c1, c2, 1, guess, 20);
            }
        };
    }
}
