package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;

/**
 * The step h of a finite difference, chosen by balancing truncation error against rounding error.
 *
 * <p><b>Error model.</b> Each value f(x) is computed with a relative error of about eps (the machine epsilon,
 * 2^-52), so a difference of two values carries an absolute rounding error up to about 2 eps |f|, and shrinking
 * h amplifies it. Taylor's theorem gives the truncation error, which shrinks with h:
 * <ul>
 *   <li>forward (f(x+h) - f(x))/h: E(h) = h |f''|/2 + 2 eps |f| / h, least at
 *       h* = 2 sqrt(eps |f| / |f''|), where E(h*) = 2 sqrt(eps |f| |f''|);</li>
 *   <li>centered (f(x+h) - f(x-h))/(2h): E(h) = h^2 |f'''|/6 + eps |f| / h, least at
 *       h* = cbrt(3 eps |f| / |f'''|), where E(h*) = (3/2) (eps |f|)^(2/3) (|f'''|/3)^(1/3);</li>
 *   <li>second difference (f(x+h) - 2f(x) + f(x-h))/h^2: E(h) = h^2 |f''''|/12 + 4 eps |f| / h^2, least at
 *       h* = (48 eps |f| / |f''''|)^(1/4).</li>
 * </ul>
 * When the derivatives are unknown, the rule of thumb takes |f| / |f^(n)| ~ max(|x|, 1)^n (f varies on the
 * scale of x, or of 1 near 0), which gives h = sqrt(eps) max(|x|, 1) forward, cbrt(eps) max(|x|, 1) centered
 * and eps^(1/4) max(|x|, 1) for the second difference: about 1.5e-8, 6.1e-6 and 1.2e-4 at x = 1.
 *
 * <p>The steps returned by the rules are nudged so that x + h is exactly representable (h = (x + h) - x), which
 * removes the error of the step itself.
 *
 * <p>References: P. E. Gill, W. Murray and M. H. Wright, Practical Optimization, Academic Press 1981, section
 * 8.6; J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed., Springer 2006, section 8.1; W. H. Press
 * et al., Numerical Recipes, 3rd ed., Cambridge 2007, section 5.7.
 */
public final class StepSize {
    /** The machine epsilon of double, 2^-52 = 2.22e-16: the gap between 1 and the next double. */
    public static final double EPSILON = Math.ulp(1.0);

    private StepSize() {
    }

    /** The rule-of-thumb forward-difference step sqrt(eps) max(|x|, 1). */
    public static double forward(double x) {
        return representable(x, Math.sqrt(EPSILON) * scale(x));
    }

    /** The rule-of-thumb centered-difference step cbrt(eps) max(|x|, 1). */
    public static double centered(double x) {
        return representable(x, Math.cbrt(EPSILON) * scale(x));
    }

    /** The rule-of-thumb second-difference step eps^(1/4) max(|x|, 1). */
    public static double second(double x) {
        return representable(x, Math.sqrt(Math.sqrt(EPSILON)) * scale(x));
    }

    /**
     * The model-optimal forward step h* = 2 sqrt(eps |f| / |f''|), given estimates of f(x) and f''(x).
     * Falls back to {@link #forward(double)} when the model degenerates (f'' = 0 or f = 0).
     */
    public static double forwardOptimal(double x, double f, double secondDerivative) {
        double ratio = Math.abs(f) / Math.abs(secondDerivative);
        return usable(ratio) ? representable(x, 2 * Math.sqrt(EPSILON * ratio)) : forward(x);
    }

    /**
     * The model-optimal centered step h* = cbrt(3 eps |f| / |f'''|), given estimates of f(x) and f'''(x).
     * Falls back to {@link #centered(double)} when the model degenerates (f''' = 0 or f = 0).
     */
    public static double centeredOptimal(double x, double f, double thirdDerivative) {
        double ratio = Math.abs(f) / Math.abs(thirdDerivative);
        return usable(ratio) ? representable(x, Math.cbrt(3 * EPSILON * ratio)) : centered(x);
    }

    /**
     * The model-optimal second-difference step h* = (48 eps |f| / |f''''|)^(1/4), given estimates of f(x)
     * and f''''(x). Falls back to {@link #second(double)} when the model degenerates.
     */
    public static double secondOptimal(double x, double f, double fourthDerivative) {
        double ratio = Math.abs(f) / Math.abs(fourthDerivative);
        return usable(ratio) ? representable(x, Math.sqrt(Math.sqrt(48 * EPSILON * ratio))) : second(x);
    }

    /** The modelled error h |f''|/2 + 2 eps |f| / h of a forward difference with step h. */
    public static double forwardError(double h, double f, double secondDerivative) {
        return h * Math.abs(secondDerivative) / 2 + 2 * EPSILON * Math.abs(f) / h;
    }

    /** The modelled error h^2 |f'''|/6 + eps |f| / h of a centered difference with step h. */
    public static double centeredError(double h, double f, double thirdDerivative) {
        return h * h * Math.abs(thirdDerivative) / 6 + EPSILON * Math.abs(f) / h;
    }

    /** The modelled error h^2 |f''''|/12 + 4 eps |f| / h^2 of a second difference with step h. */
    public static double secondError(double h, double f, double fourthDerivative) {
        return h * h * Math.abs(fourthDerivative) / 12 + 4 * EPSILON * Math.abs(f) / (h * h);
    }

    /**
     * The steps 10^from, 10^(from - 1/perDecade), ..., 10^to: a grid evenly spaced on a log axis, perDecade steps
     * to each factor of ten, from the largest down (from = -1, to = -14, perDecade = 4 gives 53 steps from 0.1 to
     * 1e-14). The exponent of step k is from - k / perDecade, computed as such, so 10^-1.25 is the same double
     * however the grid is made.
     *
     * @throws DslException if from or to is not finite, to &gt; from, perDecade &lt; 1, or (from - to) perDecade is
     *                      not a whole number
     */
    public static double[] powersOfTen(double from, double to, int perDecade) {
        if (!Double.isFinite(from) || !Double.isFinite(to) || to > from || perDecade < 1) {
            throw new DslException("a grid of steps 10^from down to 10^to needs finite from >= to and perDecade >= 1, got"
                    + " from = " + from + ", to = " + to + ", perDecade = " + perDecade);
        }
        double count = (from - to) * perDecade;
        if (Math.abs(count - Math.rint(count)) > 1e-9) {
            throw new DslException("a grid of steps from 10^" + from + " to 10^" + to + " in " + perDecade
                    + " steps per decade does not end at 10^" + to + ": (from - to) * perDecade = " + count
                    + " is not a whole number");
        }
        double[] steps = new double[(int) Math.rint(count) + 1];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = Math.pow(10, from - k / (double) perDecade);
        }
        return steps;
    }

    /**
     * The steps 2^from, 2^(from - 1), ..., 2^to, halving from the largest down (from = 0, to = -20 gives 1, 1/2, ...,
     * 2^-20). Each is exact, and so is x + h for every x with |x| &lt; 2^(to + 53) (x = 1 and h &gt;= 2^-52, say).
     *
     * @throws DslException if to &gt; from, or a power falls outside the normal doubles (exponents -1022 to 1023)
     */
    public static double[] powersOfTwo(int from, int to) {
        if (to > from || to < Double.MIN_EXPONENT || from > Double.MAX_EXPONENT) {
            throw new DslException("a grid of steps 2^from down to 2^to needs " + Double.MIN_EXPONENT + " <= to <= from <= "
                    + Double.MAX_EXPONENT + ", got from = " + from + ", to = " + to);
        }
        double[] steps = new double[from - to + 1];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = Math.scalb(1.0, from - k);
        }
        return steps;
    }

    /**
     * The step nearest h for which x + h is a double exactly: (x + h) - x. Returns h itself if that would be 0.
     *
     * @throws DslException if x is not finite or h is not finite and positive
     */
    public static double representable(double x, double h) {
        if (!Double.isFinite(x)) {
            throw new DslException("a finite-difference point must be finite, got x = " + x);
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new DslException("a finite-difference step must be finite and > 0, got h = " + h);
        }
        double exact = (x + h) - x;
        return exact > 0 ? exact : h;
    }

    private static double scale(double x) {
        return Math.max(Math.abs(x), 1.0);
    }

    private static boolean usable(double ratio) {
        return ratio > 0 && Double.isFinite(ratio);
    }
}
