package dev.fluxion.optimizers

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlin.math.abs
import kotlin.math.exp
import kotlin.math.hypot
import kotlin.math.ln
import kotlin.math.sqrt

/** Theory on quadratics f = (L x^2 + mu y^2) / 2 with known L and mu, whose minimizer is the origin. */
class TheorySpec : FunSpec({

    fun quadratic(l: Double, mu: Double): Objective = Expr.parse("($l * x^2 + $mu * y^2) / 2").compile("x", "y")

    /** ||x_k|| for k = 0..steps from (1, 1). */
    fun errors(spec: String, objective: Objective, steps: Int): DoubleArray {
        val x = doubleArrayOf(1.0, 1.0)
        val run = Optimizers.parse(spec).start(2)
        return DoubleArray(steps + 1) { k -> if (k > 0) run.step(objective, x); hypot(x[0], x[1]) }
    }

    /** exp of the least-squares slope of log e_k against k over k in [from, to]: the fitted contraction rate. */
    fun fittedRate(e: DoubleArray, from: Int, to: Int): Double {
        val ks = (from..to).map { it.toDouble() }
        val logs = (from..to).map { ln(e[it]) }
        val kMean = ks.average()
        val logMean = logs.average()
        val slope = ks.indices.sumOf { (ks[it] - kMean) * (logs[it] - logMean) } /
            ks.indices.sumOf { (ks[it] - kMean) * (ks[it] - kMean) }
        return exp(slope)
    }

    val l = 10.0
    val mu = 1.0

    test("gradient descent converges for step < 2/L and diverges above it") {
        val f = quadratic(l, mu)
        // along x the iteration is x <- (1 - eta L) x: |1 - 0.19*10| = 0.9 < 1, |1 - 0.21*10| = 1.1 > 1
        errors("gd(lr=0.19)", f, 300).last() shouldBeLessThan 1e-12
        val diverging = errors("gd(lr=0.21)", f, 300)
        diverging.last() shouldBeGreaterThan 1e10
        // and the growth is the predicted factor 1.1 per step
        fittedRate(diverging, 100, 300) shouldBe (1.1 plusOrMinus 1e-9)
    }

    test("with step 1/L the error contracts at 1 - mu/L") {
        val rate = fittedRate(errors("gd(lr=${1 / l})", quadratic(l, mu), 200), 1, 200)
        println("GD, step 1/L, kappa = 10: fitted rate $rate, theory ${1 - mu / l}")
        rate shouldBe ((1 - mu / l) plusOrMinus 1e-9)
    }

    test("heavy ball with its optimal parameters contracts at (sqrt(kappa) - 1)/(sqrt(kappa) + 1)") {
        val bigL = 100.0
        val kappa = bigL / mu
        val alpha = 4 / ((sqrt(bigL) + sqrt(mu)) * (sqrt(bigL) + sqrt(mu)))
        val beta = ((sqrt(kappa) - 1) / (sqrt(kappa) + 1)).let { it * it }
        val theory = (sqrt(kappa) - 1) / (sqrt(kappa) + 1)  // 9/11
        val e = errors("momentum(lr=$alpha, momentum=$beta)", quadratic(bigL, mu), 1000)
        val rate = fittedRate(e, 200, 1000)
        val slopeError = abs(ln(rate) - ln(theory)) / abs(ln(theory))
        println("heavy ball, kappa = 100: fitted rate $rate, theory $theory, slope error ${100 * slopeError} %")
        slopeError shouldBeLessThan 0.05
        // gradient descent at its best fixed step 2/(L + mu) only reaches (kappa - 1)/(kappa + 1) = 99/101
        val gd = fittedRate(errors("gd(lr=${2 / (bigL + mu)})", quadratic(bigL, mu), 1000), 200, 1000)
        gd shouldBe ((kappa - 1) / (kappa + 1) plusOrMinus 1e-6)
    }

    test("Newton solves a quadratic in one step") {
        // grad = (2(x - 1) + y, 20(y + 2) + x) = 0  <=>  2x + y = 2, x + 20 y = -40  <=>  x = 80/39, y = -82/39
        val f = Expr.parse("(x - 1)^2 + 10*(y + 2)^2 + x*y").compile("x", "y")
        val x = doubleArrayOf(7.0, -3.0)
        Optimizers.newton().start(2).step(f, x)
        x[0] shouldBe (80.0 / 39 plusOrMinus 1e-12)
        x[1] shouldBe (-82.0 / 39 plusOrMinus 1e-12)
    }

    test("natural gradient with the exact Fisher reaches the Gaussian's optimum in fewer steps than GD") {
        val f = GaussianLikelihood()
        val optimum = doubleArrayOf(1.0, ln(2.0))
        fun stepsToOptimum(spec: String): Int {
            val x = doubleArrayOf(0.0, 0.0)
            val run = Optimizers.parse(spec).start(2)
            var k = 0
            while (hypot(x[0] - optimum[0], x[1] - optimum[1]) > 1e-8 && k < 100_000) {
                run.step(f, x); k++
            }
            return k
        }
        for (lr in listOf(0.1, 0.5)) {
            val natural = stepsToOptimum("natural(lr=$lr)")
            val gd = stepsToOptimum("gd(lr=$lr)")
            println("Gaussian (mu, log sigma), lr = $lr: natural gradient $natural steps, gradient descent $gd steps")
            natural shouldBeLessThan gd
        }
    }
})

private infix fun Double.shouldBeGreaterThan(bound: Double) {
    if (!(this > bound)) throw AssertionError("$this should be > $bound")
}
