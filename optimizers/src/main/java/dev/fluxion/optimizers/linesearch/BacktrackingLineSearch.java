package dev.fluxion.optimizers.linesearch;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Backtracking to sufficient decrease, the Armijo rule (Armijo, Pacific J. Math. 16(1), 1966; Nocedal and Wright,
 * "Numerical Optimization", 2nd ed., 2006, Algorithm 3.1): from alpha_0 ({@link InitialStep}), alpha &lt;- shrink
 * alpha until
 * <pre>
 *   f(x + alpha d) &lt;= f(x) + c1 alpha g'd,
 * </pre>
 * then u = alpha d. The incoming direction d should be a descent direction; if it is not, the search is along -g
 * ({@link SearchLine}).
 *
 * <p>Once alpha is so small that x + alpha d = x in every component, the step is 0: x cannot resolve it. The rule
 * needs values only, so trials are evaluated with f alone (counted as values); the next step then
 * evaluates f and grad f at the accepted point afresh (a gradient), since no trial computed it. After
 * {@code maxEvals} values in one step without sufficient decrease the step fails with an OptimizerException
 * naming it; x is left unchanged.
 *
 * @param c1       sufficient-decrease constant in (0, 1)
 * @param shrink   the factor rho in (0, 1) applied to a rejected step
 * @param init     the first trial step (its upper bound under {@link InitialStep#QUADRATIC})
 * @param guess    how the first trial step is chosen: {@code constant} or {@code quadratic} ({@link InitialStep})
 * @param maxEvals the values one step may evaluate, at least 1
 */
public record BacktrackingLineSearch(double c1, double shrink, double init, String guess, long maxEvals)
        implements Transform {
    /** The name in specs. */
    public static final String NAME = "backtracking";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("c1", 1e-4, WolfeLineSearch.OPEN_UNIT,
                    "sufficient decrease: f(x + a d) <= f(x) + c1 a g'd"),
            Hyperparameter.real("shrink", 0.5, WolfeLineSearch.OPEN_UNIT, "a <- shrink a after a rejected trial"),
            InitialStep.INIT,
            InitialStep.GUESS,
            Hyperparameter.integer("maxEvals", 50, Range.COUNT, "values per step before the step fails"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<BacktrackingLineSearch> SIGNATURE = new Signature<>(
            BacktrackingLineSearch.class, NAME, HYPERPARAMETERS,
            "Armijo backtracking along the incoming direction (-g if it is not a descent direction), values only"
            + " (Armijo 1966; Nocedal and Wright 2006, Algorithm 3.1)");
    /** Backtracking with every default: the unit step first, halved until f falls by 1e-4 of the slope's promise. */
    public static final BacktrackingLineSearch DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public BacktrackingLineSearch {
        Hyperparameter.check(NAME, HYPERPARAMETERS, c1, shrink, init, guess, maxEvals);
    }

    /** This search with sufficient-decrease constant c1. */
    public BacktrackingLineSearch c1(double c1) {
        return new BacktrackingLineSearch(c1, shrink, init, guess, maxEvals);
    }

    /** This search with shrink factor rho. */
    public BacktrackingLineSearch shrink(double shrink) {
        return new BacktrackingLineSearch(c1, shrink, init, guess, maxEvals);
    }

    /** This search with first trial step (or its cap) init. */
    public BacktrackingLineSearch init(double init) {
        return new BacktrackingLineSearch(c1, shrink, init, guess, maxEvals);
    }

    /** This search with the first trial step chosen by {@code guess}: {@code constant} or {@code quadratic}. */
    public BacktrackingLineSearch guess(String guess) {
        return new BacktrackingLineSearch(c1, shrink, init, guess, maxEvals);
    }

    /** This search with at most {@code maxEvals} values per step. */
    public BacktrackingLineSearch maxEvals(long maxEvals) {
        return new BacktrackingLineSearch(c1, shrink, init, guess, maxEvals);
    }

    @Override
    public TransformState init(int dimension) {
        return new SearchState(NAME, maxEvals, dimension, guess) {
            @Override
            public void update(double[] direction, StepContext context) {
                if (!line.start(direction, context)) {
                    return;
                }
                double value0 = line.value0();
                double slope0 = line.slope0();
                double alpha = firstTrial(init);
                while (!(line.value(alpha) <= value0 + c1 * alpha * slope0)) {
                    alpha *= shrink;
                    if (line.samePoint(0, alpha)) {
                        alpha = 0;
                        break;
                    }
                }
                line.handOn(alpha);
                remember();
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
