package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 5, Beale's function: n = 2, m = 3, f_i = y_i - x_1 (1 - x_2^i) with y = (1.5, 2.25, 2.625). Start
 * x0 = (1, 1), f(x0) = 14.203125; f* = 0 at (3, 0.5). Beale (1958).
 */
final class Beale implements Problem {
    private static final double[] Y = {1.5, 2.25, 2.625};

    @Override
    public String name() {
        return "beale";
    }

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String title() {
        return "Beale";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(2, 3);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        Residuals residuals = new Residuals();
        for (int i = 1; i <= 3; i++) {
            Expr power = x.get(1).pow(i);
            residuals.add(x.get(0).times(power.unaryMinus().plus(1)).unaryMinus().plus(Y[i - 1]));
        }
        return residuals;
    }

    @Override
    public double[] start(Size size) {
        return new double[] {1, 1};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.<double[]>of(new double[] {3, 0.5});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL);
    }
}
