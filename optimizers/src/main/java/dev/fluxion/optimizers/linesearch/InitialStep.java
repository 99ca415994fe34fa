package dev.fluxion.optimizers.linesearch;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import java.util.List;

/**
 * How a line search chooses its first trial step alpha_0 (Nocedal and Wright, "Numerical Optimization", 2nd ed.,
 * 2006, section 3.5, "Initial step length").
 */
public enum InitialStep {
    /**
     * alpha_0 = init at every step: right for Newton and quasi-Newton directions, whose unit step is usually
     * acceptable and must be tried first for superlinear convergence.
     */
    CONSTANT,
    /**
     * alpha_0 = min(init, 1.01 * 2 (f_k - f_{k-1}) / phi'(0)), the minimizer of the quadratic through f_{k-1}, f_k
     * and phi'(0) (Nocedal and Wright, eq. 3.60 and the remark after it), for directions that are not well scaled
     * (steepest descent, nonlinear conjugate gradients). At the first step, where there is no f_{k-1},
     * alpha_0 = min(init, 1 / ||d||_2): a trial step of length 1 (scipy's line_search_wolfe1 does the like).
     */
    QUADRATIC;

    /** The hyperparameter {@code init} of every line search that tries a first step: alpha_0, or its cap. */
    public static final Hyperparameter INIT = Hyperparameter.real("init", 1, Range.POSITIVE,
            "the first trial step (its cap under guess=quadratic)");
    /** The hyperparameter {@code guess} of every line search that tries a first step, by spec name. */
    public static final Hyperparameter GUESS = Hyperparameter.choice("guess", "constant",
            List.of("constant", "quadratic"),
            "constant: a0 = init (Newton, quasi-Newton); quadratic: a0 = min(init, 1.01*2(f_k - f_k-1)/phi'(0))"
                    + " (N&W eq. 3.60; CG, steepest descent)");

    /** Its name in specs. */
    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant of a spec name. */
    public static InitialStep of(String specName) {
        return valueOf(specName.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * alpha_0 for this step.
     *
     * @param init          the largest first step
     * @param value         f_k = phi(0)
     * @param previousValue f_{k-1}, or NaN at the first step
     * @param slope         phi'(0) &lt; 0
     * @param directionNorm ||d||_2
     */
    double first(double init, double value, double previousValue, double slope, double directionNorm) {
        if (this == CONSTANT) {
            return init;
        }
        if (Double.isNaN(previousValue)) {
            return Math.min(init, 1 / directionNorm);
        }
        double quadratic = 2 * (value - previousValue) / slope;
        return quadratic > 0 && quadratic < Double.POSITIVE_INFINITY ? Math.min(init, 1.01 * quadratic) : init;
    }
}
