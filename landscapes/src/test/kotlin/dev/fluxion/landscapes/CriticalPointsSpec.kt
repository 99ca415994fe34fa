package dev.fluxion.landscapes

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlin.math.max

/**
 * Every listed critical point that is not a global minimum (local minima, maxima, saddles) is critical and of
 * the stated kind, and the ones the literature gives match it.
 */
class CriticalPointsSpec : FunSpec({

    val specs = listOf("himmelblau", "three-hump-camel", "six-hump-camel", "goldstein-price", "rosenbrock(dim=4)",
        "rosenbrock(dim=7)", "saddle", "monkey-saddle", "double-well(dim=1)", "double-well(dim=2)", "quartic", "cubic")

    for (spec in specs) {
        val l = landscape(spec)
        for (point in l.facts().criticalPoints()) {
            test("$spec: ${point.curvature()} at ${point.location().toList()} is critical and of that kind") {
                val x = point.location()
                val scale = max(1.0, curvatureScale(l.objective(), x))
                norm(l.objective().gradient(x)) / scale shouldBeLessThan 1e-9
                l.hessianSpectrumAt(x).curvature() shouldBe point.curvature()
                point.value() shouldBe l.value(x)
            }
        }
    }

    test("Himmelblau: the local maximum is f = 181.617 at (-0.270845, -0.923039)") {
        val max = landscape("himmelblau").facts().maxima().single()
        distance(max.location(), doubleArrayOf(-0.270845, -0.923039)) shouldBeLessThan 1e-6
        max.value() shouldBe (181.617 plusOrMinus 5e-4)
        landscape("himmelblau").facts().saddlePoints().size shouldBe 4
    }

    test("Goldstein-Price: local minima of value 30, 84 and 840 at (-0.6, -0.4), (1.8, 0.2), (1.2, 0.8)") {
        val minima = landscape("goldstein-price").facts().localMinima().associate { it.location().toList() to it.value() }
        minima[listOf(-0.6, -0.4)]!! shouldBe (30.0 plusOrMinus 1e-9)
        minima[listOf(1.8, 0.2)]!! shouldBe (84.0 plusOrMinus 1e-9)
        minima[listOf(1.2, 0.8)]!! shouldBe (840.0 plusOrMinus 1e-9)
    }

    test("x^2 - y^2: a strict saddle at 0 with Hessian eigenvalues -2 and 2") {
        val spectrum = landscape("saddle").hessianSpectrumAt(doubleArrayOf(0.0, 0.0))
        spectrum.curvature() shouldBe Curvature.SADDLE
        spectrum.eigenvalues().toList() shouldBe listOf(-2.0, 2.0)
    }

    test("the monkey saddle x^3 - 3xy^2: the Hessian vanishes at 0, so the point is degenerate") {
        val spectrum = landscape("monkey-saddle").hessianSpectrumAt(doubleArrayOf(0.0, 0.0))
        spectrum.curvature() shouldBe Curvature.DEGENERATE
        spectrum.eigenvalues().all { it == 0.0 } shouldBe true
    }

    test("the double well: f'' = -8 at 0, a maximum in 1-D and a saddle diag(-8, 2) in 2-D; f'' = 16 at the minima") {
        landscape("double-well(dim=1)").hessianSpectrumAt(doubleArrayOf(0.0)).let {
            it.curvature() shouldBe Curvature.MAX
            it.eigenvalues()[0] shouldBe (-8.0 plusOrMinus 1e-12)
        }
        landscape("double-well(dim=2)").hessianSpectrumAt(doubleArrayOf(0.0, 0.0)).let {
            it.curvature() shouldBe Curvature.SADDLE
            it.eigenvalues().toList() shouldBe listOf(-8.0, 2.0)
        }
        landscape("double-well(dim=2)").hessianSpectrumAt(doubleArrayOf(Math.sqrt(2.0), 0.0)).eigenvalues()[1] shouldBe
            (16.0 plusOrMinus 1e-12)
    }

    test("the quartic x^4 - 4x^3 + 4x^2 + 1: a maximum f = 2 at x = 1 with f'' = -4, minima with f'' = 8") {
        val l = landscape("quartic")
        l.facts().maxima().single().let {
            it.location()[0] shouldBe 1.0
            it.value() shouldBe (2.0 plusOrMinus 1e-15)
        }
        l.hessianSpectrumAt(doubleArrayOf(1.0)).eigenvalues()[0] shouldBe (-4.0 plusOrMinus 1e-12)
        l.hessianSpectrumAt(doubleArrayOf(0.0)).eigenvalues()[0] shouldBe (8.0 plusOrMinus 1e-12)
        l.hessianSpectrumAt(doubleArrayOf(2.0)).eigenvalues()[0] shouldBe (8.0 plusOrMinus 1e-12)
    }

    test("the cubic x^3 - 3x: local maximum 2 at -1, and the interval's ends lie above the minimum -2 at 1") {
        val l = landscape("cubic")
        l.facts().maxima().single().value() shouldBe (2.0 plusOrMinus 1e-15)
        val domain = l.facts().domain()
        l.value(domain.lower()) shouldBe (1.125 plusOrMinus 1e-12)
        l.value(domain.upper()) shouldBe (8.125 plusOrMinus 1e-12)
    }

    test("six-hump camel: the other local minima are near +-(-1.7036, 0.7961) and +-(1.6071, 0.5687)") {
        val values = landscape("six-hump-camel").facts().localMinima().map { it.value() }.sorted()
        values[0] shouldBe (-0.2155 plusOrMinus 1e-4)
        values[1] shouldBe (-0.2155 plusOrMinus 1e-4)
        values[2] shouldBe (2.1043 plusOrMinus 1e-4)
        values[3] shouldBe (2.1043 plusOrMinus 1e-4)
    }

    test("Rosenbrock in 4 to 7 dimensions has a second local minimum with x_1 near -1 (Shang and Qiu 2006)") {
        for (n in 4..7) {
            val local = landscape("rosenbrock(dim=$n)").facts().localMinima().single()
            local.location()[0] shouldBeLessThan -0.7
            local.value() shouldBe (4.0 plusOrMinus 0.35)
        }
        landscape("rosenbrock(dim=3)").facts().localMinima().size shouldBe 0
    }
})
