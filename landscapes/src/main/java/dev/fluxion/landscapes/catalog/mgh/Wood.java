package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 14, Wood's function: n = 4, m = 6, f_1 = 10 (x_2 - x_1^2), f_2 = 1 - x_1, f_3 = sqrt(90) (x_4 - x_3^2),
 * f_4 = 1 - x_3, f_5 = sqrt(10) (x_2 + x_4 - 2), f_6 = (x_2 - x_4) / sqrt(10). Start x0 = (-3, -1, -3, -1),
 * f(x0) = 19192; f* = 0 at (1, 1, 1, 1). It also has a saddle point, f = 7.87697..., near
 * (-0.968, 0.947, -0.970, 0.951): the root MINPACK's hybrd finds for Wood's gradient equations (its problem 4), to 8
 * digits, pinned down here by Newton's method; methods from x0 often slow down there. Colville (1968).
 */
final class Wood implements Problem {

    @Override
    public String name() {
        return "wood";
    }

    @Override
    public int number() {
        return 14;
    }

    @Override
    public String title() {
        return "Wood";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixed(4, 6);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        Expr x1 = x.get(0);
        Expr x2 = x.get(1);
        Expr x3 = x.get(2);
        Expr x4 = x.get(3);
        return new Residuals()
                .add(x2.minus(x1.square()).times(10))
                .add(x1.unaryMinus().plus(1))
                .add(x4.minus(x3.square()).times(Math.sqrt(90)))
                .add(x3.unaryMinus().plus(1))
                .add(x2.plus(x4).minus(2).times(Math.sqrt(10)))
                .add(x2.minus(x4).div(Math.sqrt(10)));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {-3, -1, -3, -1};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.<double[]>of(new double[] {1, 1, 1, 1});
    }

    @Override
    public List<Near> criticalPointsNear(Size size) {
        return List.of(new Near(Curvature.SADDLE, -0.96797402, 0.94713914, -0.96951631, 0.95124767));
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED, Tag.SADDLE);
    }

    @Override
    public List<String> sources() {
        return List.of(References.MINPACK, References.NEWTON_REFINED);
    }
}
