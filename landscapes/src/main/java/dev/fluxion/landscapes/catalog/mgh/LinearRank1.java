package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 33, the linear function of rank 1: n &gt;= 1, m &gt;= n, f_i = i S - 1 with S = sum_j j x_j. Start
 * x0 = (1, ..., 1), f(x0) = 84985 for n = 5, m = 10; f* = m(m - 1) / (2(2m + 1)) on the whole hyperplane
 * S = 3 / (2m + 1). The minimizer listed is the point of that hyperplane nearest the standard start x0, where
 * gradient descent from x0 ends (its steps stay along the gradient's one direction). The Hessian has rank 1, so it is
 * singular for n &gt;= 2; for m = 1, f* = 0. Standard size here: n = 5, m = 2n, MINPACK's first test case (the paper
 * gives none).
 */
final class LinearRank1 implements Problem {

    @Override
    public String name() {
        return "linear-rank1";
    }

    @Override
    public int number() {
        return 33;
    }

    @Override
    public String title() {
        return "Linear function - rank 1";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableNAndM(5, 1, n -> 2 * n);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] i = new double[size.m()];
        for (int k = 0; k < i.length; k++) {
            i[k] = k + 1;
        }
        return Residuals.of(VectorExpr.constant(i).times(VectorExpr.constant(weights(size)).dot(x)).minus(1));
    }

    /** (1, 2, ..., n): S = w . x. */
    private static double[] weights(Size size) {
        double[] w = new double[size.n()];
        for (int j = 0; j < w.length; j++) {
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
        return OptionalDouble.of(m * (m - 1) / (2 * (2 * m + 1)));
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.of(LinearRank1Zero.projection(start(size), weights(size), 3.0 / (2 * size.m() + 1)));
    }

    @Override
    public Set<Tag> tags(Size size) {
        Set<Tag> tags = EnumSet.of(Tag.CONVEX);
        if (size.n() >= 2) {
            tags.add(Tag.ILL_CONDITIONED);
        }
        if (size.m() == 1) {
            tags.add(Tag.ZERO_RESIDUAL);
        }
        return tags;
    }
}
