package dev.fluxion.benchmarks;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.CalculusFieldElement;

/**
 * The Rosenbrock function in n dimensions,
 * f(x) = sum_{i=0}^{n-2} [ 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2 ],
 * written every way the benchmarks compare: as a sum of scalar expressions, as a vector expression, by hand
 * (value, gradient, Hessian), and generically for Hipparchus' {@code Gradient} and {@code DerivativeStructure}.
 *
 * <p>Reference: H. H. Rosenbrock, An automatic method for finding the greatest or least value of a function,
 * The Computer Journal 3 (1960); the n-dimensional form is the "extended" one of Dixon and Mills.
 */
public final class Rosenbrock {
    private Rosenbrock() {
    }

    /** The scalar variable names x0, ..., x{n-1}. */
    public static List<String> scalarVariableNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
        }
        return names;
    }

    /** f built term by term from the scalar variables x0 ... x{n-1}: about 8 nodes per term. */
    public static Expr scalarBuilt(int n) {
        List<Expr> x = new ArrayList<>(n);
        for (String name : scalarVariableNames(n)) {
            x.add(Expr.variable(name));
        }
        Expr one = Expr.constant(1);
        Expr hundred = Expr.constant(100);
        Expr sum = Expr.constant(0);
        for (int i = 0; i + 1 < n; i++) {
            Expr valley = x.get(i + 1).minus(x.get(i).square());
            Expr offAxis = one.minus(x.get(i));
            sum = sum.plus(hundred.times(valley.square()).plus(offAxis.square()));
        }
        return sum;
    }

    /** f built from one vector variable x of length n and its two overlapping slices: a dozen nodes for any n. */
    public static Expr vectorBuilt(int n) {
        VectorVariable x = VectorExpr.variable("x", n);
        VectorExpr head = x.slice(0, n - 1);
        VectorExpr tail = x.slice(1, n);
        VectorExpr valley = tail.minus(head.square());
        VectorExpr offAxis = head.lift(1).minus(head);
        return valley.square().times(Expr.constant(100)).plus(offAxis.square()).sum();
    }

    /** A fixed point with coordinates uniform in [-1.5, 1.5), from the seed. */
    public static double[] point(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1.5 + 3 * random.nextDouble();
        }
        return x;
    }

    /** f(x) by hand. */
    public static double value(double[] x) {
        double f = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double valley = x[i + 1] - x[i] * x[i];
            double offAxis = 1 - x[i];
            f += 100 * valley * valley + offAxis * offAxis;
        }
        return f;
    }

    /**
     * f(x) and its gradient by hand: d/dx_i gets -400 x_i (x_{i+1} - x_i^2) - 2 (1 - x_i) from term i and
     * 200 (x_i - x_{i-1}^2) from term i - 1.
     */
    public static double valueAndGradient(double[] x, double[] gradient) {
        int n = x.length;
        java.util.Arrays.fill(gradient, 0);
        double f = 0;
        for (int i = 0; i + 1 < n; i++) {
            double valley = x[i + 1] - x[i] * x[i];
            double offAxis = 1 - x[i];
            f += 100 * valley * valley + offAxis * offAxis;
            gradient[i] += -400 * x[i] * valley - 2 * offAxis;
            gradient[i + 1] += 200 * valley;
        }
        return f;
    }

    /**
     * The Hessian by hand, tridiagonal: H_ii = 1200 x_i^2 - 400 x_{i+1} + 2 (for i &lt; n-1) plus 200 (for i &gt; 0),
     * H_{i,i+1} = H_{i+1,i} = -400 x_i.
     */
    public static void hessian(double[] x, double[][] hessian) {
        int n = x.length;
        for (double[] row : hessian) {
            java.util.Arrays.fill(row, 0);
        }
        for (int i = 0; i + 1 < n; i++) {
            hessian[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            hessian[i + 1][i + 1] += 200;
            hessian[i][i + 1] = -400 * x[i];
            hessian[i + 1][i] = -400 * x[i];
        }
    }

    /**
     * f on any Hipparchus field of derivatives ({@code Gradient}, {@code DerivativeStructure}); n &gt;= 2. The sum
     * starts from its first term rather than the field's zero: building a {@code GradientField} for n = 1000 takes
     * seconds the first time, which would only blur the comparison.
     */
    public static <T extends CalculusFieldElement<T>> T value(T[] x) {
        T f = term(x, 0);
        for (int i = 1; i + 1 < x.length; i++) {
            f = f.add(term(x, i));
        }
        return f;
    }

    private static <T extends CalculusFieldElement<T>> T term(T[] x, int i) {
        T valley = x[i + 1].subtract(x[i].square());
        T offAxis = x[i].negate().add(1);
        return valley.square().multiply(100).add(offAxis.square());
    }
}
