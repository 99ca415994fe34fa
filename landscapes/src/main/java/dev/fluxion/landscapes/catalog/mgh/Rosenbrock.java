package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 1, Rosenbrock's function: n = m = 2, f_1 = 10 (x_2 - x_1^2), f_2 = 1 - x_1. Start x0 = (-1.2, 1), f(x0) =
 * 24.2; f* = 0 at (1, 1), in a curved valley whose Hessian at the minimizer has condition number about 2508.
 * Rosenbrock (1960).
 */
final class Rosenbrock implements Problem {

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String title() {
        return "Rosenbrock";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(2, 2);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        return ExtendedRosenbrock.pairs(x);
    }

    @Override
    public double[] start(Size size) {
        return new double[] {-1.2, 1};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.<double[]>of(new double[] {1, 1});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED);
    }
}
