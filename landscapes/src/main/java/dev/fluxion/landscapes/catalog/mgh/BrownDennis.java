package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.Set;

/**
 * Problem 16, Brown and Dennis's function: n = 4, m &gt;= 4 (standard 20),
 * f_i = (x_1 + t_i x_2 - e^{t_i})^2 + (x_3 + x_4 sin t_i - cos t_i)^2 with t_i = i / 5. Start x0 = (25, 5, -5, -1),
 * f(x0) = 7926693.33... for m = 20; f* = 85822.2... for m = 20 (the paper's digits). The minimizer is Gonum's 16
 * digits, pinned down by Newton's method (Gonum's own test of it is switched off as not accurate enough; Newton's
 * method settles it). Other m: nothing is published. Brown and Dennis (1971).
 */
final class BrownDennis implements Problem {

    @Override
    public String name() {
        return "brown-dennis";
    }

    @Override
    public int number() {
        return 16;
    }

    @Override
    public String title() {
        return "Brown and Dennis";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixedN(4, 20, 4, SizeRule.M_LIMIT);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int m = size.m();
        double[] t = new double[m];
        double[] exp = new double[m];
        double[] sin = new double[m];
        double[] cos = new double[m];
        for (int k = 0; k < m; k++) {
            t[k] = (k + 1) / 5.0;
            exp[k] = Math.exp(t[k]);
            sin[k] = Math.sin(t[k]);
            cos[k] = Math.cos(t[k]);
        }
        VectorExpr first = VectorExpr.constant(t).times(x.get(1)).plus(x.get(0)).minus(VectorExpr.constant(exp));
        VectorExpr second = VectorExpr.constant(sin).times(x.get(3)).plus(x.get(2)).minus(VectorExpr.constant(cos));
        return Residuals.of(first.square().plus(second.square()));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {25, 5, -5, -1};
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return size.m() == 20
                ? List.<double[]>of(new double[] {-11.594439904762162, 13.203630051207202, -0.4034394881768612,
                    0.2367787744557347})
                : List.of();
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of();
    }

    @Override
    public List<String> sources() {
        return List.of(References.GONUM, References.NEWTON_REFINED);
    }
}
