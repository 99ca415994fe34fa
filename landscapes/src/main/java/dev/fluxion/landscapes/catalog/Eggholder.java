package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The Eggholder function, f(x, y) = -(y + 47) sin(sqrt|x / 2 + y + 47|) - x sin(sqrt|x - (y + 47)|), rugged
 * everywhere. Its published minimum, f = -959.6407 at (512, 404.2319), lies on the boundary of the usual domain
 * [-512, 512]^2, where the gradient does not vanish; outside the box f falls without bound (the amplitudes grow
 * with |x| and |y|). So this landscape states no global minimum: the published one is a fact of the box-constrained
 * problem, which unconstrained optimizers do not solve. Non-smooth where the square roots' arguments vanish.
 *
 * <p>Sources: Whitley, D., Rana, S., Dzubera, J. and Mathias, K. E. (1996), Evaluating evolutionary algorithms,
 * Artificial Intelligence 85, 245-276; Jamil and Yang (2013), function 66; Surjanovic and Bingham (2013).
 */
public final class Eggholder implements LandscapeProvider {

    @Override
    public String name() {
        return "eggholder";
    }

    @Override
    public String description() {
        return "Eggholder: rugged; -959.6407 at (512, 404.2319) on the box's edge, unbounded below outside it";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("-(y + 47) * sin(sqrt(abs(x / 2 + y + 47))) - x * sin(sqrt(abs(x - (y + 47))))");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-512, 512)
                .start(400, 350)
                .tags(Tag.MULTIMODAL, Tag.NONSMOOTH)
                .sources("Whitley, D., Rana, S., Dzubera, J. and Mathias, K. E. (1996). Evaluating evolutionary"
                        + " algorithms. Artificial Intelligence 85, 245-276", Sources.JAMIL_YANG, Sources.SFU)
                .build();
    }
}
