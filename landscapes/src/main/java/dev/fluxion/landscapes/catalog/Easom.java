package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * Easom's function on [-100, 100]^2, f(x, y) = -cos x cos y exp(-((x - pi)^2 + (y - pi)^2)): a narrow well of
 * depth f* = -1 at (pi, pi) in a plain that is flat to within exp(-r^2) at distance r, so a gradient method started
 * a few units away sees almost no slope.
 *
 * <p>Sources: Easom, E. E. (1990), A survey of global optimization techniques, M. Eng. thesis, University of
 * Louisville; Surjanovic and Bingham (2013).
 */
public final class Easom implements LandscapeProvider {

    @Override
    public String name() {
        return "easom";
    }

    @Override
    public String description() {
        return "Easom: f* = -1 at (pi, pi), a narrow well in a flat plain";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("-cos(x) * cos(y) * exp(-((x - pi)^2 + (y - pi)^2))");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-100, 100)
                .minimum(-1).minimizers(new double[] {Math.PI, Math.PI})
                .start(2, 2)
                .tags(Tag.MULTIMODAL)
                .sources("Easom, E. E. (1990). A survey of global optimization techniques. M. Eng. thesis,"
                        + " University of Louisville", Sources.SFU)
                .build();
    }
}
