package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 2, Freudenstein and Roth's function: n = m = 2, f_1 = -13 + x_1 + ((5 - x_2) x_2 - 2) x_2,
 * f_2 = -29 + x_1 + ((x_2 + 1) x_2 - 14) x_2. Start x0 = (0.5, -2), f(x0) = 400.5; f* = 0 at (5, 4), and a local
 * minimum f = 48.9842... at (11.41..., -0.8968...), which the paper lists and which catches many methods from x0
 * (MINPACK's lmder ends there from all three scaled starts). The Hessian at (5, 4) has condition number
 * about 1300. Freudenstein and Roth (1963).
 */
final class FreudensteinRoth implements Problem {

    @Override
    public String name() {
        return "freudenstein-roth";
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String title() {
        return "Freudenstein and Roth";
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
                .add(x1.minus(13).plus(x2.unaryMinus().plus(5).times(x2).minus(2).times(x2)))
                .add(x1.minus(29).plus(x2.plus(1).times(x2).minus(14).times(x2)));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {0.5, -2};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.<double[]>of(new double[] {5, 4});
    }

    @Override
    public List<Near> criticalPointsNear(Size size) {
        // MINPACK's lmder final point from x0, to its 8 digits
        return List.of(new Near(Curvature.MIN, 11.412484, -0.89682791));
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED);
    }

    @Override
    public List<String> sources() {
        return List.of(References.MINPACK, References.NEWTON_REFINED);
    }
}
