package dev.fluxion.optimizers.linesearch;

import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

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
 * {@code maxEvaluations} values in one step without sufficient decrease the step fails with an OptimizerException
 * naming it; x is left unchanged.
 *
 * @param c1             sufficient-decrease constant in (0, 1)
 * @param shrink         the factor rho in (0, 1) applied to a rejected step
 * @param init           the first trial step (its upper bound under {@link InitialStep#QUADRATIC})
 * @param guess          how the first trial step is chosen
 * @param maxEvaluations the values one step may evaluate
 */
public record BacktrackingLineSearch(double c1, double shrink, double init, InitialStep guess, int maxEvaluations)
        implements Transform {

    /** The constants must satisfy 0 &lt; c1 &lt; 1, 0 &lt; shrink &lt; 1, init &gt; 0 and maxEvaluations &gt;= 1. */
    public BacktrackingLineSearch {
        if (!(0 < c1 && c1 < 1 && 0 < shrink && shrink < 1 && init > 0) || maxEvaluations < 1) {
            throw new OptimizerException("backtracking needs 0 < c1 < 1, 0 < shrink < 1, init > 0 and maxEvals >= 1,"
                    + " got c1 = " + c1 + ", shrink = " + shrink + ", init = " + init + ", maxEvals = "
                    + maxEvaluations);
        }
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final SearchLine line = new SearchLine("backtracking", maxEvaluations, dimension);
            private final double[] previousValue = guess == InitialStep.QUADRATIC
                    ? buffer("previousValue", 1, Double.NaN) : null;

            @Override
            public void update(double[] direction, StepContext context) {
                if (!line.start(direction, context)) {
                    return;
                }
                double value0 = line.value0();
                double slope0 = line.slope0();
                double alpha = guess.first(init, value0, previousValue == null ? Double.NaN : previousValue[0],
                        slope0, line.directionNorm());
                while (!(line.value(alpha) <= value0 + c1 * alpha * slope0)) {
                    alpha *= shrink;
                    if (line.samePoint(0, alpha)) {
                        alpha = 0;
                        break;
                    }
                }
                line.handOn(alpha);
                if (previousValue != null) {
                    previousValue[0] = value0;
                }
            }
        };
    }

    @Override
    public String spec() {
        return "backtracking(c1=" + c1 + ", shrink=" + shrink + ", init=" + init + ", guess=" + guess.specName()
                + ", maxEvals=" + maxEvaluations + ")";
    }
}
