package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The cubic f(x) = x^3 - 3x on the interval [-1.5, 2.5]: f'(x) = 3(x^2 - 1), a local minimum f = -2 at x = 1
 * (f'' = 6) and a local maximum f = 2 at x = -1 (f'' = -6). On R it is unbounded below; on this interval the
 * end values f(-1.5) = 1.125 and f(2.5) = 8.125 are higher, so x = 1 is the minimum over the interval.
 *
 * <p>Source: a standard example of extrema on a closed interval (Stewart, J., Calculus, section 4.1).
 */
public final class Cubic implements LandscapeProvider {

    @Override
    public String name() {
        return "cubic";
    }

    @Override
    public String description() {
        return "x^3 - 3x on [-1.5, 2.5]: local min -2 at 1 (the minimum on the interval), local max 2 at -1";
    }

    @Override
    public Landscape create(Arguments arguments) {
        return Landscape.builder(arguments, Expr.parse("x^3 - 3*x"), List.of("x"))
                .description(description())
                .domain(-1.5, 2.5)
                .minimum(-2).minimizers(new double[] {1})
                .criticalPoint(Curvature.MAX, -1)
                .start(-0.9)
                .tags(Tag.ONE_DIMENSIONAL)
                .sources("Stewart, J. Calculus: Early Transcendentals, section 4.1")
                .build();
    }
}
