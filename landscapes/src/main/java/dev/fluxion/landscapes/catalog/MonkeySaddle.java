package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The monkey saddle, f(x, y) = x^3 - 3xy^2 = Re((x + iy)^3), on [-1, 1]^2: one critical point, at (0, 0),
 * where the Hessian vanishes entirely, so the second-order test says nothing (a degenerate saddle: three
 * valleys descend from it, 120 degrees apart). Unbounded below; no minimum.
 *
 * <p>Source: Hilbert, D. and Cohn-Vossen, S. (1952), Geometry and the Imagination, Chelsea, section 29;
 * Anandkumar, A. and Ge, R. (2016), Efficient approaches for escaping higher order saddle points in non-convex
 * optimization, COLT.
 */
public final class MonkeySaddle implements LandscapeProvider {

    @Override
    public String name() {
        return "monkey-saddle";
    }

    @Override
    public String description() {
        return "x^3 - 3xy^2: a degenerate (third-order) saddle at (0, 0), unbounded below";
    }

    @Override
    public Landscape create(Arguments arguments) {
        return Landscape.builder(arguments, Expr.parse("x^3 - 3*x*y^2"), List.of("x", "y"))
                .description(description())
                .domain(-1, 1)
                .criticalPoint(Curvature.DEGENERATE, 0, 0)
                .start(0.5, 0.1)
                .tags(Tag.SADDLE)
                .sources("Hilbert, D. and Cohn-Vossen, S. (1952). Geometry and the Imagination. Chelsea",
                        "Anandkumar, A. and Ge, R. (2016). Efficient approaches for escaping higher order saddle"
                                + " points in non-convex optimization. COLT")
                .build();
    }
}
