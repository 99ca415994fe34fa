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
 * Problem 32, the linear function of full rank: n &gt;= 1, m &gt;= n, with S = sum_j x_j, f_i = x_i - 2S/m - 1 for
 * i &lt;= n and f_i = -2S/m - 1 for i &gt; n. Start x0 = (1, ..., 1), f(x0) = 25 for n = 5, m = 10; f* = m - n at
 * (-1, ..., -1), where the Hessian is 2I. Standard size here: n = 5, m = 2n, MINPACK's first test case (the paper
 * gives none).
 */
final class LinearFullRank implements Problem {

    @Override
    public String name() {
        return "linear-full-rank";
    }

    @Override
    public int number() {
        return 32;
    }

    @Override
    public String title() {
        return "Linear function - full rank";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableNAndM(5, 1, n -> 2 * n);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        Expr common = x.sum().times(2.0 / size.m()).plus(1);
        Residuals residuals = Residuals.of(x.minus(common));
        if (size.m() > size.n()) {
            residuals.add(VectorExpr.broadcast(common.unaryMinus(), size.m() - size.n()));
        }
        return residuals;
    }

    @Override
    public double[] start(Size size) {
        double[] x0 = new double[size.n()];
        Arrays.fill(x0, 1);
        return x0;
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(size.m() - size.n());
    }

    @Override
    public List<double[]> minimizers(Size size) {
        double[] x = new double[size.n()];
        Arrays.fill(x, -1);
        return List.<double[]>of(x);
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.CONVEX);
    }
}
