package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The Hölder table function on [-10, 10]^2, f(x, y) = -|sin x cos y exp(|1 - sqrt(x^2 + y^2) / pi|)|: four global
 * minima f* = -19.2085 at (+-8.05502, +-9.66459), near the corners, among many local ones. Non-smooth where
 * sin x cos y = 0 and on the circle sqrt(x^2 + y^2) = pi (the absolute values); smooth at the minima, which are
 * refined here by Newton's method from the published digits.
 *
 * <p>Sources: Mishra, S. K. (2006), Some new test functions for global optimization and performance of repulsive
 * particle swarm method, MPRA paper 2718; Jamil and Yang (2013), function 146; Surjanovic and Bingham (2013).
 */
public final class HolderTable implements LandscapeProvider {

    @Override
    public String name() {
        return "holder-table";
    }

    @Override
    public String description() {
        return "Hölder table: four global minima f* = -19.2085 at (+-8.05502, +-9.66459); many local minima";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("-abs(sin(x) * cos(y) * exp(abs(1 - sqrt(x^2 + y^2) / pi)))");
        Landscape.Builder builder = Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-10, 10);
        for (double sx : new double[] {1, -1}) {
            for (double sy : new double[] {1, -1}) {
                builder.minimizerNear(sx * 8.05502, sy * 9.66459);
            }
        }
        return builder.start(5, 5)
                .tags(Tag.MULTIMODAL, Tag.NONSMOOTH)
                .sources("Mishra, S. K. (2006). Some new test functions for global optimization and performance of"
                        + " repulsive particle swarm method. MPRA paper 2718", Sources.JAMIL_YANG, Sources.SFU,
                        Sources.NEWTON_REFINED)
                .build();
    }
}
