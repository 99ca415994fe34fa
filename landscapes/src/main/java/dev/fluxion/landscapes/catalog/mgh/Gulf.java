package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 11, the Gulf research and development function: n = 3, f_i = exp(-|y_i - x_2|^{x_3} / x_1) - t_i with
 * t_i = i / 100 and y_i = 25 + (-50 ln t_i)^{2/3}. Start x0 = (5, 2.5, 0.15), f(x0) = 12.1107... for m = 99; f* = 0
 * at (50, 25, 1.5) for every m, where |y_i - 25|^{3/2} / 50 = -ln t_i.
 *
 * <p>Where sources differ: the paper prints "y_i m i x_2", a misprint for y_i - x_2 that the Fortran codes and the
 * ports read as a difference; this follows them. The paper allows 3 &lt;= m &lt;= 100 and gives no standard m;
 * the standard here is 99, as in Gonum, funconstrain and Birgin et al.'s Fortran. m stops at 99 here: the hundredth
 * term has t = 1 and y = 25, so at the minimizer it is |0|^{x_3}, whose derivative in x_3 (|u|^{x_3} ln|u|) is
 * undefined there. Cox (1969).
 */
final class Gulf implements Problem {

    @Override
    public String name() {
        return "gulf";
    }

    @Override
    public int number() {
        return 11;
    }

    @Override
    public String title() {
        return "Gulf research and development";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixedN(3, 99, 3, 99);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int m = size.m();
        double[] t = new double[m];
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            t[k] = (k + 1) / 100.0;
            y[k] = 25 + Math.pow(-50 * Math.log(t[k]), 2.0 / 3);
        }
        VectorExpr power = VectorExpr.constant(y).minus(x.get(1)).abs().pow(VectorExpr.broadcast(x.get(2), m));
        return Residuals.of(power.div(x.get(0)).unaryMinus().exp().minus(VectorExpr.constant(t)));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {5, 2.5, 0.15};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.<double[]>of(new double[] {50, 25, 1.5});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED);
    }
}
