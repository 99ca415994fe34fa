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

    /**
     * The literature's facts: spec, minimum value, minimizers to the digits published, and their tolerances (of the
     * coordinates, and of the value where the literature gives fewer digits than 1e-9).
     */
    data class Cited(val spec: String, val minimum: Double, val minimizers: List<DoubleArray>, val digits: Double = 1e-12,
                     val valueDigits: Double = 1e-9)

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
        Cited("branin", 0.397887, listOf(doubleArrayOf(-PI, 12.275), doubleArrayOf(PI, 2.275),
            doubleArrayOf(9.42478, 2.475)), 1e-5, 5e-7),
        Cited("easom", -1.0, listOf(doubleArrayOf(PI, PI))),
        Cited("bukin6", 0.0, listOf(doubleArrayOf(-10.0, 1.0))),
        Cited("holder-table", -19.2085, listOf(doubleArrayOf(8.05502, 9.66459), doubleArrayOf(8.05502, -9.66459),
            doubleArrayOf(-8.05502, 9.66459), doubleArrayOf(-8.05502, -9.66459)), 1e-5, 5e-5),
        Cited("bohachevsky(variant=1)", 0.0, listOf(doubleArrayOf(0.0, 0.0))),
        Cited("bohachevsky(variant=2)", 0.0, listOf(doubleArrayOf(0.0, 0.0))),
        Cited("bohachevsky(variant=3)", 0.0, listOf(doubleArrayOf(0.0, 0.0))),
        Cited("levy(dim=5)", 0.0, listOf(DoubleArray(5) { 1.0 })),
        // x_i = 2^(-(2^i - 2) / 2^i): 1, 2^(-1/2), 2^(-3/4), +-2^(-7/8)
        Cited("dixon-price(dim=4)", 0.0, listOf(doubleArrayOf(1.0, sqrt(0.5), Math.pow(2.0, -0.75), Math.pow(2.0, -0.875)),
            doubleArrayOf(1.0, sqrt(0.5), Math.pow(2.0, -0.75), -Math.pow(2.0, -0.875)))),
        // n = 6: f* = -n(n + 4)(n - 1)/6 = -50 at x_i = i(7 - i)
        Cited("trid(dim=6)", -50.0, listOf(doubleArrayOf(6.0, 10.0, 12.0, 12.0, 10.0, 6.0))),
        Cited("michalewicz", -1.8013, listOf(doubleArrayOf(2.20, 1.57)), 1e-2, 5e-5),
        Cited("schwefel(dim=3)", 0.0, listOf(DoubleArray(3) { 420.9687 }), 1e-4),
        // the published coordinates of the 3-D minimizer lie 2.5e-5 from the critical point (the well is flat along
        // one direction), while the published value holds to its six digits
        Cited("hartmann", -3.86278, listOf(doubleArrayOf(0.114614, 0.555649, 0.852547)), 2e-5, 5e-6),
        Cited("hartmann(dim=6)", -3.32237, listOf(doubleArrayOf(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573)),
            1e-4, 5e-6),
        Cited("shekel(m=5)", -10.1532, listOf(doubleArrayOf(4.0, 4.0, 4.0, 4.0)), 1e-3, 5e-5),
        Cited("shekel(m=7)", -10.4029, listOf(doubleArrayOf(4.0, 4.0, 4.0, 4.0)), 1e-3, 5e-5),
        Cited("shekel(m=10)", -10.5364, listOf(doubleArrayOf(4.0, 4.0, 4.0, 4.0)), 1e-3, 5e-5),
        Cited("formula(\"x^2 + 10*y^2\", minimum=0, minimizers=\"0 0\")", 0.0, listOf(doubleArrayOf(0.0, 0.0))),
        // a few of the Moré-Garbow-Hillstrom problems; MghSpec checks all 35 against the literature
        Cited("mgh(problem=rosenbrock)", 0.0, listOf(doubleArrayOf(1.0, 1.0))),
        Cited("mgh(problem=helical-valley)", 0.0, listOf(doubleArrayOf(1.0, 0.0, 0.0))),
        Cited("mgh(problem=box3d)", 0.0, listOf(doubleArrayOf(1.0, 10.0, 1.0), doubleArrayOf(10.0, 1.0, -1.0))),
        Cited("mgh(problem=powell-singular)", 0.0, listOf(DoubleArray(4))),
        Cited("mgh(problem=wood)", 0.0, listOf(DoubleArray(4) { 1.0 })),
        Cited("mgh(problem=gulf)", 0.0, listOf(doubleArrayOf(50.0, 25.0, 1.5))),
        Cited("mgh(problem=meyer)", 87.9458, listOf(doubleArrayOf(5.6096365e-03, 6181.3463, 345.22363)), 1e-4, 1e-4),
    )

    /**
     * Landscapes whose minimizer the tests establish otherwise (closed forms from data, drawn from a seed, or, for
     * bbob, in bbob.BbobFactsSpec).
     */
    val establishedElsewhere = setOf("shubert", "mlp", "quadratic", "gaussian-nll", "linear-regression",
        "logistic-regression", "softmax-regression", "wavy-parabola", "bbob")
    val noMinimum = setOf("saddle", "monkey-saddle", "eggholder")

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
                facts.minimum().asDouble shouldBe (c.minimum plusOrMinus c.valueDigits)
                facts.globalMinimizers().size shouldBe c.minimizers.size
            }

            for ((index, published) in c.minimizers.withIndex()) {
                test("minimizer $index: where the literature puts it, at the cited value") {
                    val x = facts.globalMinimizers().minBy { distance(it, published) }
                    distance(x, published) shouldBeLessThan c.digits * sqrt(x.size.toDouble()) + 1e-15
                    objective.value(x) shouldBe (c.minimum plusOrMinus c.valueDigits)
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

    test("Shubert: 18 global minima of f* = -186.7309, one at the published (-7.0835, 4.8580)") {
        val l = landscape("shubert")
        val minimizers = l.facts().globalMinimizers()
        minimizers.size shouldBe 18
        l.facts().minimum().asDouble shouldBe (-186.7309 plusOrMinus 5e-5)
        minimizers.forEach { l.value(it) shouldBe (-186.7309 plusOrMinus 5e-5) }
        minimizers.minOf { distance(it, doubleArrayOf(-7.0835, 4.8580)) } shouldBeLessThan 1e-4
        // the global minimum is the product of g's extremes, g(t) = sum i cos((i + 1) t + i), read off a fine grid
        val g = { t: Double -> (1..5).sumOf { i -> i * cos((i + 1) * t + i) } }
        val grid = (0..2_000_000).map { -10 + it * 1e-5 }.map(g)
        (grid.max() * grid.min()) shouldBe (-186.7309 plusOrMinus 1e-3)
        l.facts().has(Tag.MULTIMODAL) shouldBe true
    }

    test("Eggholder: the published -959.6407 at (512, 404.2319) holds on the box's edge, and f goes lower outside it") {
        val l = landscape("eggholder")
        l.value(doubleArrayOf(512.0, 404.2319)) shouldBe (-959.6407 plusOrMinus 5e-5)
        // the edge point is not critical: f falls further across x = 512
        norm(l.objective().gradient(doubleArrayOf(512.0, 404.2319))) shouldBeGreaterThan 1.0
        l.value(doubleArrayOf(2000.0, 1500.0)) shouldBeLessThan -959.6407
    }

    test("Michalewicz states a minimum only for n = 2, where it is known") {
        landscape("michalewicz(dim=5)").facts().minimum().isPresent shouldBe false
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
