package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.Set;

/**
 * Problem 9, the Gaussian function: n = 3, m = 15, f_i = x_1 exp(-x_2 (t_i - x_3)^2 / 2) - y_i with
 * t_i = (8 - i) / 2 and the paper's 15 values y_i, symmetric about t = 0 (so the minimizer has x_3 = 0). Start
 * x0 = (0.4, 1, 0), f(x0) = 3.88810...e-6; f* = 1.12793...e-8. The minimizer is Gonum's 16 digits, pinned down by
 * Newton's method.
 */
final class Gaussian implements Problem {
    private static final double[] Y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, 0.2420,
        0.1295, 0.0540, 0.0175, 0.0044, 0.0009};

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public int number() {
        return 9;
    }

    @Override
    public String title() {
        return "Gaussian";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(3, 15);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] t = new double[15];
        for (int k = 0; k < 15; k++) {
            t[k] = (8 - (k + 1)) / 2.0;
        }
        VectorExpr spread = VectorExpr.constant(t).minus(x.get(2)).square().times(x.get(1)).times(-0.5);
        return Residuals.of(spread.exp().times(x.get(0)).minus(VectorExpr.constant(Y)));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {0.4, 1, 0};
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return List.<double[]>of(new double[] {0.398956137837997, 1.0000190844805048, 0});
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
