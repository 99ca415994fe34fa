package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The quartic f(x) = x^4 - 4x^3 + 4x^2 + 1 = x^2 (x - 2)^2 + 1 on [-1, 3]: f'(x) = 4x(x - 1)(x - 2), so two
 * global minima f* = 1 at x = 0 and x = 2 (f'' = 8 at both) and a local maximum f = 2 at x = 1 (f'' = -4).
 *
 * <p>Source: a standard example of the second-derivative test (Stewart, J., Calculus, section 4.3).
 */
public final class Quartic implements LandscapeProvider {

    @Override
    public String name() {
        return "quartic";
    }

    @Override
    public String description() {
        return "x^4 - 4x^3 + 4x^2 + 1: minima f* = 1 at 0 and 2, a maximum 2 at 1";
    }

    @Override
    public Landscape create(Arguments arguments) {
        return Landscape.builder(arguments, Expr.parse("x^4 - 4*x^3 + 4*x^2 + 1"), List.of("x"))
                .description(description())
                .domain(-1, 3)
                .minimum(1).minimizers(new double[] {0}, new double[] {2})
                .criticalPoint(Curvature.MAX, 1)
                .start(2.9)
                .tags(Tag.ONE_DIMENSIONAL)
                .sources("Stewart, J. Calculus: Early Transcendentals, section 4.3")
                .build();
    }
}
