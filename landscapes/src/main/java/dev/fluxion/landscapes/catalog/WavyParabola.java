package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The wavy parabola, f(x) = (x - 3)^2 + 0.1 sin(5x), on [0, 6]: a parabola with a small ripple. A critical point
 * needs 2(x - 3) = -0.5 cos(5x), so |x - 3| &lt;= 0.25, and on that stretch f' has a single zero (found by a
 * sign scan of f' at 10^5 points of [0, 6] and bisection, then Newton's method): the global minimum near
 * x* = 3.2273616560069 with f* = 0.0101112546067. The ripple makes f'' = 2 - 2.5 sin(5x) negative in places, so
 * f is not convex, yet it has no other local minimum.
 *
 * <p>Source: the one-dimensional teaching examples of gradient descent with a perturbed quadratic (for
 * instance Nocedal and Wright 2006, chapter 3, on line searches).
 */
public final class WavyParabola implements LandscapeProvider {

    @Override
    public String name() {
        return "wavy-parabola";
    }

    @Override
    public String description() {
        return "(x - 3)^2 + 0.1 sin(5x): one minimum near 3.2274, non-convex ripples";
    }

    @Override
    public Landscape create(Arguments arguments) {
        return Landscape.builder(arguments, Expr.parse("(x - 3)^2 + 0.1*sin(5*x)"), List.of("x"))
                .description(description())
                .domain(0, 6)
                .minimizerNear(3.2273616560069)
                .start(0.5)
                .tags(Tag.ONE_DIMENSIONAL)
                .sources("Nocedal, J. and Wright, S. J. (2006). Numerical Optimization, 2nd ed. Springer",
                        Sources.NEWTON_REFINED)
                .build();
    }
}
