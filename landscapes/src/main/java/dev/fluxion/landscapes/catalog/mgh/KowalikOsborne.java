package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.Set;

/**
 * Problem 15, Kowalik and Osborne's function: n = 4, m = 11,
 * f_i = y_i - x_1 (u_i^2 + u_i x_2) / (u_i^2 + u_i x_3 + x_4) with the paper's data (u_i from 4 down to 0.0625, with
 * u_6 = 0.167 as printed, not 1/6). Start x0 = (0.25, 0.39, 0.415, 0.39), f(x0) = 5.31317...e-3; f* =
 * 3.07505...e-4, and f = 1.02734...e-3 as x_1, x_3 and x_4 run to infinity with x_2 = -14.07.... The minimizer is
 * MINPACK lmder's final point from x0 (8 digits), pinned down by Newton's method. Kowalik and Osborne (1968).
 */
final class KowalikOsborne implements Problem {
    private static final double[] Y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323,
        0.0235, 0.0246};
    private static final double[] U = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};

    @Override
    public String name() {
        return "kowalik-osborne";
    }

    @Override
    public int number() {
        return 15;
    }

    @Override
    public String title() {
        return "Kowalik and Osborne";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(4, 11);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        double[] uSquared = new double[U.length];
        for (int k = 0; k < U.length; k++) {
            uSquared[k] = U[k] * U[k];
        }
        VectorExpr u = VectorExpr.constant(U);
        VectorExpr squares = VectorExpr.constant(uSquared);
        VectorExpr numerator = squares.plus(u.times(x.get(1))).times(x.get(0));
        VectorExpr denominator = squares.plus(u.times(x.get(2))).plus(x.get(3));
        return Residuals.of(VectorExpr.constant(Y).minus(numerator.div(denominator)));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {0.25, 0.39, 0.415, 0.39};
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return List.<double[]>of(new double[] {1.9280781e-01, 1.9126265e-01, 1.2305280e-01, 1.3605322e-01});
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
