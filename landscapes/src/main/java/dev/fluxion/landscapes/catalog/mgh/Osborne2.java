package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.Set;

/**
 * Problem 19, Osborne's second function: n = 11, m = 65,
 * f_i = y_i - (x_1 e^{-t_i x_5} + x_2 e^{-(t_i - x_9)^2 x_6} + x_3 e^{-(t_i - x_10)^2 x_7}
 * + x_4 e^{-(t_i - x_11)^2 x_8}) with t_i = (i - 1) / 10 and the paper's 65 values y_i. Start
 * x0 = (1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5), f(x0) = 2.09342...; f* = 4.01377...e-2. The minimizer is
 * MINPACK lmder's final point from x0 (8 digits), pinned down by Newton's method. Osborne (1972).
 */
final class Osborne2 implements Problem {
    private static final double[] Y = {1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746,
        0.679, 0.608, 0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644, 0.624, 0.661,
        0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428, 0.429, 0.523,
        0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559, 0.597, 0.625, 0.739, 0.710,
        0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054};

    @Override
    public String name() {
        return "osborne2";
    }

    @Override
    public int number() {
        return 19;
    }

    @Override
    public String title() {
        return "Osborne 2";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(11, 65);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] t = new double[65];
        for (int k = 0; k < 65; k++) {
            t[k] = k / 10.0;
        }
        VectorExpr time = VectorExpr.constant(t);
        VectorExpr model = time.times(x.get(4)).unaryMinus().exp().times(x.get(0));
        for (int j = 1; j <= 3; j++) {
            VectorExpr peak = time.minus(x.get(7 + j)).square().times(x.get(4 + j)).unaryMinus().exp();
            model = model.plus(peak.times(x.get(j)));
        }
        return Residuals.of(VectorExpr.constant(Y).minus(model));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5};
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return List.<double[]>of(new double[] {1.3099766, 4.3155248e-01, 6.3366126e-01, 5.9942856e-01, 7.5417977e-01,
            9.0430008e-01, 1.3657995, 4.8237320, 2.3986848, 4.5688755, 5.6753421});
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
