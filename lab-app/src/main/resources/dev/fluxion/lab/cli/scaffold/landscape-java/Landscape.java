package {{package}};

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * {@code {{name}}(kappa=...)}: a tilted bowl, f(x, y) = (x - 1)^2 + kappa (y - 2)^2, with its facts: the minimizer
 * (1, 2) where f* = 0, the Hessian diag(2, 2 kappa), so the smoothness constant L = 2 kappa and the strong-convexity
 * constant mu = 2 (for kappa at least 1), and the condition number kappa.
 *
 * <p>A landscape is an expression (gradients and Hessians come from it) and its facts; the registry parses a spec
 * against {@link #parameters()} and hands the checked values to {@link #create(Arguments)}. Replace the formula
 * and the facts with your own.
 *
 * <p>A plugin: {@code META-INF/services/dev.fluxion.landscapes.LandscapeProvider} in this jar names this class.
 */
public final class {{Class}} implements LandscapeProvider {

    @Override
    public String name() {
        return "{{name}}";
    }

    @Override
    public String description() {
        return "a tilted bowl (x - 1)^2 + kappa (y - 2)^2; a plugin";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real("kappa", 10, 1, 1e6, "the curvature along y over the curvature along x"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        double kappa = arguments.real("kappa");
        Expr dx = Expr.variable("x").minus(Expr.constant(1));
        Expr dy = Expr.variable("y").minus(Expr.constant(2));
        Expr f = dx.times(dx).plus(Expr.constant(kappa).times(dy.times(dy)));
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-5, 5)
                .minimizers(new double[] {1, 2})
                .smoothness(2 * kappa)
                .strongConvexity(2)
                .start(-3, -3)
                .tags(Tag.CONVEX, Tag.ILL_CONDITIONED)
                .build();
    }
}
