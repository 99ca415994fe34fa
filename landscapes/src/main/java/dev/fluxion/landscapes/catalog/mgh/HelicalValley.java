package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 7, Fletcher and Powell's helical valley: n = m = 3, f_1 = 10 (x_3 - 10 theta(x_1, x_2)),
 * f_2 = 10 (sqrt(x_1^2 + x_2^2) - 1), f_3 = x_3, where 2 pi theta = arctan(x_2 / x_1) for x_1 &gt; 0 and
 * arctan(x_2 / x_1) + pi for x_1 &lt; 0. Start x0 = (-1, 0, 0), f(x0) = 2500; f* = 0 at (1, 0, 0).
 *
 * <p>theta is written as atan2(-x_1, x_2) / (2 pi) + 1/4, which equals the paper's on both half-planes and takes
 * its value +-1/4 on the x_2 axis (sign(x_2)/4, as the Fortran codes of the set take it): theta runs over
 * (-1/4, 3/4] with its jump on the negative x_2 axis, away from the start, which lies on the negative x_1 axis where
 * a plain atan2(x_2, x_1) would jump. Fletcher and Powell (1963).
 */
final class HelicalValley implements Problem {

    @Override
    public String name() {
        return "helical-valley";
    }

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String title() {
        return "Helical valley";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(3, 3);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        Expr x1 = x.get(0);
        Expr x2 = x.get(1);
        Expr x3 = x.get(2);
        Expr theta = x1.unaryMinus().atan2(x2).div(2 * Math.PI).plus(0.25);
        return new Residuals()
                .add(x3.minus(theta.times(10)).times(10))
                .add(x1.hypot(x2).minus(1).times(10))
                .add(x3);
    }

    @Override
    public double[] start(Size size) {
        return new double[] {-1, 0, 0};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.<double[]>of(new double[] {1, 0, 0});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL);
    }
}
