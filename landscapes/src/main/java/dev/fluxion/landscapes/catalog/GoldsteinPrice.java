package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The Goldstein-Price function on [-2, 2]^2,
 * f(x, y) = [1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)]
 *         * [30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)]:
 * global minimum f* = 3 at (0, -1), and local minima f = 30 at (-0.6, -0.4), 84 at (1.8, 0.2) and 840 at
 * (1.2, 0.8). Values span six orders of magnitude over the domain.
 *
 * <p>Sources: Goldstein, A. A. and Price, J. F. (1971), On descent from local minima, Mathematics of
 * Computation 25(115), 569-574; Dixon and Szego (1978), who list the four minima.
 */
public final class GoldsteinPrice implements LandscapeProvider {

    @Override
    public String name() {
        return "goldstein-price";
    }

    @Override
    public String description() {
        return "Goldstein-Price: f* = 3 at (0, -1), local minima 30, 84, 840; values span 1e6";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
                + " * (30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-2, 2)
                .minimum(3).minimizers(new double[] {0, -1})
                .criticalPoint(Curvature.MIN, -0.6, -0.4)
                .criticalPoint(Curvature.MIN, 1.8, 0.2)
                .criticalPoint(Curvature.MIN, 1.2, 0.8)
                .start(-1.5, 1.5)
                .tags(Tag.MULTIMODAL)
                .sources("Goldstein, A. A. and Price, J. F. (1971). On descent from local minima. Mathematics of"
                        + " Computation 25(115), 569-574", Sources.DIXON_SZEGO)
                .build();
    }
}
