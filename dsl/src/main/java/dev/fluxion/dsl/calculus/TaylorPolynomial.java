package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.number.Jet;
import java.util.Map;
import java.util.SortedSet;

/**
 * The Taylor polynomial of order k of a one-variable expression f at a:
 * <pre>
 *     T_k(x) = sum_{n=0..k} c_n (x - a)^n,   c_n = f^(n)(a) / n!,
 * </pre>
 * with the coefficients read from one evaluation of f on the {@link Jet} a + t of order k, so they are exact
 * up to rounding (no symbolic differentiation, no differences).
 *
 * <p>Reference: A. Griewank and A. Walther, Evaluating Derivatives, 2nd ed., SIAM 2008, chapter 13.
 *
 * @param variable     the variable x
 * @param center       the point of expansion a
 * @param coefficients c_0 ... c_k
 */
public record TaylorPolynomial(String variable, double center, double[] coefficients) {

    /** Copies the coefficients. */
    public TaylorPolynomial {
        coefficients = coefficients.clone();
    }

    /**
     * The Taylor polynomial of order k of f at a, in f's one variable.
     *
     * @throws DslException if f has more than one variable, or none (then name it with the other factory), or
     *                      if the order is negative or a is not finite
     */
    public static TaylorPolynomial of(Expr f, double a, int order) {
        SortedSet<String> names = f.variables();
        if (names.size() != 1) {
            throw new DslException("a Taylor polynomial needs an expression of exactly one variable; " + f
                    + " has " + (names.isEmpty() ? "none (name one with of(f, variable, a, order))" : names));
        }
        return of(f, names.first(), a, order);
    }

    /**
     * The Taylor polynomial of order k of f at a, in the named variable (which f need not mention, as when f is
     * constant).
     *
     * @throws DslException if f has another variable, the order is negative or a is not finite
     */
    public static TaylorPolynomial of(Expr f, String variable, double a, int order) {
        if (order < 0) {
            throw new DslException("a Taylor polynomial's order must be >= 0, got " + order);
        }
        if (!Double.isFinite(a)) {
            throw new DslException("a Taylor polynomial's center must be finite, got a = " + a);
        }
        for (String name : f.variables()) {
            if (!name.equals(variable)) {
                throw new DslException("a Taylor polynomial in '" + variable + "' cannot expand " + f
                        + ", which also depends on '" + name + "'");
            }
        }
        Jet jet = f.evaluate(Map.of(variable, Jet.variable(a, order)));
        return new TaylorPolynomial(variable, a, jet.coefficients());
    }

    /** The order k. */
    public int order() {
        return coefficients.length - 1;
    }

    /** The coefficient c_n = f^(n)(a) / n!, for 0 &lt;= n &lt;= k. */
    public double coefficient(int n) {
        if (n < 0 || n > order()) {
            throw new DslException("coefficient " + n + " is outside 0.." + order() + " of this Taylor polynomial");
        }
        return coefficients[n];
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** T_k(x) by Horner's rule in (x - a). */
    public double valueAt(double x) {
        double t = x - center;
        double sum = 0;
        for (int n = coefficients.length - 1; n >= 0; n--) {
            sum = sum * t + coefficients[n];
        }
        return sum;
    }

    /**
     * Lagrange's bound on the error |f(x) - T_k(x)|: M |x - a|^(k+1) / (k+1)!, where M bounds |f^(k+1)| on the
     * interval between a and x (e for exp on [0, 1], 1 for sin anywhere). The remainder is
     * f^(k+1)(xi) (x - a)^(k+1) / (k+1)! for some xi there, so the bound holds whenever M does.
     *
     * @throws DslException if x is not finite or M is negative or not finite
     */
    public double remainderBound(double x, double derivativeBound) {
        if (!Double.isFinite(x) || !(derivativeBound >= 0) || !Double.isFinite(derivativeBound)) {
            throw new DslException("Lagrange's bound needs a finite x and a finite bound M >= 0 on |f^(k+1)|, got x = "
                    + x + ", M = " + derivativeBound);
        }
        double factorial = 1;
        for (int n = 2; n <= order() + 1; n++) {
            factorial *= n;
        }
        return derivativeBound * Math.pow(Math.abs(x - center), order() + 1) / factorial;
    }

    /**
     * The polynomial as an expression in the variable: sum_n c_n (x - a)^n, leaving out zero coefficients (the
     * zero polynomial is the constant 0).
     */
    public Expr expression() {
        Expr x = Expr.variable(variable);
        Expr shifted = center == 0 ? x : x.minus(center);
        Expr sum = null;
        for (int n = 0; n < coefficients.length; n++) {
            if (coefficients[n] == 0) {
                continue;
            }
            Expr term = n == 0 ? Expr.constant(coefficients[0]) : shifted.pow(n).times(coefficients[n]);
            sum = sum == null ? term : sum.plus(term);
        }
        return sum == null ? Expr.constant(0) : sum;
    }

    /** The polynomial as text, such as {@code 1 + x + 0.5*x^2}. */
    @Override
    public String toString() {
        return expression().toString();
    }
}
