package dev.fluxion.landscapes

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeLessThan
import java.util.SplittableRandom
import kotlin.math.abs
import kotlin.math.cbrt
import kotlin.math.max

/**
 * The dsl's gradients agree with centered differences at 100 random points of each landscape's domain.
 *
 * A centered difference with step h has error about h^2 |f'''| / 6 + eps |f| / h; with h = eps^(1/3) scale the
 * two terms are both about eps^(2/3) ~ 4e-11 relative, so the comparison allows 1e-6 relative to the size of the
 * gradient and of f / h.
 */
class GradientSpec : FunSpec({

    val specs = registry.names().map { registry.provider(it).create().spec() } + listOf(
        "rosenbrock(dim=10)", "rastrigin(dim=5)", "ackley(dim=5)", "griewank(dim=5)", "zakharov(dim=5)",
        "styblinski-tang(dim=5)", "quadratic(dim=20, kappa=1000)", "double-well(dim=1)",
        "softmax-regression(samples=50, features=3, classes=4)", "formula(\"sin(x)*exp(y) + x^2*z\")",
    )

    for (spec in specs) {
        test("$spec: gradient = centered differences at 100 random points") {
            val l = landscape(spec)
            val objective = l.objective()
            val random = SplittableRandom(spec.hashCode().toLong())
            repeat(100) {
                val x = l.facts().domain().sample(random)
                val g = objective.gradient(x)
                val d = objective.centeredDifference(x)
                val h = cbrt(Math.ulp(1.0)) * max(1.0, x.maxOf { abs(it) })
                val tolerance = 1e-6 * (norm(g) + abs(objective.value(x)) / h + 1)
                val error = norm(DoubleArray(g.size) { g[it] - d[it] })
                error shouldBeLessThan tolerance
            }
        }
    }
})
