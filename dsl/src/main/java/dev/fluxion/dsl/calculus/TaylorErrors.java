package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;

/**
 * How the Taylor polynomials T_0, ..., T_K of a one-variable expression f at a approach f at a point x: for each
 * order n, the value T_n(x), its error |T_n(x) - f(x)|, and Lagrange's bound M |x - a|^(n+1) / (n+1)!
 * ({@link TaylorPolynomial#remainderBound}), M bounding every |f^(n+1)| between a and x. The table of a chapter on
 * Taylor's theorem: the factorial wins, and every error stays under its bound.
 *
 * <p>Reference: T. M. Apostol, Calculus, vol. 1, 2nd ed., Wiley 1967, section 7.7 (Lagrange's form of the remainder).
 *
 * @param center the point of expansion a
 * @param x      the point of evaluation
 * @param exact  f(x)
 * @param values T_n(x) for n = 0..K
 * @param errors |T_n(x) - f(x)| for n = 0..K
 * @param bounds Lagrange's bound for n = 0..K
 */
public record TaylorErrors(double center, double x, double exact, double[] values, double[] errors, double[] bounds) {

    /**
     * Copies the arrays.
     *
     * @throws DslException if they differ in length
     */
    public TaylorErrors {
        if (values.length != errors.length || values.length != bounds.length) {
            throw new DslException("Taylor errors need one value, error and bound per order, got " + values.length
                    + ", " + errors.length + " and " + bounds.length);
        }
        values = values.clone();
        errors = errors.clone();
        bounds = bounds.clone();
    }

    /**
     * The Taylor polynomials of orders 0 to maxOrder of f at a ({@link TaylorPolynomial#of(Expr, double, int)}),
     * evaluated at x.
     *
     * @param derivativeBound M, a bound on |f^(n+1)| between a and x for every n &lt;= maxOrder
     * @throws DslException if f has not exactly one variable, maxOrder is negative, a or x is not finite, or M is
     *                      negative or not finite
     */
    public static TaylorErrors of(Expr f, double a, double x, int maxOrder, double derivativeBound) {
        if (maxOrder < 0) {
            throw new DslException("Taylor errors need a highest order >= 0, got " + maxOrder);
        }
        double[] values = new double[maxOrder + 1];
        double[] errors = new double[maxOrder + 1];
        double[] bounds = new double[maxOrder + 1];
        double exact = Double.NaN;
        for (int n = 0; n <= maxOrder; n++) {
            TaylorPolynomial polynomial = TaylorPolynomial.of(f, a, n);
            if (n == 0) {
                exact = f.valueAt(Point.of(polynomial.variable(), x));
            }
            values[n] = polynomial.valueAt(x);
            errors[n] = Math.abs(values[n] - exact);
            bounds[n] = polynomial.remainderBound(x, derivativeBound);
        }
        return new TaylorErrors(a, x, exact, values, errors, bounds);
    }

    /** The highest order K. */
    public int maxOrder() {
        return values.length - 1;
    }

    /** The lowest order n whose error is below the tolerance, or -1 if none is. */
    public int firstOrderBelow(double tolerance) {
        for (int n = 0; n < errors.length; n++) {
            if (errors[n] < tolerance) {
                return n;
            }
        }
        return -1;
    }

    /**
     * Whether every error is at most its bound plus slack. The slack absorbs the rounding of T_n(x) itself (about
     * 1e-16 relative), which a bound on the remainder alone does not cover once the bound falls that low.
     */
    public boolean withinBounds(double slack) {
        for (int n = 0; n < errors.length; n++) {
            if (!(errors[n] <= bounds[n] + slack)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] errors() {
        return errors.clone();
    }

    @Override
    public double[] bounds() {
        return bounds.clone();
    }
}
