package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * An analytic gradient a compared with a numerical one n.
 *
 * <ul>
 *   <li>component error: e_i = |a_i - n_i| / (|a_i| + |n_i| + {@link #TINY}), in [0, 1];</li>
 *   <li>overall error: e = ||a - n|| / (||a|| + ||n|| + TINY), Euclidean norms, in [0, 1].</li>
 * </ul>
 * TINY only keeps 0/0 away: a component that is 0 in both counts as exact. A component that is 0 analytically
 * but carries rounding noise numerically has a component error near 1 although it is right, which is why
 * {@link #passes(double)} judges the overall error, and the component errors serve to find which component is
 * wrong once the overall error says that one is.
 *
 * <p>The numerical gradient comes from {@link Richardson} (about 1e-12 relative on smooth functions) or, more
 * cheaply, from centered differences with {@link StepSize#centered(double)} (about 1e-10 relative).
 *
 * <p>Reference: the gradient check of CS231n (Stanford), and J. Nocedal and S. J. Wright, Numerical
 * Optimization, 2nd ed., Springer 2006, section 8.1.
 *
 * @param analytic        the analytic gradient a
 * @param numerical       the numerical gradient n
 * @param componentErrors e_i for each component
 * @param relativeError   the overall relative error e
 * @param worstComponent  the index of the largest e_i (the first, on ties; -1 for an empty gradient)
 */
public record GradientCheck(double[] analytic, double[] numerical, double[] componentErrors, double relativeError,
                            int worstComponent) {
    /** The guard against 0/0 in the relative errors: 1e-300. */
    public static final double TINY = 1e-300;

    /** Copies the arrays. */
    public GradientCheck {
        analytic = analytic.clone();
        numerical = numerical.clone();
        componentErrors = componentErrors.clone();
    }

    /**
     * Compares two gradients of the same length.
     *
     * @throws DslException if the lengths differ
     */
    public static GradientCheck compare(double[] analytic, double[] numerical) {
        if (analytic.length != numerical.length) {
            throw new DslException("cannot compare an analytic gradient of length " + analytic.length
                    + " with a numerical one of length " + numerical.length + ": they must have the same length");
        }
        double[] errors = new double[analytic.length];
        int worst = analytic.length == 0 ? -1 : 0;
        for (int i = 0; i < analytic.length; i++) {
            errors[i] = relative(analytic[i] - numerical[i], Math.abs(analytic[i]) + Math.abs(numerical[i]));
            if (errors[i] > errors[worst]) {
                worst = i;
            }
        }
        double overall = relative(norm(difference(analytic, numerical)), norm(analytic) + norm(numerical));
        return new GradientCheck(analytic, numerical, errors, overall, worst);
    }

    /** Checks an analytic gradient of f at x against the {@link Richardson} gradient. */
    public static GradientCheck byRichardson(ToDoubleFunction<double[]> f, double[] x, double[] analytic) {
        return compare(analytic, Richardson.gradient(f, x));
    }

    /** Checks an analytic gradient of f at x against centered differences with the rule-of-thumb step. */
    public static GradientCheck byCenteredDifference(ToDoubleFunction<double[]> f, double[] x, double[] analytic) {
        return compare(analytic, FiniteDifference.gradient(f, x));
    }

    /**
     * Checks an analytic gradient of f at x against centered differences with the step h for every component
     * ({@link FiniteDifference#gradient(ToDoubleFunction, double[], double)}): over a range of h, a correct
     * gradient's error traces the difference's own V of truncation and rounding, while a wrong one's stays flat.
     *
     * @throws DslException if h is not finite and positive, or the lengths differ
     */
    public static GradientCheck byCenteredDifference(ToDoubleFunction<double[]> f, double[] x, double[] analytic,
                                                     double h) {
        return compare(analytic, FiniteDifference.gradient(f, x, h));
    }

    /** Checks an expression's dual-number gradient at a point against the {@link Richardson} gradient. */
    public static GradientCheck of(Expr f, Point point, List<String> variables) {
        return compare(f.gradientAt(point, variables), Richardson.gradient(f, point, variables));
    }

    /** Checks an expression's dual-number gradient at a point, variables in sorted order. */
    public static GradientCheck of(Expr f, Point point) {
        return of(f, point, List.copyOf(f.variables()));
    }

    /** Whether the overall relative error is at most the tolerance (1e-6 is a common choice). */
    public boolean passes(double tolerance) {
        return relativeError <= tolerance;
    }

    @Override
    public double[] analytic() {
        return analytic.clone();
    }

    @Override
    public double[] numerical() {
        return numerical.clone();
    }

    @Override
    public double[] componentErrors() {
        return componentErrors.clone();
    }

    /** |d| / (scale + TINY). */
    static double relative(double difference, double scale) {
        return Math.abs(difference) / (scale + TINY);
    }

    static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    static double norm(double[] v) {
        double sum = 0;
        for (double c : v) {
            sum += c * c;
        }
        return Math.sqrt(sum);
    }
}
