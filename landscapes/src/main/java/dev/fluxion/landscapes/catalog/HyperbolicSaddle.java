package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The hyperbolic saddle, f(x, y) = x^2 - y^2, on [-1, 1]^2: one critical point, a strict saddle at (0, 0) with
 * Hessian diag(2, -2); unbounded below, so no minimum. The gradient is 2-Lipschitz (L = 2). Gradient descent
 * from the start (1, 1e-3), just off the saddle's stable manifold y = 0, slows near the saddle and then escapes
 * along y.
 *
 * <p>Source: Dauphin, Y. N. et al. (2014), Identifying and attacking the saddle point problem in
 * high-dimensional non-convex optimization, NeurIPS 27; Nocedal, J. and Wright, S. J. (2006), Numerical
 * Optimization, 2nd ed., Springer, section 2.1.
 */
public final class HyperbolicSaddle implements LandscapeProvider {

    @Override
    public String name() {
        return "saddle";
    }

    @Override
    public String description() {
        return "x^2 - y^2: a strict saddle at (0, 0), unbounded below";
    }

    @Override
    public Landscape create(Arguments arguments) {
        return Landscape.builder(arguments, Expr.parse("x^2 - y^2"), List.of("x", "y"))
                .description(description())
                .domain(-1, 1)
                .criticalPoint(Curvature.SADDLE, 0, 0)
                .smoothness(2)
                .start(1, 1e-3)
                .tags(Tag.SADDLE)
                .sources("Dauphin, Y. N. et al. (2014). Identifying and attacking the saddle point problem in"
                        + " high-dimensional non-convex optimization. NeurIPS 27", "Nocedal, J. and Wright, S. J."
                        + " (2006). Numerical Optimization, 2nd ed. Springer")
                .build();
    }
}
