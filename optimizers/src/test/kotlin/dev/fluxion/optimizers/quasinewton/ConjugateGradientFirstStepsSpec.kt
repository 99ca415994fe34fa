package dev.fluxion.optimizers.quasinewton

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.Optimizers
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import kotlin.math.max
import kotlin.math.min
import kotlin.math.sqrt

/**
 * Nonlinear conjugate gradients, first three steps on f = x^2 + 10 y^2 + 5 z^2 (g = A x, A = diag(2, 20, 10)) from
 * (1, 1, 1), for each beta, worked from the formulas. With n = 3 no periodic restart falls in the first three steps.
 *
 * The line search is wolfe(c2 = 0.1) with the quadratic guess. Along d, phi(a) = f + a g'd + a^2 d'Ad / 2 is minimized
 * at a* = -g'd / d'Ad, and:
 * - step 1: d0 = -g0 = -(2, 20, 10), |d0| = sqrt(504); the first trial is a unit step, a = 1/sqrt(504) = 0.04454,
 *   where phi' = 0.204 phi'(0): still falling too steeply for c2 = 0.1, so the search extrapolates. The cubic's
 *   minimizer 0.05595 lies below the lower bound 0.04454 + 1.1 * 0.04454, so the next trial is 0.09354, where phi' > 0;
 *   the zoom on [0.04454, 0.09354] then gives the cubic's exact a* = 0.05595, accepted: three evaluations;
 * - step 2: the guess 1.01 * 2 (f1 - f0) / phi'(0) exceeds 1 and is capped at init = 1, where sufficient decrease
 *   fails; the cubic on [0, 1] gives a* = 0.09889, closer to 0 than a tenth of the bracket, so the safeguard tries
 *   0.1, where |phi'(0.1)| = 0.0112 |phi'(0)| <= 0.1 |phi'(0)|: a = 0.1 is accepted, not a*;
 * - step 3: again capped at 1 and rejected; the cubic's a* lies inside [0.1, 0.9] and is accepted.
 * Because step 1 is exact (g1'd0 = 0, g1'g0 = 0), the four betas agree at step 2; because step 2 is not, they differ at
 * step 3, and so do the third points.
 */
class ConjugateGradientFirstStepsSpec : FunSpec({
    val bowl = Expr.parse("x^2 + 10*y^2 + 5*z^2").compile("x", "y", "z")
    val a = doubleArrayOf(2.0, 20.0, 10.0)
    fun g(x: DoubleArray) = DoubleArray(3) { a[it] * x[it] }
    fun dot(u: DoubleArray, v: DoubleArray) = (0..2).sumOf { u[it] * v[it] }
    fun exactStep(x: DoubleArray, d: DoubleArray) = -dot(g(x), d) / (0..2).sumOf { a[it] * d[it] * d[it] }
    fun step(x: DoubleArray, alpha: Double, d: DoubleArray) = DoubleArray(3) { x[it] + alpha * d[it] }

    /** beta_{k+1} of each variant from g1 = g_{k+1}, g0 = g_k and d0 = d_k, as the formulas read. */
    fun beta(variant: String, g1: DoubleArray, g0: DoubleArray, d0: DoubleArray): Double {
        val y = DoubleArray(3) { g1[it] - g0[it] }
        return when (variant) {
            "fr" -> dot(g1, g1) / dot(g0, g0)                                   // N&W (5.41a)
            "prplus" -> max(0.0, dot(g1, y) / dot(g0, g0))                      // N&W (5.45)
            "hs" -> dot(g1, y) / dot(d0, y)                                     // N&W (5.46)
            else -> {                                                           // Hager and Zhang (2005), (1.3), (1.6)
                val dy = dot(d0, y)
                val betaN = (dot(g1, y) - 2 * dot(y, y) * dot(d0, g1) / dy) / dy
                max(betaN, -1 / (sqrt(dot(d0, d0)) * min(0.01, sqrt(dot(g0, g0)))))
            }
        }
    }

    val x0 = doubleArrayOf(1.0, 1.0, 1.0)
    val d0 = g(x0).map { -it }.toDoubleArray()
    val alpha0 = exactStep(x0, d0)                    // 504 / 9008 = 0.05595
    val x1 = step(x0, alpha0, d0)                     // (0.8881, -0.1190, 0.4405)

    for (variant in listOf("fr", "prplus", "hs", "hz")) {
        test("cg(variant=$variant): d = -g + beta d, three steps") {
            alpha0 shouldBe (504.0 / 9008 plusOrMinus 1e-16)
            val beta1 = beta(variant, g(x1), g(x0), d0)
            beta1 shouldBe (0.055999167 plusOrMinus 1e-9)   // the same for all four: step 1 was exact
            val d1 = DoubleArray(3) { -g(x1)[it] + beta1 * d0[it] }
            exactStep(x1, d1) shouldBe (0.098892 plusOrMinus 1e-6)
            val x2 = step(x1, 0.1, d1)                    // the safeguarded trial, accepted
            val beta2 = beta(variant, g(x2), g(x1), d1)
            val d2 = DoubleArray(3) { -g(x2)[it] + beta2 * d1[it] }
            val x3 = step(x2, exactStep(x2, d2), d2)

            val x = x0.copyOf()
            val run = Optimizers.parse("cg(variant=$variant)").start(3)
            for (expected in listOf(x1, x2, x3)) {
                run.step(bowl, x)
                for (i in 0..2) x[i] shouldBe (expected[i] plusOrMinus 1e-14)
            }
            // x0, then 3 + 2 + 2 trials, each step starting from the last trial of the one before
            run.evaluations().gradients() shouldBe 8L
        }
    }

    test("the betas of step 3 are those of each formula, and they differ") {
        val d1 = DoubleArray(3) { -g(x1)[it] + beta("fr", g(x1), g(x0), d0) * d0[it] }
        val x2 = step(x1, 0.1, d1)
        val betas = listOf("fr", "prplus", "hs", "hz").map { beta(it, g(x2), g(x1), d1) }
        betas[0] shouldBe (0.081109 plusOrMinus 1e-6)
        betas[1] shouldBe (0.092312 plusOrMinus 1e-6)
        betas[2] shouldBe (0.091289 plusOrMinus 1e-6)
        betas[3] shouldBe (0.067110 plusOrMinus 1e-6)
    }

    test("a restart every step is steepest descent with the same line search") {
        val x = x0.copyOf()
        Optimizers.parse("cg(restartEvery=1)").start(3).let { run -> repeat(3) { run.step(bowl, x) } }
        val y = x0.copyOf()
        Optimizers.parse("wolfe(c2=0.1, guess=quadratic)").start(3).let { run -> repeat(3) { run.step(bowl, y) } }
        x.toList() shouldBe y.toList()
    }
})
