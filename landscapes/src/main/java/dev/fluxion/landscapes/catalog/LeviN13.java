package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * Levi's function N.13, f(x, y) = sin^2(3 pi x) + (x - 1)^2 (1 + sin^2(3 pi y)) + (y - 1)^2 (1 + sin^2(2 pi y))
 * on [-10, 10]^2: a bowl covered in ripples; global minimum f* = 0 at (1, 1).
 *
 * <p>Sources: Surjanovic and Bingham (2013), SFU Virtual Library ("Levy function N. 13"); Jamil and Yang
 * (2013).
 */
public final class LeviN13 implements LandscapeProvider {

    @Override
    public String name() {
        return "levi13";
    }

    @Override
    public String description() {
        return "Levi N.13: a rippled bowl with many local minima; f* = 0 at (1, 1)";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("sin(3*pi*x)^2 + (x - 1)^2*(1 + sin(3*pi*y)^2) + (y - 1)^2*(1 + sin(2*pi*y)^2)");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-10, 10)
                .minimum(0).minimizers(new double[] {1, 1})
                .start(-4, 5)
                .tags(Tag.MULTIMODAL)
                .sources(Sources.SFU, Sources.JAMIL_YANG)
                .build();
    }
}
