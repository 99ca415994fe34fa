package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import java.util.List;

/**
 * Beale's function, f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2 on
 * [-4.5, 4.5]^2: a narrow curved valley with sharp ridges near the corners; global minimum f = 0 at (3, 0.5).
 *
 * <p>Sources: Beale, E. M. L. (1958), On an iterative method for finding a local minimum of a function of more
 * than one variable, Tech. Rep. 25, Statistical Techniques Research Group, Princeton University; Surjanovic and
 * Bingham (2013), SFU Virtual Library.
 */
public final class Beale implements LandscapeProvider {

    @Override
    public String name() {
        return "beale";
    }

    @Override
    public String description() {
        return "Beale's function: a flat curved valley with sharp ridges; f* = 0 at (3, 0.5)";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-4.5, 4.5)
                .minimum(0).minimizers(new double[] {3, 0.5})
                .start(1, 1)
                .sources("Beale, E. M. L. (1958). On an iterative method for finding a local minimum of a function of"
                        + " more than one variable. Tech. Rep. 25, Princeton University", Sources.SFU)
                .build();
    }
}
