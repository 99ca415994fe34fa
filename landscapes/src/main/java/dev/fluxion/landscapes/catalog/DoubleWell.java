package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The double well, f(x) = x^4 - 4x^2 in one dimension or f(x, y) = x^4 - 4x^2 + y^2 in two, on [-2.5, 2.5]^n.
 * f'(x) = 4x(x^2 - 2), so the two global minima are x = +-sqrt(2) (y = 0) with f* = -4 and Hessian
 * diag(16, 2); the critical point at 0 has f'' = -8: a local maximum in one dimension, a strict saddle (Hessian
 * diag(-8, 2)) in two.
 *
 * <p>Source: the symmetric double-well potential of physics (e.g. Landau, L. D. and Lifshitz, E. M., Quantum
 * Mechanics, section 50); as an optimization example, Dauphin et al. (2014).
 */
public final class DoubleWell implements LandscapeProvider {

    @Override
    public String name() {
        return "double-well";
    }

    @Override
    public String description() {
        return "x^4 - 4x^2 (+ y^2): minima f* = -4 at x = +-sqrt(2), a maximum (1-D) or saddle (2-D) at 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 2, "1 for x^4 - 4x^2, 2 to add y^2"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        double r = Math.sqrt(2);
        Landscape.Builder builder = n == 1
                ? Landscape.builder(arguments, Expr.parse("x^4 - 4*x^2"), List.of("x"))
                        .minimizers(new double[] {-r}, new double[] {r})
                        .criticalPoint(Curvature.MAX, 0)
                        .start(0.01)
                        .tags(Tag.ONE_DIMENSIONAL)
                : Landscape.builder(arguments, Expr.parse("x^4 - 4*x^2 + y^2"), List.of("x", "y"))
                        .minimizers(new double[] {-r, 0}, new double[] {r, 0})
                        .criticalPoint(Curvature.SADDLE, 0, 0)
                        .start(0.01, 1)
                        .tags(Tag.SADDLE);
        return builder.description(description())
                .domain(-2.5, 2.5)
                .minimum(-4)
                .sources("Dauphin, Y. N. et al. (2014). Identifying and attacking the saddle point problem in"
                        + " high-dimensional non-convex optimization. NeurIPS 27")
                .build();
    }
}
