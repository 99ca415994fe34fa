package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Finite-difference derivatives of functions of one and of several variables, and of expressions.
 *
 * <ul>
 *   <li>forward: f'(x) = (f(x+h) - f(x)) / h + O(h), error h f''(xi)/2;</li>
 *   <li>backward: f'(x) = (f(x) - f(x-h)) / h + O(h), error -h f''(xi)/2;</li>
 *   <li>centered: f'(x) = (f(x+h) - f(x-h)) / (2h) + O(h^2), error h^2 f'''(xi)/6;</li>
 *   <li>second: f''(x) = (f(x+h) - 2 f(x) + f(x-h)) / h^2 + O(h^2), error h^2 f''''(xi)/12.</li>
 * </ul>
 * The methods that take h use it as given; the others choose it by {@link StepSize}'s rule of thumb. Partial
 * derivatives are centered, one component at a time, with the step of that component's value.
 *
 * <p>Reference: R. L. Burden and J. D. Faires, Numerical Analysis, 9th ed., Brooks/Cole 2011, section 4.1.
 */
public final class FiniteDifference {
    private FiniteDifference() {
    }

    /** The forward difference (f(x+h) - f(x)) / h. */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    /** The forward difference with the step {@link StepSize#forward(double)}. */
    public static double forward(DoubleUnaryOperator f, double x) {
        return forward(f, x, StepSize.forward(x));
    }

    /** The backward difference (f(x) - f(x-h)) / h. */
    public static double backward(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (f.applyAsDouble(x) - f.applyAsDouble(x - h)) / h;
    }

    /** The backward difference with the step {@link StepSize#forward(double)}. */
    public static double backward(DoubleUnaryOperator f, double x) {
        return backward(f, x, StepSize.forward(x));
    }

    /** The centered difference (f(x+h) - f(x-h)) / (2h). */
    public static double centered(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /** The centered difference with the step {@link StepSize#centered(double)}. */
    public static double centered(DoubleUnaryOperator f, double x) {
        return centered(f, x, StepSize.centered(x));
    }

    /** The second difference (f(x+h) - 2 f(x) + f(x-h)) / h^2, an estimate of f''(x). */
    public static double second(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (f.applyAsDouble(x + h) - 2 * f.applyAsDouble(x) + f.applyAsDouble(x - h)) / (h * h);
    }

    /** The second difference with the step {@link StepSize#second(double)}. */
    public static double second(DoubleUnaryOperator f, double x) {
        return second(f, x, StepSize.second(x));
    }

    /**
     * The centered partial derivative (f(x + h e_i) - f(x - h e_i)) / (2h) by component i, with
     * h = {@link StepSize#centered(double)} of x_i. The array x is not modified.
     *
     * @throws DslException if i is not a component of x
     */
    public static double partial(ToDoubleFunction<double[]> f, double[] x, int i) {
        if (i < 0 || i >= x.length) {
            throw new DslException("component " + i + " is outside 0.." + (x.length - 1) + " of the point");
        }
        return centered(along(f, x, i), x[i], StepSize.centered(x[i]));
    }

    /** The centered gradient: {@link #partial(ToDoubleFunction, double[], int)} for every component. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            gradient[i] = partial(f, x, i);
        }
        return gradient;
    }

    /**
     * The centered gradient with one step h for every component: (f(x + h e_i) - f(x - h e_i)) / (2h), h taken as
     * given (as a scan of the error against the step needs). The array x is not modified.
     *
     * @throws DslException if h is not finite and positive
     */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            gradient[i] = centered(along(f, x, i), x[i], h);
        }
        return gradient;
    }

    /** The centered partial derivative of an expression by one variable at a point. */
    public static double partial(Expr f, Point point, String variable) {
        return gradient(f, point, List.of(variable))[0];
    }

    /** The centered gradient of an expression at a point, in the order of {@code variables}. */
    public static double[] gradient(Expr f, Point point, List<String> variables) {
        return gradient(asFunction(f, point, variables), coordinates(point, variables));
    }

    /** f as a function of one coordinate, the others held at x: t -> f(x_0, ..., t, ..., x_n). */
    static DoubleUnaryOperator along(ToDoubleFunction<double[]> f, double[] x, int i) {
        double[] moved = x.clone();
        return t -> {
            moved[i] = t;
            return f.applyAsDouble(moved);
        };
    }

    /** An expression as a function of the values of {@code variables}, the point's other coordinates fixed. */
    static ToDoubleFunction<double[]> asFunction(Expr f, Point point, List<String> variables) {
        for (String name : variables) {
            if (!point.binds(name)) {
                throw new DslException("cannot differentiate by '" + name + "': the point binds only "
                        + point.names());
            }
        }
        return values -> {
            Map<String, Double> moved = new LinkedHashMap<>(point.asMap());
            for (int i = 0; i < values.length; i++) {
                moved.put(variables.get(i), values[i]);
            }
            return f.valueAt(Point.of(moved));
        };
    }

    /** The point's values of the variables, in their order. */
    static double[] coordinates(Point point, List<String> variables) {
        double[] x = new double[variables.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = point.get(variables.get(i));
        }
        return x;
    }

    private static void checkStep(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new DslException("a finite-difference step must be finite and > 0, got h = " + h);
        }
    }
}
