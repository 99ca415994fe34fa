@file:OptIn(ExperimentalKotest::class)

package dev.fluxion.landscapes.bbob

import dev.fluxion.dsl.calculus.Richardson
import dev.fluxion.landscapes.Tag
import dev.fluxion.landscapes.gradient
import dev.fluxion.landscapes.landscape
import io.kotest.common.ExperimentalKotest
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.long
import io.kotest.property.checkAll
import java.util.SplittableRandom
import kotlin.math.abs
import kotlin.math.floor
import kotlin.math.max
import kotlin.math.pow
import kotlin.math.sign

/**
 * The exact gradients of the 24 bbob functions against Richardson-extrapolated centered differences, at 100 random
 * points of [-5.5, 5.5]^n per function (25 in each of 2, 5, 10 and 20 dimensions, instances 1 to 3 in turn).
 *
 * Where a non-smooth function has a kink, plateau edge or tie within the difference stencil of a coordinate, the
 * extrapolation does not settle (its own error estimate stays large, or two starting steps disagree) and that
 * coordinate is not compared; so too where a smooth function turns faster than the smallest step resolves. The rest
 * are compared, and unsettled coordinates must be rare: at most 1 in 50 for a smooth function, 1 in 5 for a
 * non-smooth one. Katsuura's function (f23) has kinks on a grid of spacing 2^-33 in every
 * z_i, finer than any difference can resolve, so its gradient is checked against the derivative of its definition
 * instead: with S_i the digit sums, T_i = 1 + i S_i and P = prod T_i,
 * df/dz_i = (10/n^2) e P^e i S_i'(z_i) / T_i, e = 10/n^1.2, S_i' = sum_j sign(2^j z_i - round(2^j z_i)).
 */
class BbobGradientSpec : FunSpec({

    val dimensions = listOf(2, 5, 10, 20)

    /**
     * The first steps of the extrapolation, largest first. A difference settles only once the step is below the
     * scale on which f changes: 3^-11 for Weierstrass's highest frequency, 1/|ds/dx| where Griewank-Rosenbrock's
     * cos(s) turns fast, a tenth of a coordinate's distance to 0 where T_osz wiggles log-periodically. A too large
     * step can also seem to settle on an aliased value, so an estimate counts only when the next smaller first step
     * agrees with it.
     */
    fun firstSteps(f: Int) = if (f == 16) listOf(1e-8, 1e-9, 1e-10) else listOf(1e-3, 1e-5, 1e-7, 1e-9)

    /** The relative precision asked of the differences: Weierstrass's terms of frequency 3^11 cost it a digit. */
    fun precision(f: Int) = if (f == 16) 1e-4 else 1e-5

    fun point(random: SplittableRandom, n: Int) = DoubleArray(n) { random.nextDouble(-5.5, 5.5) }

    for (f in (1..24).filter { it != 23 }) {
        val nonsmooth = BbobFunction.of(f).tags().contains(Tag.NONSMOOTH)
        test("f$f: gradient = Richardson differences at 100 random points") {
            var compared = 0
            var skipped = 0
            for (dim in dimensions) {
                val landscapes = (1..3).map { landscape("bbob(f=$f, dim=$dim, instance=$it)") }
                var round = 0
                checkAll(PropTestConfig(seed = 1000L * f + dim, iterations = 25), Arb.long()) { seed ->
                    val l = landscapes[round++ % 3]
                    val objective = l.objective()
                    val x = point(SplittableRandom(seed), dim)
                    val g = objective.gradient(x)
                    for (i in 0 until dim) {
                        val scale = max(1.0, abs(x[i]))
                        val along = { t: Double -> objective.value(x.copyOf().also { it[i] = t }) }
                        val size = abs(g[i]) + 1e-8 * (abs(objective.value(x)) + 1)
                        // what differences can resolve: a relative precision, and their own rounding eps |f| / h
                        val value = abs(objective.value(x)) + 1
                        val tolerance = { e: Richardson.Estimate ->
                            precision(f) * (size + abs(e.value)) + 10 * Math.ulp(1.0) * value / e.step
                        }
                        val estimate = firstSteps(f).asSequence()
                            .map { Richardson.derivative(along, x[i], it * scale) }
                            .zipWithNext()
                            .firstOrNull { (a, b) ->
                                a.error <= tolerance(a) && b.error <= tolerance(b)
                                    && abs(a.value - b.value) <= tolerance(a) + tolerance(b) + 10 * (a.error + b.error)
                            }?.second
                        if (estimate == null) {
                            skipped++
                            continue
                        }
                        compared++
                        abs(g[i] - estimate.value) shouldBeLessThan tolerance(estimate) + 10 * estimate.error
                    }
                }
            }
            println("f$f: $compared partial derivatives compared, $skipped unsettled")
            skipped shouldBeLessThanOrEqual (if (nonsmooth) compared / 5 else compared / 50)
        }
    }

    test("f23: gradient = the derivative of Katsuura's definition at 100 random points") {
        for (dim in dimensions) {
            val landscapes = (1..3).map { landscape("bbob(f=23, dim=$dim, instance=$it)") }
            var round = 0
            checkAll(PropTestConfig(seed = 23_000L + dim, iterations = 25), Arb.long()) { seed ->
                val instance = 1 + round % 3
                val l = landscapes[round++ % 3]
                val draw = BbobInstance(23, dim, instance)
                val m = draw.conditionedRotation(draw.rotation(draw.seed() + 1_000_000), 10.0,
                    draw.rotation(draw.seed()))
                val xopt = draw.xopt()
                val x = point(SplittableRandom(seed), dim)
                val z = DoubleArray(dim) { i -> (0 until dim).sumOf { j -> m[i][j] * (x[j] - xopt[j]) } }
                val digits = DoubleArray(dim) { i ->
                    (1..32).sumOf { j -> abs(2.0.pow(j) * z[i] - floor(2.0.pow(j) * z[i] + 0.5)) / 2.0.pow(j) }
                }
                val slopes = DoubleArray(dim) { i ->
                    (1..32).sumOf { j -> sign(2.0.pow(j) * z[i] - floor(2.0.pow(j) * z[i] + 0.5)) }
                }
                val factors = DoubleArray(dim) { i -> 1 + (i + 1) * digits[i] }
                val exponent = 10 / dim.toDouble().pow(1.2)
                val power = factors.fold(1.0) { p, t -> p * t }.pow(exponent)
                val byZ = DoubleArray(dim) { i ->
                    10.0 / dim / dim * exponent * power * (i + 1) * slopes[i] / factors[i]
                }
                val expected = DoubleArray(dim) { j ->
                    (0 until dim).sumOf { i -> m[i][j] * byZ[i] } +
                        if (abs(x[j]) > 5) 2 * (abs(x[j]) - 5) * sign(x[j]) else 0.0
                }
                val g = l.objective().gradient(x)
                for (j in 0 until dim) {
                    abs(g[j] - expected[j]) shouldBeLessThan 1e-9 * (abs(expected[j]) + 1)
                }
            }
        }
    }
})
