package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 3, Powell's badly scaled function: n = m = 2, f_1 = 10^4 x_1 x_2 - 1, f_2 = exp(-x_1) + exp(-x_2) - 1.0001.
 * Start x0 = (0, 1), f(x0) = 1.13526...; f* = 0 at (1.098...e-5, 9.106...), where the variables differ by six
 * orders of magnitude and the Hessian's condition number is about 7e17. The minimizer is Gonum's 16 digits,
 * pinned down by Newton's method. Powell (1970).
 */
final class PowellBadlyScaled implements Problem {

    @Override
    public String name() {
        return "powell-badly-scaled";
    }

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String title() {
        return "Powell badly scaled";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(2, 2);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        Expr x1 = x.get(0);
        Expr x2 = x.get(1);
        return new Residuals()
                .add(x1.times(x2).times(1e4).minus(1))
                .add(x1.unaryMinus().exp().plus(x2.unaryMinus().exp()).minus(1.0001));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {0, 1};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return List.<double[]>of(new double[] {1.0981593296997149e-05, 9.106146739867375});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.BADLY_SCALED, Tag.ILL_CONDITIONED);
    }

    @Override
    public List<String> sources() {
        return List.of(References.GONUM, References.NEWTON_REFINED);
    }
}
