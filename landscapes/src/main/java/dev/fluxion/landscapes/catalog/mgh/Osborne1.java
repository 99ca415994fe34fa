package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.Set;

/**
 * Problem 17, Osborne's first function: n = 5, m = 33,
 * f_i = y_i - (x_1 + x_2 e^{-t_i x_4} + x_3 e^{-t_i x_5}) with t_i = 10 (i - 1) and the paper's 33 values y_i.
 * Start x0 = (0.5, 1.5, -1, 0.01, 0.02), f(x0) = 0.879026...; f* = 5.46489...e-5, with a Hessian of condition
 * number about 2e9 there. The minimizer is MINPACK lmder's final point from x0 (8 digits), pinned down by Newton's
 * method. Osborne (1972).
 */
final class Osborne1 implements Problem {
    private static final double[] Y = {0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751,
        0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448,
        0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406};

    @Override
    public String name() {
        return "osborne1";
    }

    @Override
    public int number() {
        return 17;
    }

    @Override
    public String title() {
        return "Osborne 1";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(5, 33);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] t = new double[33];
        for (int k = 0; k < 33; k++) {
            t[k] = -10.0 * k;
        }
        VectorExpr minusT = VectorExpr.constant(t);
        VectorExpr model = minusT.times(x.get(3)).exp().times(x.get(1))
                .plus(minusT.times(x.get(4)).exp().times(x.get(2))).plus(x.get(0));
        return Residuals.of(VectorExpr.constant(Y).minus(model));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {0.5, 1.5, -1, 0.01, 0.02};
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return List.<double[]>of(new double[] {3.7541005e-01, 1.9358465, -1.4646868, 1.2867534e-02, 2.2122701e-02});
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
