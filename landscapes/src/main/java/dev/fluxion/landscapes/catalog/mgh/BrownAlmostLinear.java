package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 27, Brown's almost-linear function: n &gt;= 1, m = n, f_i = x_i + sum_j x_j - (n + 1) for i &lt; n and
 * f_n = prod_j x_j - 1. Start x0 = (1/2, ..., 1/2), f(x0) = 273.248... for n = 10. Standard n here: 10.
 *
 * <p>f* = 0 at (a, ..., a, a^{1-n}) for each root a of p(a) = n a^n - (n + 1) a^{n-1} + 1 (the paper), and these
 * are all the zeros: f_i = 0 for i &lt; n makes x_1 = ... = x_{n-1}, and then f_n = 0 and f_1 = 0 give p = 0. The
 * roots: a = 1; one in (0, (n^2 - 1) / n^2), where p' = 0 and p &lt; 0 (a = 1/2 for n = 2, 0.979430 for n = 10);
 * and for odd n one in (-1, 0), where p(-1) = -2n. All are listed, the last two found by bisection. The paper also
 * gives f = 1 at (0, ..., 0, n + 1), where the Hessian is singular (for n &gt;= 4), so it is not listed. Brown (1969).
 */
final class BrownAlmostLinear implements Problem {

    @Override
    public String name() {
        return "brown-almost-linear";
    }

    @Override
    public int number() {
        return 27;
    }

    @Override
    public String title() {
        return "Brown almost-linear";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(10, 1, SizeRule.LIMIT, 1, n -> n, "m = n");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int n = size.n();
        Residuals residuals = new Residuals();
        if (n > 1) {
            residuals.add(x.slice(0, n - 1).plus(x.sum()).minus(n + 1));
        }
        Expr product = x.get(0);
        for (int j = 1; j < n; j++) {
            product = product.times(x.get(j));
        }
        return residuals.add(product.minus(1));
    }

    @Override
    public double[] start(Size size) {
        double[] x0 = new double[size.n()];
        Arrays.fill(x0, 0.5);
        return x0;
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        int n = size.n();
        List<double[]> minimizers = new ArrayList<>(List.of(zero(n, 1)));
        if (n >= 2) {
            minimizers.add(zero(n, root(n, 0, (n * (double) n - 1) / (n * (double) n))));
        }
        if (n >= 3 && n % 2 == 1) {
            minimizers.add(zero(n, root(n, -1, 0)));
        }
        return minimizers;
    }

    /** (a, ..., a, a^{1-n}). */
    private static double[] zero(int n, double a) {
        double[] x = new double[n];
        Arrays.fill(x, a);
        x[n - 1] = Math.pow(a, 1 - n);
        return x;
    }

    /** The root of p in (low, high), where p changes sign, by bisection to the last bit. */
    private static double root(int n, double low, double high) {
        boolean lowPositive = p(n, low) > 0;
        while (true) {
            double middle = (low + high) / 2;
            if (middle <= low || middle >= high) {
                return Math.abs(p(n, low)) < Math.abs(p(n, high)) ? low : high;
            }
            if (p(n, middle) > 0 == lowPositive) {
                low = middle;
            } else {
                high = middle;
            }
        }
    }

    private static double p(int n, double a) {
        return a * n * Math.pow(a, n - 1) - (n + 1) * Math.pow(a, n - 1) + 1;
    }

    @Override
    public Set<Tag> tags(Size size) {
        // at (1, ..., 1) the Hessian's condition number passes 1000 between n = 4 and n = 5 (checked by the tests)
        return size.n() >= 5 ? Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED) : Set.of(Tag.ZERO_RESIDUAL);
    }
}
