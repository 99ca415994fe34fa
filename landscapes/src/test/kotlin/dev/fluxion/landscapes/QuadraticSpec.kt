package dev.fluxion.landscapes

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlin.math.abs
import kotlin.math.pow

/** The quadratics' Hessians have exactly the spectra they promise, and L and mu say so. */
class QuadraticSpec : FunSpec({

    fun expectedEigenvalues(n: Int, kappa: Double, mu: Double, log: Boolean) = DoubleArray(n) { i ->
        val t = if (n == 1) 0.0 else i.toDouble() / (n - 1)
        if (log) mu * kappa.pow(t) else mu * (1 + (kappa - 1) * t)
    }

    val cases = listOf(
        "quadratic(dim=50, kappa=1000)" to expectedEigenvalues(50, 1000.0, 1.0, true),
        "quadratic(dim=20, kappa=100, rotated=false, seed=3)" to expectedEigenvalues(20, 100.0, 1.0, true),
        "quadratic(dim=10, kappa=1e6, mu=0.01, spacing=linear, seed=7)" to expectedEigenvalues(10, 1e6, 0.01, false),
        "quadratic(dim=2, kappa=100)" to expectedEigenvalues(2, 100.0, 1.0, true),
        "quadratic(dim=1)" to doubleArrayOf(1.0),
    )

    for ((spec, lambda) in cases) {
        test("$spec: the Hessian's eigenvalues are exactly mu .. L, at any point") {
            val l = landscape(spec)
            val x = l.facts().start()
            val eigenvalues = l.hessianSpectrumAt(x).eigenvalues()
            for (i in lambda.indices) {
                abs(eigenvalues[i] - lambda[i]) / lambda[i] shouldBeLessThan 1e-9
            }
            l.facts().strongConvexity().asDouble shouldBe lambda.first()
            l.facts().smoothness().asDouble shouldBe (lambda.last() plusOrMinus 1e-9 * lambda.last())
            l.objective().strongConvexity() shouldBe l.facts().strongConvexity()
            l.objective().smoothness() shouldBe l.facts().smoothness()
            l.hessianSpectrumAt(x).curvature() shouldBe Curvature.MIN
        }
    }

    test("f(x) = (1/2)(x - x*)^T A (x - x*): along an eigen-direction the value is lambda t^2 / 2") {
        val l = landscape("quadratic(dim=3, kappa=9, rotated=false, seed=1)")
        val xStar = l.facts().globalMinimizers().single()
        val x = xStar.copyOf().also { it[2] += 2.0 }
        l.value(x) shouldBe (0.5 * 9 * 4 plusOrMinus 1e-12)
    }

    test("the confined objective (one run's own): value lambda t^2 / 2 along an eigen-direction, gradient lambda t") {
        val l = landscape("quadratic(dim=3, kappa=9, rotated=false, seed=1)")
        val confined = l.confinedObjective()
        val xStar = l.facts().globalMinimizers().single()
        val x = xStar.copyOf().also { it[2] += 2.0 }
        val gradient = DoubleArray(3)
        confined.valueAndGradient(x, gradient) shouldBe (0.5 * 9 * 4 plusOrMinus 1e-12)
        gradient[0] shouldBe (0.0 plusOrMinus 1e-12)
        gradient[1] shouldBe (0.0 plusOrMinus 1e-12)
        gradient[2] shouldBe (9 * 2.0 plusOrMinus 1e-12)
        confined.smoothness() shouldBe l.facts().smoothness()
        val wrong = shouldThrow<LandscapeException> { confined.value(DoubleArray(2)) }
        wrong.message shouldBe "a point of dimension 2 was given to quadratic(dim=3, kappa=9, rotated=false, seed=1, mu=1," +
            " spacing=log), which has dimension 3 (variables [x[0], x[1], x[2]])"
    }

    test("the sphere and the ellipse: L and mu are their Hessians' extreme eigenvalues") {
        landscape("sphere(dim=3)").hessianSpectrumAt(doubleArrayOf(1.0, 2.0, 3.0)).eigenvalues().toList() shouldBe
            listOf(2.0, 2.0, 2.0)
        val ellipse = landscape("ellipse(dim=3, kappa=10000)")
        val eigenvalues = ellipse.hessianSpectrumAt(doubleArrayOf(1.0, 1.0, 1.0)).eigenvalues()
        eigenvalues[0] shouldBe (2.0 plusOrMinus 1e-12)
        eigenvalues[1] shouldBe (200.0 plusOrMinus 1e-9)
        eigenvalues[2] shouldBe (20000.0 plusOrMinus 1e-7)
        ellipse.facts().conditionNumber().asDouble shouldBe (10000.0 plusOrMinus 1e-9)
    }

    test("Booth and Matyas: constant Hessians with eigenvalues {2, 18} and {0.04, 1}") {
        landscape("booth").hessianSpectrumAt(doubleArrayOf(0.0, 0.0)).eigenvalues().let {
            it[0] shouldBe (2.0 plusOrMinus 1e-12)
            it[1] shouldBe (18.0 plusOrMinus 1e-12)
        }
        landscape("matyas").hessianSpectrumAt(doubleArrayOf(3.0, -1.0)).eigenvalues().let {
            it[0] shouldBe (0.04 plusOrMinus 1e-12)
            it[1] shouldBe (1.0 plusOrMinus 1e-12)
        }
    }
})
