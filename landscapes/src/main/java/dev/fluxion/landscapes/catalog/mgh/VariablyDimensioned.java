package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 25, the variably dimensioned function: n &gt;= 1, m = n + 2, f_i = x_i - 1 for i &lt;= n,
 * f_{n+1} = sum_j j (x_j - 1), f_{n+2} = f_{n+1}^2. Start x0_j = 1 - j/n, f(x0) = 2198551.16... for n = 10; f* = 0
 * at (1, ..., 1), where the Hessian is 2I + 2 w w^T with w = (1, ..., n): condition number
 * 1 + n(n + 1)(2n + 1)/6, 386 for n = 10 and past 1000 from n = 14 on, which the tag follows. Standard n here: 10.
 */
final class VariablyDimensioned implements Problem {

    @Override
    public String name() {
        return "variably-dimensioned";
    }

    @Override
    public int number() {
        return 25;
    }

    @Override
    public String title() {
        return "Variably dimensioned";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(10, 1, SizeRule.LIMIT, 1, n -> n + 2, "m = n + 2");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] j = new double[size.n()];
        for (int k = 0; k < j.length; k++) {
            j[k] = k + 1;
        }
        VectorExpr shift = x.minus(1);
        Expr weighted = VectorExpr.constant(j).dot(shift);
        return Residuals.of(shift).add(weighted).add(weighted.square());
    }

    @Override
    public double[] start(Size size) {
        int n = size.n();
        double[] x0 = new double[n];
        for (int j = 1; j <= n; j++) {
            x0[j - 1] = 1 - (double) j / n;
        }
        return x0;
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        double[] ones = new double[size.n()];
        Arrays.fill(ones, 1);
        return List.<double[]>of(ones);
    }

    @Override
    public Set<Tag> tags(Size size) {
        double n = size.n();
        return 1 + n * (n + 1) * (2 * n + 1) / 6 >= 1000 ? Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED)
                : Set.of(Tag.ZERO_RESIDUAL);
    }
}
