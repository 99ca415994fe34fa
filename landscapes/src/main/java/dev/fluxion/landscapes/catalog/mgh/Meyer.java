package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.Set;

/**
 * Problem 10, Meyer's function: n = 3, m = 16, f_i = x_1 exp(x_2 / (t_i + x_3)) - y_i with t_i = 45 + 5i and the
 * paper's 16 values y_i (from 34780 down to 2872). Start x0 = (0.02, 4000, 250), f(x0) = 1.69361...e9; f* =
 * 87.9458... at about (0.0056096, 6181.35, 345.224): coordinates six orders of magnitude apart and a Hessian of
 * condition number about 1e16. The minimizer is MINPACK lmder's final point from x0 (8 digits), pinned down by
 * Newton's method. Meyer (1970).
 */
final class Meyer implements Problem {
    private static final double[] Y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147,
        4427, 3820, 3307, 2872};

    @Override
    public String name() {
        return "meyer";
    }

    @Override
    public int number() {
        return 10;
    }

    @Override
    public String title() {
        return "Meyer";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(3, 16);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] t = new double[16];
        for (int k = 0; k < 16; k++) {
            t[k] = 45 + 5 * (k + 1);
        }
        VectorExpr exponent = VectorExpr.broadcast(x.get(1), 16).div(VectorExpr.constant(t).plus(x.get(2)));
        return Residuals.of(exponent.exp().times(x.get(0)).minus(VectorExpr.constant(Y)));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {0.02, 4000, 250};
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return List.<double[]>of(new double[] {5.6096365e-03, 6.1813463e+03, 3.4522363e+02});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.BADLY_SCALED, Tag.ILL_CONDITIONED);
    }

    @Override
    public List<String> sources() {
        return List.of(References.MINPACK, References.NEWTON_REFINED);
    }
}
