package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * Himmelblau's function, f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2 on [-5, 5]^2: four global minima of value
 * 0, at (3, 2) exactly and near (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126); one local
 * maximum near (-0.270845, -0.923039) of value about 181.617; and four saddle points between the minima, near
 * (0.086678, 2.884255), (-3.073026, -0.081353), (3.385154, 0.073852) and (-0.127961, -1.953715).
 *
 * <p>The irrational points are the published digits refined by Newton's method on the gradient, so they are
 * critical to rounding. Sources: Himmelblau, D. M. (1972), Applied Nonlinear Programming, McGraw-Hill;
 * Jamil and Yang (2013), function 65.
 */
public final class Himmelblau implements LandscapeProvider {

    @Override
    public String name() {
        return "himmelblau";
    }

    @Override
    public String description() {
        return "Himmelblau's function: four global minima of value 0, one local maximum, four saddles";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("(x^2 + y - 11)^2 + (x + y^2 - 7)^2");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-5, 5)
                .minimum(0)
                .minimizers(new double[] {3, 2})
                .minimizerNear(-2.805118, 3.131312)
                .minimizerNear(-3.779310, -3.283186)
                .minimizerNear(3.584428, -1.848126)
                .criticalPointNear(Curvature.MAX, -0.270845, -0.923039)
                .criticalPointNear(Curvature.SADDLE, 0.086678, 2.884255)
                .criticalPointNear(Curvature.SADDLE, -3.073026, -0.081353)
                .criticalPointNear(Curvature.SADDLE, 3.385154, 0.073852)
                .criticalPointNear(Curvature.SADDLE, -0.127961, -1.953715)
                .start(0, 0)
                .tags(Tag.MULTIMODAL, Tag.SADDLE)
                .sources("Himmelblau, D. M. (1972). Applied Nonlinear Programming. McGraw-Hill",
                        Sources.JAMIL_YANG, Sources.NEWTON_REFINED)
                .build();
    }
}
