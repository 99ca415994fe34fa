package dev.fluxion.landscapes

import dev.fluxion.dsl.calculus.Richardson
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import java.util.SplittableRandom
import kotlin.math.abs
import kotlin.math.max

/**
 * The exact gradients of all 35 Moré-Garbow-Hillstrom problems, at their standard sizes and at a few others,
 * against Richardson-extrapolated centered differences at 100 seeded points of each problem's domain, every
 * partial derivative on its own.
 *
 * The problems are smooth, so a difference settles wherever the function is finite near the point; where it
 * does not (f overflows within the stencil, or changes faster than the first step resolves), that coordinate is
 * not compared, and such coordinates must be rare: at most 1 in 50. A settled estimate must agree with the
 * gradient to 1e-6 of the larger of the two, plus ten times its own error estimate and the rounding
 * 10 eps |f| / h of its smallest step.
 */
class MghGradientSpec : FunSpec({

    /** The 35 problems at their standard sizes, as the provider lists them (MghSpec checks the list), and more. */
    val specs = registry.provider("mgh").parameters().single { it.name() == "problem" }.choices() +
        listOf("watson, n=12", "penalty1, n=10", "penalty2, n=10", "chebyquad, n=7", "trigonometric, n=3",
            "brown-almost-linear, n=5", "extended-powell, n=8", "linear-rank1, n=7, m=9", "box3d, m=20")

    /** First steps, largest first, relative to max(1, |x_i|); an estimate counts when the next one agrees. */
    val firstSteps = listOf(1e-2, 1e-3, 1e-4, 1e-5, 1e-6)

    for (spec in specs) {
        test("$spec: gradient = Richardson differences at 100 seeded points of the domain") {
            val l = landscape("mgh(problem=$spec)")
            val objective = l.objective()
            val random = SplittableRandom(spec.hashCode().toLong() xor 0x5eed)
            var compared = 0
            var skipped = 0
            var points = 0
            var drawn = 0
            while (points < 100) {
                check(drawn++ < 10_000) { "mgh($spec): f is finite at only $points of $drawn points of the domain" }
                val x = l.facts().domain().sample(random)
                val value = objective.value(x)
                if (!value.isFinite()) continue
                points++
                val g = objective.gradient(x)
                for (i in x.indices) {
                    val scale = max(1.0, abs(x[i]))
                    val along = { t: Double -> objective.value(x.copyOf().also { it[i] = t }) }
                    val tolerance = { e: Richardson.Estimate ->
                        1e-6 * max(abs(g[i]), abs(e.value)) + 10 * Math.ulp(1.0) * (abs(value) + 1) / e.step
                    }
                    val estimate = firstSteps.asSequence()
                        .map { Richardson.derivative(along, x[i], it * scale) }
                        .zipWithNext()
                        .firstOrNull { (a, b) ->
                            a.value.isFinite() && b.value.isFinite() && a.error <= tolerance(a) &&
                                b.error <= tolerance(b) &&
                                abs(a.value - b.value) <= tolerance(a) + tolerance(b) + 10 * (a.error + b.error)
                        }?.second
                    if (estimate == null) {
                        skipped++
                        continue
                    }
                    compared++
                    abs(g[i] - estimate.value) shouldBeLessThan tolerance(estimate) + 10 * estimate.error
                }
            }
            println("mgh($spec): $compared partial derivatives compared, $skipped unsettled")
            skipped shouldBeLessThanOrEqual compared / 50
        }
    }
})
