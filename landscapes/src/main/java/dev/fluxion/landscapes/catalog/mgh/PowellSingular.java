package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 13, Powell's singular function: n = m = 4, f_1 = x_1 + 10 x_2, f_2 = sqrt(5) (x_3 - x_4),
 * f_3 = (x_2 - 2 x_3)^2, f_4 = sqrt(10) (x_1 - x_4)^2. Start x0 = (3, -1, 0, 1), f(x0) = 215; f* = 0 at 0, where the
 * Hessian is singular (rank 2), so Newton-type methods converge only linearly. Powell (1962).
 */
final class PowellSingular implements Problem {

    @Override
    public String name() {
        return "powell-singular";
    }

    @Override
    public int number() {
        return 13;
    }

    @Override
    public String title() {
        return "Powell singular";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(4, 4);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        return ExtendedPowell.quadruples(x);
    }

    @Override
    public double[] start(Size size) {
        return new double[] {3, -1, 0, 1};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.<double[]>of(new double[4]);
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED);
    }
}
