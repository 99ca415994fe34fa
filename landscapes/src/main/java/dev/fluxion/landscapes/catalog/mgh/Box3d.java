package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 12, Box's three-dimensional function: n = 3, m &gt;= 3 (standard 10),
 * f_i = e^{-t_i x_1} - e^{-t_i x_2} - x_3 (e^{-t_i} - e^{-10 t_i}) with t_i = i / 10. Start x0 = (0, 10, 20),
 * f(x0) = 1031.15... for m = 10; f* = 0 at (1, 10, 1) and (10, 1, -1), the two listed here, and on the whole line
 * x_1 = x_2, x_3 = 0, which is not listed (a distance to the nearest minimizer ignores it). Box (1966).
 */
final class Box3d implements Problem {

    @Override
    public String name() {
        return "box3d";
    }

    @Override
    public int number() {
        return 12;
    }

    @Override
    public String title() {
        return "Box three-dimensional";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixedN(3, 10, 3, SizeRule.M_LIMIT);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int m = size.m();
        double[] t = new double[m];
        double[] gap = new double[m];
        for (int k = 0; k < m; k++) {
            t[k] = (k + 1) / 10.0;
            gap[k] = Math.exp(-t[k]) - Math.exp(-10 * t[k]);
        }
        VectorExpr minusT = VectorExpr.constant(t).unaryMinus();
        return Residuals.of(minusT.times(x.get(0)).exp().minus(minusT.times(x.get(1)).exp())
                .minus(VectorExpr.constant(gap).times(x.get(2))));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {0, 10, 20};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.of(new double[] {1, 10, 1}, new double[] {10, 1, -1});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED);
    }
}
