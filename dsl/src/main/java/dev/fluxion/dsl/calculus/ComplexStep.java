package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import dev.fluxion.dsl.number.Complex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The complex-step derivative: for f real-analytic near x,
 * <pre>
 *     f(x + i h) = f(x) + i h f'(x) - h^2 f''(x)/2 - i h^3 f'''(x)/6 + ...,   so   f'(x) = Im f(x + i h) / h + O(h^2).
 * </pre>
 * No difference of nearby values is taken, so there is no cancellation and h can be tiny: with the default
 * h = 1e-20 the truncation error h^2 |f'''| / 6 is far below rounding, and the result is exact to rounding.
 *
 * <p>It needs f written with operations that extend analytically to complex numbers; the non-analytic ones
 * (abs, sign, min, max, relu and the like) give whatever {@link Complex} defines for them, which in general is
 * not the derivative.
 *
 * <p>References: W. Squire and G. Trapp, Using complex variables to estimate derivatives of real functions,
 * SIAM Review 40 (1998); J. R. R. A. Martins, P. Sturdza and J. J. Alonso, The complex-step derivative
 * approximation, ACM TOMS 29 (2003).
 */
public final class ComplexStep {
    /** The default imaginary step: small enough that the O(h^2) truncation vanishes below rounding. */
    public static final double DEFAULT_STEP = 1e-20;

    private ComplexStep() {
    }

    /** f'(x) = Im f(x + i h) / h, for f written generically over {@link Complex}. */
    public static double derivative(UnaryOperator<Complex> f, double x, double h) {
        check(x, h);
        return f.apply(Complex.of(x, h)).imaginary() / h;
    }

    /** f'(x) with the step {@link #DEFAULT_STEP}. */
    public static double derivative(UnaryOperator<Complex> f, double x) {
        return derivative(f, x, DEFAULT_STEP);
    }

    /**
     * The partial derivative of an expression by one variable at a point: that variable is bound to x + i h, every
     * other one to its real value.
     *
     * @throws DslException if a variable of f, or the differentiation variable, is not bound by the point
     */
    public static double partial(Expr f, Point point, String variable, double h) {
        if (!point.binds(variable)) {
            throw new DslException("cannot differentiate by '" + variable + "': the point binds only "
                    + point.names());
        }
        check(point.get(variable), h);
        Map<String, Complex> bindings = new HashMap<>();
        for (String name : f.variables()) {
            bindings.put(name, Complex.of(point.get(name), name.equals(variable) ? h : 0.0));
        }
        if (bindings.isEmpty()) {
            return 0.0;
        }
        return f.evaluate(bindings).imaginary() / h;
    }

    /** The partial derivative with the step {@link #DEFAULT_STEP}. */
    public static double partial(Expr f, Point point, String variable) {
        return partial(f, point, variable, DEFAULT_STEP);
    }

    /** The complex-step gradient of an expression at a point, in the order of {@code variables}. */
    public static double[] gradient(Expr f, Point point, List<String> variables) {
        double[] gradient = new double[variables.size()];
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = partial(f, point, variables.get(i));
        }
        return gradient;
    }

    private static void check(double x, double h) {
        if (!Double.isFinite(x)) {
            throw new DslException("a complex-step point must be finite, got x = " + x);
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new DslException("a complex step must be finite and > 0, got h = " + h);
        }
    }
}
