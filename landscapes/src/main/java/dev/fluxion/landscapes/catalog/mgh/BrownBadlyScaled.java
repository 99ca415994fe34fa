package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 4, Brown's badly scaled function: n = 2, m = 3, f_1 = x_1 - 10^6, f_2 = x_2 - 2 10^-6, f_3 = x_1 x_2 - 2.
 * Start x0 = (1, 1), f(x0) = 999998000003; f* = 0 at (10^6, 2 10^-6), where the Hessian's diagonal entries are 2 and
 * 2 10^12.
 */
final class BrownBadlyScaled implements Problem {

    @Override
    public String name() {
        return "brown-badly-scaled";
    }

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String title() {
        return "Brown badly scaled";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(2, 3);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        Expr x1 = x.get(0);
        Expr x2 = x.get(1);
        return new Residuals().add(x1.minus(1e6)).add(x2.minus(2e-6)).add(x1.times(x2).minus(2));
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
        return List.<double[]>of(new double[] {1e6, 2e-6});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.BADLY_SCALED, Tag.ILL_CONDITIONED);
    }
}
