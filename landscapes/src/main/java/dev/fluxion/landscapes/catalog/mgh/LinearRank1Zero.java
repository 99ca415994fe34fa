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
 * Problem 34, the linear function of rank 1 with zero columns and rows: n &gt;= 3, m &gt;= n, f_1 = f_m = -1 and
 * f_i = (i - 1) S - 1 for 2 &lt;= i &lt;= m - 1 with S = sum_{j=2}^{n-1} j x_j (x_1 and x_n do not enter). Start
 * x0 = (1, ..., 1), f(x0) = 15886 for n = 5, m = 10; f* = (m^2 + 3m - 6) / (2(2m - 3)) on the whole hyperplane
 * S = 3 / (2m - 3). The minimizer listed is the point of that hyperplane nearest the standard start x0, where
 * gradient descent from x0 ends. The paper lets n be any size; below 3 no variable enters and f is constant, so
 * n &gt;= 3 here. Standard size here: n = 5, m = 2n, MINPACK's first test case (the paper gives none).
 */
final class LinearRank1Zero implements Problem {

    @Override
    public String name() {
        return "linear-rank1-zero";
    }

    @Override
    public int number() {
        return 34;
    }

    @Override
    public String title() {
        return "Linear function - rank 1 with zero columns and rows";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableNAndM(5, 3, n -> 2 * n);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] k = new double[size.m() - 2];
        for (int i = 0; i < k.length; i++) {
            k[i] = i + 1;
        }
        Expr s = VectorExpr.constant(weights(size)).dot(x);
        return Residuals.of(VectorExpr.constant(k).times(s).minus(1)).add(Expr.constant(-1)).add(Expr.constant(-1));
    }

    /** (0, 2, 3, ..., n - 1, 0): S = w . x. */
    private static double[] weights(Size size) {
        double[] w = new double[size.n()];
        for (int j = 1; j < w.length - 1; j++) {
            w[j] = j + 1;
        }
        return w;
    }

    @Override
    public double[] start(Size size) {
        double[] x0 = new double[size.n()];
        Arrays.fill(x0, 1);
        return x0;
    }

    @Override
    public OptionalDouble minimum(Size size) {
        double m = size.m();
        return OptionalDouble.of((m * m + 3 * m - 6) / (2 * (2 * m - 3)));
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.of(projection(start(size), weights(size), 3.0 / (2 * size.m() - 3)));
    }

    /** The point of the hyperplane w . x = level nearest to x: x + (level - w . x) w / |w|^2. */
    static double[] projection(double[] x, double[] w, double level) {
        double dot = 0;
        double norm = 0;
        for (int j = 0; j < x.length; j++) {
            dot += w[j] * x[j];
            norm += w[j] * w[j];
        }
        double[] point = x.clone();
        for (int j = 0; j < x.length; j++) {
            point[j] += (level - dot) * w[j] / norm;
        }
        return point;
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.CONVEX, Tag.ILL_CONDITIONED);
    }
}
