package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * Booth's function, f(x, y) = (x + 2y - 7)^2 + (2x + y - 5)^2 on [-10, 10]^2: a convex quadratic with minimum
 * f = 0 at (1, 3). Its Hessian is the constant [[10, 8], [8, 10]], with eigenvalues 2 and 18, so L = 18 and
 * mu = 2 exactly.
 *
 * <p>Sources: Jamil and Yang (2013), function 20; Surjanovic and Bingham (2013), SFU Virtual Library.
 */
public final class Booth implements LandscapeProvider {

    @Override
    public String name() {
        return "booth";
    }

    @Override
    public String description() {
        return "Booth's function: a convex quadratic, L = 18, mu = 2; f* = 0 at (1, 3)";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("(x + 2*y - 7)^2 + (2*x + y - 5)^2");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-10, 10)
                .minimum(0).minimizers(new double[] {1, 3})
                .smoothness(18).strongConvexity(2)
                .start(-5, -5)
                .tags(Tag.CONVEX)
                .sources(Sources.JAMIL_YANG, Sources.SFU)
                .build();
    }
}
