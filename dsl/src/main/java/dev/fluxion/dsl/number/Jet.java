package dev.fluxion.dsl.number;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.UnaryFunction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A truncated Taylor series of order k: the coefficients c_0 ... c_k of f(a + t) = sum_n c_n t^n + O(t^(k+1)),
 * so that f^(n)(a) = n! c_n for every n up to k.
 *
 * <p>Arithmetic is the algebra of truncated power series (Cauchy products, series division). A function f
 * with derivative rule f' propagates by integrating v' = f'(u) u' term by term: with w the series of f'(u) to
 * order k - 1 (found by evaluating the rule on the jet truncated to k - 1),
 * v_0 = f(u_0) and v_n = (1/n) sum_{j=1..n} j u_j w_(n-j). The rules of {@code Unary} and {@code Binary}
 * are used unchanged, so every function works at every order.
 *
 * <p>Reference: A. Griewank and A. Walther, Evaluating Derivatives, 2nd ed., SIAM 2008, chapter 13.
 */
public final class Jet implements Real<Jet> {
    private final double[] coefficients;

    private Jet(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /** The variable t around a, as a jet of the given order: a + t. */
    public static Jet variable(double a, int order) {
        double[] c = new double[checkOrder(order) + 1];
        c[0] = a;
        if (order >= 1) {
            c[1] = 1;
        }
        return new Jet(c);
    }

    /** The constant c as a jet of the given order. */
    public static Jet constant(double c, int order) {
        double[] coefficients = new double[checkOrder(order) + 1];
        coefficients[0] = c;
        return new Jet(coefficients);
    }

    /** A jet with the given Taylor coefficients c_0 ... c_k (copied). */
    public static Jet of(double... coefficients) {
        if (coefficients.length == 0) {
            throw new DslException("a jet needs at least one coefficient (order 0)");
        }
        checkOrder(coefficients.length - 1);
        return new Jet(coefficients.clone());
    }

    /** The highest order a jet may have: its arithmetic costs order^2 per operation. */
    public static final int MAX_ORDER = 1000;

    private static int checkOrder(int order) {
        if (order < 0 || order > MAX_ORDER) {
            throw new DslException("a jet's order must be in 0.." + MAX_ORDER + ", got " + order);
        }
        return order;
    }

    /** The order k: the highest power of t kept. */
    public int order() {
        return coefficients.length - 1;
    }

    /** The Taylor coefficient c_n = f^(n)(a) / n!. */
    public double coefficient(int n) {
        checkIndex(n);
        return coefficients[n];
    }

    /** The n-th derivative f^(n)(a) = n! c_n, for 0 &lt;= n &lt;= order. */
    public double derivative(int n) {
        checkIndex(n);
        double factorial = 1;
        for (int i = 2; i <= n; i++) {
            factorial *= i;
        }
        return coefficients[n] * factorial;
    }

    private void checkIndex(int n) {
        if (n < 0 || n > order()) {
            throw new DslException("derivative order " + n + " is outside this jet's range 0.." + order()
                    + "; build the jet with order >= " + n);
        }
    }

    /** All coefficients c_0 ... c_k (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public double value() {
        return coefficients[0];
    }

    @Override
    public Jet lift(double constant) {
        return constant(constant, order());
    }

    private void checkSameOrder(Jet o) {
        if (o.order() != order()) {
            throw new DslException("cannot combine jets of orders " + order() + " and " + o.order());
        }
    }

    @Override
    public Jet plus(Jet o) {
        checkSameOrder(o);
        double[] c = new double[coefficients.length];
        for (int n = 0; n < c.length; n++) {
            c[n] = coefficients[n] + o.coefficients[n];
        }
        return new Jet(c);
    }

    @Override
    public Jet minus(Jet o) {
        checkSameOrder(o);
        double[] c = new double[coefficients.length];
        for (int n = 0; n < c.length; n++) {
            c[n] = coefficients[n] - o.coefficients[n];
        }
        return new Jet(c);
    }

    @Override
    public Jet times(Jet o) {
        checkSameOrder(o);
        double[] c = new double[coefficients.length];
        for (int n = 0; n < c.length; n++) {
            double sum = 0;
            for (int j = 0; j <= n; j++) {
                sum += coefficients[j] * o.coefficients[n - j];
            }
            c[n] = sum;
        }
        return new Jet(c);
    }

    /** Series division: q_n = (u_n - sum_{j=1..n} w_j q_(n-j)) / w_0. */
    @Override
    public Jet div(Jet o) {
        checkSameOrder(o);
        double[] q = new double[coefficients.length];
        for (int n = 0; n < q.length; n++) {
            double sum = coefficients[n];
            for (int j = 1; j <= n; j++) {
                sum -= o.coefficients[j] * q[n - j];
            }
            q[n] = sum / o.coefficients[0];
        }
        return new Jet(q);
    }

    @Override
    public Jet unaryMinus() {
        double[] c = new double[coefficients.length];
        for (int n = 0; n < c.length; n++) {
            c[n] = -coefficients[n];
        }
        return new Jet(c);
    }

    @Override
    public Jet times(double k) {
        double[] c = new double[coefficients.length];
        for (int n = 0; n < c.length; n++) {
            c[n] = coefficients[n] * k;
        }
        return new Jet(c);
    }

    @Override
    public Jet plus(double k) {
        double[] c = coefficients.clone();
        c[0] += k;
        return new Jet(c);
    }

    private Jet truncated(int order) {
        return new Jet(Arrays.copyOf(coefficients, order + 1));
    }

    private boolean isConstant() {
        for (int n = 1; n < coefficients.length; n++) {
            if (coefficients[n] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Jet apply(UnaryFunction f) {
        // A rule may call functions of lower-order jets that another branch of the same recursion also needs (the
        // sigmoid's rule s(x) s(-x) asks for sigmoid of x and of -x at every order below), so within one outermost
        // call each (function, jet) is computed once: linear in the order instead of exponential.
        Map<FunctionOfJet, Jet> memo = MEMO.get();
        boolean outermost = memo == null;
        if (outermost) {
            memo = new HashMap<>();
            MEMO.set(memo);
        }
        try {
            FunctionOfJet key = new FunctionOfJet(f, this);
            Jet known = memo.get(key);
            if (known == null) {
                known = propagate(f);
                memo.put(key, known);
            }
            return known;
        } finally {
            if (outermost) {
                MEMO.remove();
            }
        }
    }

    /** A function applied to a jet: the key of the memo of {@link #apply(UnaryFunction)}. */
    private record FunctionOfJet(UnaryFunction function, Jet argument) {
    }

    private static final ThreadLocal<Map<FunctionOfJet, Jet>> MEMO = new ThreadLocal<>();

    private Jet propagate(UnaryFunction f) {
        double[] v = new double[coefficients.length];
        v[0] = f.value(coefficients[0]);
        if (order() == 0 || isConstant()) {
            return new Jet(v);
        }
        Jet w = f.derivative(truncated(order() - 1));
        for (int n = 1; n < v.length; n++) {
            double sum = 0;
            for (int j = 1; j <= n; j++) {
                sum += j * coefficients[j] * w.coefficients[n - j];
            }
            v[n] = sum / n;
        }
        return new Jet(v);
    }

    @Override
    public Jet apply(BinaryFunction f, Jet o) {
        checkSameOrder(o);
        double[] v = new double[coefficients.length];
        v[0] = f.value(coefficients[0], o.coefficients[0]);
        if (order() == 0) {
            return new Jet(v);
        }
        boolean thisMoves = !isConstant();
        boolean otherMoves = !o.isConstant();
        Jet u = truncated(order() - 1);
        Jet y = o.truncated(order() - 1);
        Jet a = thisMoves ? f.partialFirst(u, y) : null;
        Jet b = otherMoves ? f.partialSecond(u, y) : null;
        for (int n = 1; n < v.length; n++) {
            double sum = 0;
            for (int j = 1; j <= n; j++) {
                if (thisMoves) {
                    sum += j * coefficients[j] * a.coefficients[n - j];
                }
                if (otherMoves) {
                    sum += j * o.coefficients[j] * b.coefficients[n - j];
                }
            }
            v[n] = sum / n;
        }
        return new Jet(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jet j && Arrays.equals(coefficients, j.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "Jet" + Arrays.toString(coefficients);
    }
}
