package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.Set;

/**
 * Problem 8, Bard's function: n = 3, m = 15, f_i = y_i - (x_1 + u_i / (v_i x_2 + w_i x_3)) with u_i = i,
 * v_i = 16 - i, w_i = min(u_i, v_i) and the paper's 15 values y_i. Start x0 = (1, 1, 1), f(x0) = 41.68...; f* =
 * 8.21487...e-3, and f = 17.4286... as x_2 and x_3 run to -infinity with x_1 = 0.8406.... The minimizer is MINPACK
 * lmder's final point from x0 (8 digits), pinned down by Newton's method. Bard (1970).
 */
final class Bard implements Problem {
    private static final double[] Y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34,
        2.10, 4.39};

    @Override
    public String name() {
        return "bard";
    }

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String title() {
        return "Bard";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(3, 15);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] u = new double[15];
        double[] v = new double[15];
        double[] w = new double[15];
        for (int k = 0; k < 15; k++) {
            u[k] = k + 1;
            v[k] = 16 - u[k];
            w[k] = Math.min(u[k], v[k]);
        }
        VectorExpr denominator = VectorExpr.constant(v).times(x.get(1)).plus(VectorExpr.constant(w).times(x.get(2)));
        VectorExpr model = VectorExpr.constant(u).div(denominator).plus(x.get(0));
        return Residuals.of(VectorExpr.constant(Y).minus(model));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {1, 1, 1};
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return List.<double[]>of(new double[] {8.2410577e-02, 1.1330367, 2.3436946});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ILL_CONDITIONED);
    }

    @Override
    public List<String> sources() {
        return List.of(References.MINPACK, References.NEWTON_REFINED);
    }
}
