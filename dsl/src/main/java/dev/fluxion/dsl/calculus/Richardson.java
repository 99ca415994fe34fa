package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The derivative by Richardson extrapolation of the centered difference.
 *
 * <p>The centered difference D(h) = (f(x+h) - f(x-h)) / (2h) has the even error expansion
 * D(h) = f'(x) + a_1 h^2 + a_2 h^4 + ..., so its values at h, h/2, h/4, ... can be extrapolated to h = 0. The
 * Neville tableau does it one power at a time: with A(i, 0) = D(h / 2^i),
 * <pre>
 *     A(i, j) = (4^j A(i, j-1) - A(i-1, j-1)) / (4^j - 1),
 * </pre>
 * which removes the h^(2j) term, so A(i, j) has error O(h^(2j+2)). Each new entry comes with an error estimate,
 * the larger of its distances to its two parents; the entry with the smallest estimate is the answer. Once the
 * diagonal moves by more than {@link #SAFETY} times the best estimate so far, rounding has taken over and the
 * tableau stops growing.
 *
 * <p>On smooth functions the answer is typically correct to 1e-12 or better, relative, at a cost of two
 * evaluations per row.
 *
 * <p>References: L. F. Richardson, The deferred approach to the limit, Phil. Trans. R. Soc. A 226 (1927);
 * C. J. F. Ridders, Accurate computation of F'(x) and F'(x) F''(x), Adv. Eng. Software 4 (1982); W. H. Press et
 * al., Numerical Recipes, 3rd ed., Cambridge 2007, section 5.7 ({@code dfridr}).
 */
public final class Richardson {
    /** The largest number of rows (step halvings plus one) of the tableau. */
    public static final int MAX_ROWS = 12;
    /** Growth of the diagonal, relative to the best error estimate, at which the tableau stops. */
    public static final double SAFETY = 2.0;

    private Richardson() {
    }

    /**
     * An extrapolated derivative.
     *
     * @param value the estimate of the derivative
     * @param error the estimated absolute error of {@code value}
     * @param step  the smallest step h whose difference entered the estimate
     * @param rows  the rows of the tableau that were computed
     */
    public record Estimate(double value, double error, double step, int rows) {
    }

    /** f'(x) from the initial step 0.1 max(|x|, 1). */
    public static Estimate derivative(DoubleUnaryOperator f, double x) {
        return derivative(f, x, 0.1 * Math.max(Math.abs(x), 1.0));
    }

    /**
     * f'(x) from the initial step h, which should be of the size over which f changes appreciably: too large a
     * step wastes rows, too small a one leaves the extrapolation no room before rounding sets in.
     *
     * @throws DslException if x is not finite or h is not finite and positive
     */
    public static Estimate derivative(DoubleUnaryOperator f, double x, double h) {
        double step = StepSize.representable(x, h);
        double[] previous = new double[MAX_ROWS];
        double[] row = new double[MAX_ROWS];
        previous[0] = FiniteDifference.centered(f, x, step);
        double best = previous[0];
        double bestError = Double.POSITIVE_INFINITY;
        double bestStep = step;
        int rows = 1;
        for (int i = 1; i < MAX_ROWS; i++) {
            step /= 2;
            rows++;
            row[0] = FiniteDifference.centered(f, x, step);
            double factor = 4;
            for (int j = 1; j <= i; j++) {
                row[j] = (factor * row[j - 1] - previous[j - 1]) / (factor - 1);
                factor *= 4;
                double error = Math.max(Math.abs(row[j] - row[j - 1]), Math.abs(row[j] - previous[j - 1]));
                if (error <= bestError) {
                    bestError = error;
                    best = row[j];
                    bestStep = step;
                }
            }
            if (Math.abs(row[i] - previous[i - 1]) >= SAFETY * bestError) {
                break;
            }
            double[] swap = previous;
            previous = row;
            row = swap;
        }
        return new Estimate(best, bestError, bestStep, rows);
    }

    /** The extrapolated partial derivative by component i, the other components held at x. */
    public static Estimate partial(ToDoubleFunction<double[]> f, double[] x, int i) {
        if (i < 0 || i >= x.length) {
            throw new DslException("component " + i + " is outside 0.." + (x.length - 1) + " of the point");
        }
        return derivative(FiniteDifference.along(f, x, i), x[i]);
    }

    /** The extrapolated gradient, one {@link #partial(ToDoubleFunction, double[], int)} per component. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            gradient[i] = partial(f, x, i).value();
        }
        return gradient;
    }

    /** The extrapolated gradient of an expression at a point, in the order of {@code variables}. */
    public static double[] gradient(Expr f, Point point, List<String> variables) {
        return gradient(FiniteDifference.asFunction(f, point, variables),
                FiniteDifference.coordinates(point, variables));
    }
}
