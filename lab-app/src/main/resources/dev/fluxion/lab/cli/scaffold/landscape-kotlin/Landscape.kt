package {{package}}

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.landscapes.Arguments
import dev.fluxion.landscapes.Landscape
import dev.fluxion.landscapes.LandscapeProvider
import dev.fluxion.landscapes.Parameter
import dev.fluxion.landscapes.Tag

/**
 * `{{name}}(kappa=...)`: a tilted bowl, f(x, y) = (x - 1)^2 + kappa (y - 2)^2, with its facts: the minimizer (1, 2)
 * where f* = 0, the Hessian diag(2, 2 kappa), so the smoothness constant L = 2 kappa and the strong-convexity
 * constant mu = 2 (for kappa at least 1), and the condition number kappa.
 *
 * A landscape is an expression (gradients and Hessians come from it) and its facts; the registry parses a spec
 * against [parameters] and hands the checked values to [create]. Replace the formula and the facts with your own.
 *
 * A plugin: `META-INF/services/dev.fluxion.landscapes.LandscapeProvider` in this jar names this class.
 */
class {{Class}} : LandscapeProvider {

    override fun name() = "{{name}}"

    override fun description() = "a tilted bowl (x - 1)^2 + kappa (y - 2)^2; a plugin"

    override fun parameters(): List<Parameter> =
        listOf(Parameter.real("kappa", 10.0, 1.0, 1e6, "the curvature along y over the curvature along x"))

    override fun create(arguments: Arguments): Landscape {
        val kappa = arguments.real("kappa")
        val dx = Expr.variable("x") - Expr.constant(1.0)
        val dy = Expr.variable("y") - Expr.constant(2.0)
        val f = dx * dx + Expr.constant(kappa) * (dy * dy)
        return Landscape.builder(arguments, f, listOf("x", "y"))
            .description(description())
            .domain(-5.0, 5.0)
            .minimizers(doubleArrayOf(1.0, 2.0))
            .smoothness(2 * kappa)
            .strongConvexity(2.0)
            .start(-3.0, -3.0)
            .tags(Tag.CONVEX, Tag.ILL_CONDITIONED)
            .build()
    }
}
