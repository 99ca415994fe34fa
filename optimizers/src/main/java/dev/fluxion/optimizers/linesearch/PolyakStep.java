package dev.fluxion.optimizers.linesearch;

import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

/**
 * Polyak's step size (Polyak, "Introduction to Optimization", 1987, section 5.3; Hazan and Kakade, "Revisiting the
 * Polyak step size", 2019): the step along d at which the linear model of f reaches the optimal value f*,
 * <pre>
 *   alpha = scale (f(x) - f*) / (-g'd),    u = alpha d,
 * </pre>
 * which for d = -g is the classical alpha = (f - f*) / ||g||^2. It evaluates nothing. f* is given (a landscape's known
 * minimum, when it has one); f(x) &lt;= f* gives alpha = 0. If d is not a descent direction the step is along -g
 * ({@link SearchLine}).
 *
 * @param optimalValue f*
 * @param scale        a factor on the step, 1 for Polyak's own (Loizou et al., AISTATS 2021, take 1/2 in SPS)
 */
public record PolyakStep(double optimalValue, double scale) implements Transform {

    /** f* must be finite and the scale positive. */
    public PolyakStep {
        if (!Double.isFinite(optimalValue) || !(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            throw new OptimizerException("polyak needs a finite fStar and a positive scale, got fStar = " + optimalValue
                    + ", scale = " + scale);
        }
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            // no evaluations: the budget is never touched
            private final SearchLine line = new SearchLine("polyak", 1, dimension);

            @Override
            public void update(double[] direction, StepContext context) {
                if (!line.start(direction, context)) {
                    return;
                }
                double gap = line.value0() - optimalValue;
                line.handOn(gap > 0 ? scale * gap / -line.slope0() : 0);
            }
        };
    }

    @Override
    public String spec() {
        return "polyak(fStar=" + optimalValue + ", scale=" + scale + ")";
    }
}
