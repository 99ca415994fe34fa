package dev.fluxion.landscapes

import dev.fluxion.dsl.spec.SpecParser
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlin.math.PI
import kotlin.math.abs
import kotlin.math.acos
import kotlin.math.cos
import kotlin.math.max
import kotlin.math.sqrt

/**
 * Every known global minimizer, checked against the literature: f(x*) equals the cited minimum to 1e-9, x* is
 * where the literature puts it (to the digits it gives), the gradient vanishes (relative to the curvature
 * scale) and the Hessian is positive semi-definite.
 */
class MinimizersSpec : FunSpec({

    /** The smaller root of 4t^3 - 32t + 5 = 0 by the trigonometric form of Cardano's formula. */
    val styblinskiRoot = run {
        // t^3 + p t + q = 0 with p = -8, q = 5/4; roots 2 sqrt(-p/3) cos(acos(3q/(2p) sqrt(-3/p))/3 - 2 pi k/3)
        val p = -8.0
        val q = 1.25
        val r = 2 * sqrt(-p / 3)
        val phi = acos(3 * q / (2 * p) * sqrt(-3 / p)) / 3
        (0..2).map { r * cos(phi - 2 * PI * it / 3) }.min()
    }
    val styblinskiPerCoordinate = 0.5 * (Math.pow(styblinskiRoot, 4.0) - 16 * styblinskiRoot * styblinskiRoot +
        5 * styblinskiRoot)

    /** The literature's facts: spec, minimum value, minimizers to the digits published, and their tolerance. */
    data class Cited(val spec: String, val minimum: Double, val minimizers: List<DoubleArray>, val digits: Double = 1e-12)

    val sqrt2 = sqrt(2.0)
    val cited = listOf(
        Cited("beale", 0.0, listOf(doubleArrayOf(3.0, 0.5))),
        Cited("booth", 0.0, listOf(doubleArrayOf(1.0, 3.0))),
        Cited("matyas", 0.0, listOf(doubleArrayOf(0.0, 0.0))),
        Cited("himmelblau", 0.0, listOf(doubleArrayOf(3.0, 2.0), doubleArrayOf(-2.805118, 3.131312),
            doubleArrayOf(-3.779310, -3.283186), doubleArrayOf(3.584428, -1.848126)), 1e-6),
        Cited("three-hump-camel", 0.0, listOf(doubleArrayOf(0.0, 0.0))),
        Cited("six-hump-camel", -1.0316284534898774,
            listOf(doubleArrayOf(0.0898, -0.7126), doubleArrayOf(-0.0898, 0.7126)), 1e-4),
        Cited("goldstein-price", 3.0, listOf(doubleArrayOf(0.0, -1.0))),
        Cited("levi13", 0.0, listOf(doubleArrayOf(1.0, 1.0))),
        Cited("rosenbrock", 0.0, listOf(DoubleArray(2) { 1.0 })),
        Cited("rosenbrock(dim=10)", 0.0, listOf(DoubleArray(10) { 1.0 })),
        Cited("rastrigin(dim=5)", 0.0, listOf(DoubleArray(5))),
        Cited("ackley(dim=5)", 0.0, listOf(DoubleArray(5))),
        Cited("griewank(dim=5)", 0.0, listOf(DoubleArray(5))),
        Cited("zakharov(dim=5)", 0.0, listOf(DoubleArray(5))),
        Cited("styblinski-tang(dim=3)", 3 * styblinskiPerCoordinate, listOf(DoubleArray(3) { styblinskiRoot })),
        Cited("sphere(dim=4)", 0.0, listOf(DoubleArray(4))),
        Cited("ellipse(dim=6, kappa=1000000)", 0.0, listOf(DoubleArray(6))),
        Cited("double-well(dim=1)", -4.0, listOf(doubleArrayOf(-sqrt2), doubleArrayOf(sqrt2))),
        Cited("double-well(dim=2)", -4.0, listOf(doubleArrayOf(-sqrt2, 0.0), doubleArrayOf(sqrt2, 0.0))),
        Cited("quartic", 1.0, listOf(doubleArrayOf(0.0), doubleArrayOf(2.0))),
        Cited("cubic", -2.0, listOf(doubleArrayOf(1.0))),
        Cited("formula(\"x^2 + 10*y^2\", minimum=0, minimizers=\"0 0\")", 0.0, listOf(doubleArrayOf(0.0, 0.0))),
    )

    /**
     * Landscapes whose minimizer the tests establish otherwise (closed forms from data, drawn from a seed, or, for
     * bbob, in bbob.BbobFactsSpec).
     */
    val establishedElsewhere = setOf("quadratic", "gaussian-nll", "linear-regression", "logistic-regression",
        "softmax-regression", "wavy-parabola", "bbob")
    val noMinimum = setOf("saddle", "monkey-saddle")

    test("every landscape in the registry is checked somewhere") {
        val covered = cited.map { SpecParser.parse(it.spec, ::LandscapeException).name() }.toSet() + establishedElsewhere + noMinimum
        covered shouldContainAll registry.names()
    }

    test("the Styblinski-Tang minimum is the cited -39.16617 n at x_i = -2.903534") {
        styblinskiRoot shouldBe (-2.903534 plusOrMinus 1e-6)
        styblinskiPerCoordinate shouldBe (-39.16617 plusOrMinus 1e-5)
        landscape("styblinski-tang(dim=3)").facts().minimum().asDouble shouldBe (-3 * 39.16617 plusOrMinus 3e-5)
    }

    for (c in cited) {
        context(c.spec) {
            val l = landscape(c.spec)
            val facts = l.facts()
            val objective = l.objective()

            test("the minimum value is the cited ${c.minimum}") {
                facts.minimum().asDouble shouldBe (c.minimum plusOrMinus 1e-9)
                facts.globalMinimizers().size shouldBe c.minimizers.size
            }

            for ((index, published) in c.minimizers.withIndex()) {
                test("minimizer $index: where the literature puts it, at the cited value") {
                    val x = facts.globalMinimizers().minBy { distance(it, published) }
                    distance(x, published) shouldBeLessThan c.digits * sqrt(x.size.toDouble()) + 1e-15
                    objective.value(x) shouldBe (c.minimum plusOrMinus 1e-9)
                    l.valueGap(x) shouldBe (0.0 plusOrMinus 1e-9)
                    l.distanceToNearestMinimizer(x) shouldBe 0.0
                }
                if (facts.has(Tag.NONSMOOTH)) {
                    test("minimizer $index is a kink: f rises along every coordinate direction, both ways") {
                        val x = facts.globalMinimizers()[index]
                        for (i in x.indices) {
                            for (sign in listOf(-1.0, 1.0)) {
                                val step = x.copyOf().also { it[i] += sign * 1e-6 }
                                objective.value(step) shouldBeGreaterThan objective.value(x)
                            }
                        }
                    }
                } else {
                    test("minimizer $index: the gradient vanishes and the Hessian is positive semi-definite") {
                        val x = facts.globalMinimizers()[index]
                        val scale = max(1.0, curvatureScale(objective, x))
                        norm(objective.gradient(x)) / scale shouldBeLessThan 1e-6
                        l.hessianSpectrumAt(x).isPositiveSemidefinite shouldBe true
                    }
                }
            }
        }
    }

    test("the wavy parabola's minimum is the lowest point of a fine grid and a zero of f'(x) = 2(x - 3) + 0.5 cos 5x") {
        val l = landscape("wavy-parabola")
        val x = l.facts().globalMinimizers().single()[0]
        abs(2 * (x - 3) + 0.5 * cos(5 * x)) shouldBeLessThan 1e-12
        val f = { t: Double -> (t - 3) * (t - 3) + 0.1 * Math.sin(5 * t) }
        val grid = (0..600_000).map { it * 1e-5 }
        val lowest = grid.minBy(f)
        x shouldBe (lowest plusOrMinus 1e-5)
        x shouldBe (3.2273616560069 plusOrMinus 1e-12)
        l.facts().minimum().asDouble shouldBe (f(x) plusOrMinus 1e-12)
        l.hessianSpectrumAt(doubleArrayOf(x)).curvature() shouldBe Curvature.MIN
    }

    test("the saddles have no minimum: f is unbounded below") {
        for (name in noMinimum) {
            val l = landscape(name)
            l.facts().minimum().isPresent shouldBe false
            l.facts().globalMinimizers().size shouldBe 0
        }
        landscape("saddle").value(doubleArrayOf(0.0, 1e6)) shouldBeLessThan -1e11
        landscape("monkey-saddle").value(doubleArrayOf(-1e4, 0.0)) shouldBeLessThan -1e11
    }
})

fun distance(a: DoubleArray, b: DoubleArray): Double = sqrt(a.indices.sumOf { (a[it] - b[it]) * (a[it] - b[it]) })
