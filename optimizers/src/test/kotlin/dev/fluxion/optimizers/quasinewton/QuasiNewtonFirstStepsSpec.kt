package dev.fluxion.optimizers.quasinewton

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.Optimizers
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import kotlin.math.abs
import kotlin.math.sqrt

/** A 2-by-2 matrix, row by row. */
private typealias Matrix = List<List<Double>>

private fun identity(scale: Double): Matrix = listOf(listOf(scale, 0.0), listOf(0.0, scale))
private operator fun Matrix.times(v: List<Double>) = map { row -> row[0] * v[0] + row[1] * v[1] }
private fun dot(a: List<Double>, b: List<Double>) = a[0] * b[0] + a[1] * b[1]
private operator fun List<Double>.plus(b: List<Double>) = listOf(this[0] + b[0], this[1] + b[1])
private operator fun List<Double>.minus(b: List<Double>) = listOf(this[0] - b[0], this[1] - b[1])
private operator fun Double.times(v: List<Double>) = v.map { this * it }

/**
 * The BFGS update in its matrix form, H+ = (I - rho s y') H (I - rho y s') + rho s s' with rho = 1 / y's (Nocedal and
 * Wright, eq. 6.17), multiplied out entry by entry: the independent check of the two-loop recursion.
 */
private fun bfgsUpdate(h: Matrix, s: List<Double>, y: List<Double>): Matrix {
    val rho = 1 / dot(s, y)
    val v = List(2) { i -> List(2) { j -> (if (i == j) 1.0 else 0.0) - rho * y[i] * s[j] } }   // V = I - rho y s'
    // V' H V + rho s s'
    return List(2) { i ->
        List(2) { j ->
            var sum = rho * s[i] * s[j]
            for (k in 0..1) for (l in 0..1) sum += v[k][i] * h[k][l] * v[l][j]
            sum
        }
    }
}

/**
 * L-BFGS and BFGS, first three steps on f = x^2 + 10 y^2 (g = A x, A = diag(2, 20)) from (1, 1), against the matrix form
 * of the BFGS update. On this quadratic y = A s exactly, and at each step the unit step alpha = 1 meets both strong
 * Wolfe conditions (checked below), so the Wolfe search evaluates once per step and x_{k+1} = x_k + d_k.
 */
class QuasiNewtonFirstStepsSpec : FunSpec({
    val bowl = Expr.parse("x^2 + 10*y^2").compile("x", "y")
    fun f(x: List<Double>) = x[0] * x[0] + 10 * x[1] * x[1]
    fun g(x: List<Double>) = listOf(2 * x[0], 20 * x[1])
    val tolerance = 1e-14

    /** x after each of three steps of [spec], and the run's gradient evaluations. */
    fun threeSteps(spec: String): Pair<List<List<Double>>, Long> {
        val x = doubleArrayOf(1.0, 1.0)
        val run = Optimizers.parse(spec).start(2)
        val points = List(3) { run.step(bowl, x); x.toList() }
        return points to run.evaluations().gradients()
    }

    /** The strong Wolfe conditions (c1 = 1e-4, c2 = 0.9) at alpha = 1 along d from x. */
    fun unitStepIsWolfe(x: List<Double>, d: List<Double>): Boolean {
        val slope = dot(g(x), d)
        return f(x + d) <= f(x) + 1e-4 * slope && abs(dot(g(x + d), d)) <= 0.9 * abs(slope)
    }

    // step 1, common to both: no pair yet, d0 = -g0 / |g0| = -(2, 20) / sqrt(404) = (-0.0995, -0.9950), a unit step
    val x0 = listOf(1.0, 1.0)
    val d0 = (-1 / sqrt(404.0)) * g(x0)
    val x1 = x0 + d0                                   // (0.9005, 0.004963)
    // step 2, common to both: s0 = d0, y0 = A s0 = (-0.1990, -19.901), s0'y0 = 19.822, y0'y0 = 396.08,
    // gamma0 = s0'y0 / y0'y0 = 0.050045, H1 = update of gamma0 I by (s0, y0); d1 = -H1 g1 = (-0.09220, -0.01305)
    val s0 = x1 - x0
    val y0 = g(x1) - g(x0)
    val h1 = bfgsUpdate(identity(dot(s0, y0) / dot(y0, y0)), s0, y0)
    val d1 = -1.0 * (h1 * g(x1))
    val x2 = x1 + d1                                   // (0.8083, -0.008083)
    val s1 = x2 - x1
    val y1 = g(x2) - g(x1)

    test("the premises: y = A s, and alpha = 1 is a strong Wolfe step at each of the three steps") {
        y0[0] shouldBe (2 * s0[0] plusOrMinus 1e-15)
        y0[1] shouldBe (20 * s0[1] plusOrMinus 1e-14)
        d1[0] shouldBe (-0.09219549 plusOrMinus 1e-8)
        d1[1] shouldBe (-0.01304582 plusOrMinus 1e-8)
        unitStepIsWolfe(x0, d0) shouldBe true
        unitStepIsWolfe(x1, d1) shouldBe true
    }

    test("L-BFGS: two-loop recursion with gamma = s'y / y'y of the newest pair") {
        // step 3: pairs (s0, y0) and (s1, y1); H0 = gamma1 I with gamma1 = s1'y1 / y1'y1 (N&W eq. 7.20), then the
        // older pair, then the newer: H2 = update(update(gamma1 I, s0, y0), s1, y1); d2 = -H2 g2 = (-0.7918, -0.003547)
        val h2 = bfgsUpdate(bfgsUpdate(identity(dot(s1, y1) / dot(y1, y1)), s0, y0), s1, y1)
        val d2 = -1.0 * (h2 * g(x2))
        d2[0] shouldBe (-0.79184446 plusOrMinus 1e-8)
        unitStepIsWolfe(x2, d2) shouldBe true
        val x3 = x2 + d2                               // (0.01646, -0.01163)
        val (points, gradients) = threeSteps("lbfgs()")
        for ((actual, expected) in points.zip(listOf(x1, x2, x3))) {
            actual[0] shouldBe (expected[0] plusOrMinus tolerance)
            actual[1] shouldBe (expected[1] plusOrMinus tolerance)
        }
        // the evaluation at x0, then one trial per step, each reused by the next step
        gradients shouldBe 4L
    }

    test("L-BFGS with memory 1 forgets the older pair") {
        // step 3 with m = 1: H2 = update(gamma1 I, s1, y1) alone, d2 = -H2 g2 = (-1.1544, 0.2527). Now the unit step
        // fails sufficient decrease (f rises from 0.6540 to 0.7182), so the search zooms on [0, 1], where the cubic,
        // exact on a quadratic, gives alpha* = -g2'd2 / d2'A d2 = 0.4837, inside the safeguarded [0.1, 0.9]
        val d2 = -1.0 * (bfgsUpdate(identity(dot(s1, y1) / dot(y1, y1)), s1, y1) * g(x2))
        d2[0] shouldBe (-1.15443741 plusOrMinus 1e-8)
        unitStepIsWolfe(x2, d2) shouldBe false
        val alpha = -dot(g(x2), d2) / (2 * d2[0] * d2[0] + 20 * d2[1] * d2[1])
        alpha shouldBe (0.48372140 plusOrMinus 1e-8)
        val x3 = x2 + alpha * d2
        val (points, gradients) = threeSteps("lbfgs(memory=1)")
        points[1][0] shouldBe (x2[0] plusOrMinus tolerance)
        points[2][0] shouldBe (x3[0] plusOrMinus tolerance)
        points[2][1] shouldBe (x3[1] plusOrMinus tolerance)
        gradients shouldBe 5L
    }

    test("BFGS: dense update, H0 = (y's / y'y) I from the first pair only (N&W eq. 6.20)") {
        // step 3: H2 = update(H1, s1, y1), keeping gamma0 of the first pair; d2 = -H2 g2 = (-0.7835, -0.009441)
        val d2 = -1.0 * (bfgsUpdate(h1, s1, y1) * g(x2))
        d2[0] shouldBe (-0.78350428 plusOrMinus 1e-8)
        unitStepIsWolfe(x2, d2) shouldBe true
        val x3 = x2 + d2                               // (0.02480, -0.01752)
        val (points, gradients) = threeSteps("bfgs()")
        for ((actual, expected) in points.zip(listOf(x1, x2, x3))) {
            actual[0] shouldBe (expected[0] plusOrMinus tolerance)
            actual[1] shouldBe (expected[1] plusOrMinus tolerance)
        }
        gradients shouldBe 4L
    }

    test("with backtracking instead of Wolfe the unit steps are the same, found with values alone") {
        // each unit step meets sufficient decrease at once: one value per step; the gradient at each new point is
        // then evaluated by the next step (4 gradients with the one at x0, the last at x3 not needed)
        for (spec in listOf("lbfgs(linesearch=backtracking)", "bfgs(linesearch=backtracking)")) {
            val x = doubleArrayOf(1.0, 1.0)
            val run = Optimizers.parse(spec).start(2)
            repeat(2) { run.step(bowl, x) }
            x[0] shouldBe (x2[0] plusOrMinus tolerance)
            x[1] shouldBe (x2[1] plusOrMinus tolerance)
            run.evaluations().values() shouldBe 2L
            run.evaluations().gradients() shouldBe 2L
        }
    }

    test("a pair without positive curvature is skipped: on a concave stretch L-BFGS keeps its unit steepest step") {
        // f = -x^2 - y^2 has y = -2 s: s'y < 0, so no pair is kept and every direction is -g / |g|
        val hill = Expr.parse("-(x^2) - y^2").compile("x", "y")
        val x = doubleArrayOf(1.0, 0.0)
        val run = Optimizers.parse("lbfgs(linesearch=backtracking)").start(2)
        run.step(hill, x)      // g = (-2, 0), d = -g / |g| = (1, 0): x = (2, 0), f falls from -1 to -4
        x.toList() shouldBe listOf(2.0, 0.0)
        run.step(hill, x)      // s = (1, 0), y = (-2, 0): s'y = -2 < 0, skipped; again a unit step: x = (3, 0)
        x.toList() shouldBe listOf(3.0, 0.0)
        run.save().lines().single { it.startsWith("buffer 0 history") } shouldBe "buffer 0 history 0x0.0p0 0x0.0p0 0x1.0p0"
    }
})
