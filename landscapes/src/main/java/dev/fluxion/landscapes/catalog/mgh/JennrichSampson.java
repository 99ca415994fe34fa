package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.Set;

/**
 * Problem 6, Jennrich and Sampson's function: n = 2, m &gt;= 2 (standard 10), f_i = 2 + 2i - (e^{i x_1} + e^{i x_2}).
 * Start x0 = (0.3, 0.4), f(x0) = 4171.31 for m = 10. For m = 10 the paper gives f* = 124.362 at x_1 = x_2 = 0.2578;
 * the minimizer lies on the diagonal by the symmetry in x_1 and x_2, and is pinned down here by Newton's method from
 * those digits. Other m: nothing is published. Jennrich and Sampson (1968).
 */
final class JennrichSampson implements Problem {

    @Override
    public String name() {
        return "jennrich-sampson";
    }

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String title() {
        return "Jennrich and Sampson";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixedN(2, 10, 2, SizeRule.M_LIMIT);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] i = new double[size.m()];
        double[] target = new double[size.m()];
        for (int k = 0; k < i.length; k++) {
            i[k] = k + 1;
            target[k] = 2 + 2 * i[k];
        }
        VectorExpr index = VectorExpr.constant(i);
        VectorExpr sum = index.times(x.get(0)).exp().plus(index.times(x.get(1)).exp());
        return Residuals.of(VectorExpr.constant(target).minus(sum));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {0.3, 0.4};
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return size.m() == 10 ? List.<double[]>of(new double[] {0.2578, 0.2578}) : List.of();
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of();
    }

    @Override
    public List<String> sources() {
        return List.of(References.NEWTON_REFINED);
    }
}
