package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.linesearch.BacktrackingLineSearch;
import dev.fluxion.optimizers.linesearch.HagerZhangLineSearch;
import dev.fluxion.optimizers.linesearch.WolfeLineSearch;
import java.util.List;

/**
 * The line search that follows the direction of {@code lbfgs}, {@code bfgs} and {@code cg}, chosen by the words
 * {@code linesearch=wolfe|backtracking|hagerZhang} and tuned by c1 and c2 only; its other constants are fixed: the
 * first trial step init = 1, strong Wolfe with 20 evaluations per step, backtracking by halves with 50 values,
 * Hager-Zhang with epsilon = 1e-6 and 50 evaluations.
 */
final class LineSearchChoice {
    /** The hyperparameter {@code linesearch}. */
    static final Hyperparameter LINESEARCH = Hyperparameter.choice("linesearch", WolfeLineSearch.NAME,
            List.of(WolfeLineSearch.NAME, BacktrackingLineSearch.NAME, HagerZhangLineSearch.NAME),
            "wolfe: strong Wolfe (N&W Alg. 3.5-3.6); backtracking: Armijo, shrink 0.5 (N&W Alg. 3.1);"
                    + " hagerZhang: (approximate) Wolfe, epsilon = 1e-6 (Hager and Zhang 2005)");

    private LineSearchChoice() {
    }

    /** The hyperparameter {@code c1}, the sufficient-decrease constant of every choice. */
    static Hyperparameter c1() {
        return Hyperparameter.real("c1", 1e-4, WolfeLineSearch.OPEN_UNIT, "sufficient-decrease constant");
    }

    /** The hyperparameter {@code c2}, the curvature constant of wolfe and hagerZhang, with its default. */
    static Hyperparameter c2(double defaultValue) {
        return Hyperparameter.real("c2", defaultValue, WolfeLineSearch.OPEN_UNIT,
                "curvature constant (wolfe, hagerZhang)");
    }

    /**
     * The line search {@code linesearch} names, with c1 and c2, checking what the choice needs of them beyond their
     * ranges: c1 &lt; c2 for Wolfe, c1 &lt; 1/2 and c1 &lt;= c2 for Hager-Zhang.
     *
     * @param owner the optimizer's name, for messages
     * @throws OptimizerException naming the owner, the search and both constants if they do not fit it
     */
    static Transform of(String owner, String linesearch, double c1, double c2, String guess) {
        return switch (linesearch) {
            case BacktrackingLineSearch.NAME -> new BacktrackingLineSearch(c1, 0.5, 1, guess, 50);
            case HagerZhangLineSearch.NAME -> {
                if (!(c1 < 0.5 && c1 <= c2)) {
                    throw new OptimizerException(owner + " needs c1 < 1/2 and c1 <= c2 for its Hager-Zhang line"
                            + " search, got c1 = " + c1 + ", c2 = " + c2);
                }
                yield new HagerZhangLineSearch(c1, c2, 1e-6, 1, guess, 50);
            }
            default -> {
                if (!(c1 < c2)) {
                    throw new OptimizerException(owner + " needs c1 < c2 for its Wolfe line search, got c1 = " + c1
                            + ", c2 = " + c2);
                }
                yield new WolfeLineSearch(c1, c2, 1, guess, 20);
            }
        };
    }
}
