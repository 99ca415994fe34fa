package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.number.Jet;
import java.util.function.DoubleFunction;

/**
 * A root of the derivative g = f^(m) of a one-variable function inside a bracket [lo, hi] where g changes sign,
 * by Newton's method on g with g' = f^(m+1), both from one jet of order m + 1, safeguarded by bisection: a
 * Newton step that leaves the bracket, or two steps that fail to halve it, give way to a bisection. The
 * bracket thus at least halves every two steps, while simple roots converge quadratically.
 *
 * <p>Reference: W. H. Press et al., Numerical Recipes, 3rd ed., Cambridge 2007, section 9.4 ({@code rtsafe}).
 */
final class SafeguardedNewton {
    private static final int MAX_ITERATIONS = 300;

    private SafeguardedNewton() {
    }

    /**
     * The root of f^(m) in [lo, hi], to within tolerance.
     *
     * @param jets      x -> the jet of f at x, of order at least m + 1
     * @param m         the order of the derivative whose root is sought
     * @param tolerance the bracket width at which to stop
     */
    static double root(DoubleFunction<Jet> jets, int m, double lo, double hi, double tolerance) {
        double gLo = jets.apply(lo).derivative(m);
        double gHi = jets.apply(hi).derivative(m);
        if (gLo == 0) {
            return lo;
        }
        if (gHi == 0) {
            return hi;
        }
        double x = 0.5 * (lo + hi);
        double previousWidth = hi - lo;
        boolean bisectNext = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS && hi - lo > tolerance; iteration++) {
            Jet jet = jets.apply(x);
            double g = jet.derivative(m);
            double slope = jet.derivative(m + 1);
            if (g == 0 || !Double.isFinite(g)) {
                return x;
            }
            if ((g > 0) == (gLo > 0)) {
                lo = x;
            } else {
                hi = x;
            }
            double width = hi - lo;
            double newton = x - g / slope;
            boolean inside = Double.isFinite(newton) && newton > lo && newton < hi;
            double next = !bisectNext && inside ? newton : 0.5 * (lo + hi);
            bisectNext = width > 0.5 * previousWidth && !bisectNext;
            previousWidth = width;
            if (Math.abs(next - x) <= 0.25 * tolerance) {
                return next;
            }
            x = next;
        }
        return x;
    }
}
