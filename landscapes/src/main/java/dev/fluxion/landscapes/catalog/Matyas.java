package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * Matyas' function, f(x, y) = 0.26 (x^2 + y^2) - 0.48 xy on [-10, 10]^2: a convex quadratic, flat along the
 * diagonal, with minimum f = 0 at (0, 0). Its Hessian [[0.52, -0.48], [-0.48, 0.52]] has eigenvalues 0.04
 * (along x = y) and 1, so L = 1, mu = 0.04 and the condition number is 25.
 *
 * <p>Sources: Jamil and Yang (2013), function 71; Surjanovic and Bingham (2013), SFU Virtual Library.
 */
public final class Matyas implements LandscapeProvider {

    @Override
    public String name() {
        return "matyas";
    }

    @Override
    public String description() {
        return "Matyas' function: a convex quadratic flat along x = y, L = 1, mu = 0.04; f* = 0 at (0, 0)";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("0.26*(x^2 + y^2) - 0.48*x*y");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-10, 10)
                .minimum(0).minimizers(new double[] {0, 0})
                .smoothness(1).strongConvexity(0.04)
                .start(8, 6)
                .tags(Tag.CONVEX)
                .sources(Sources.JAMIL_YANG, Sources.SFU)
                .build();
    }
}
