package dev.fluxion.optimizers.linesearch

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.OptimizerException
import dev.fluxion.optimizers.Optimizers
import dev.fluxion.optimizers.square
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/**
 * The line searches' first three steps on f = x^2 + 10 y^2 (g = (2x, 20y), Hessian A = diag(2, 20)) from (1, 1),
 * worked by hand, and what they do with a direction that is not a descent direction, a zero gradient, and a budget
 * that runs out.
 */
class LineSearchSpec : FunSpec({
    val bowl = Expr.parse("x^2 + 10*y^2").compile("x", "y")

    /** x after each of [steps] steps of [spec] on [f] from [start], and the run's evaluations (values, gradients). */
    fun steps(spec: String, f: Objective, vararg start: Double, steps: Int = 3): Pair<List<List<Double>>, Pair<Long, Long>> {
        val x = start.copyOf()
        val run = Optimizers.parse(spec).start(x.size)
        val points = List(steps) { run.step(f, x); x.toList() }
        return points to (run.evaluations().values() to run.evaluations().gradients())
    }

    test("backtracking (Armijo): halve alpha from 1 until f(x - alpha g) <= f(x) - 1e-4 alpha |g|^2") {
        // alone, the incoming direction is g itself, not a descent direction, so the search is along d = -g.
        // step 1, x = (1, 1), f = 11, g = (2, 20), |g|^2 = 404: alpha = 1, 1/2, 1/4, 1/8 give (-1, -19), (0, -9),
        //   (0.5, -4), (0.75, -1.5) with f = 3611, 810, 160.25, 23.0625, all above 11; alpha = 1/16 gives (0.875, -0.25),
        //   f = 0.765625 + 0.625 = 1.390625 <= 11 - 1e-4/16 * 404: five values.
        // step 2, g = (1.75, -5): alpha = 1 ... 1/8 give f = 226.39, 50.625, 10.19, 1.837 > 1.390625; alpha = 1/16
        //   gives (0.765625, 0.0625), f = 0.586181640625 + 0.0390625 = 0.625244140625: five values.
        // step 3, g = (1.53125, 1.25): alpha = 1, 1/2, 1/4 give f = 14.69, 3.164, 0.7715 > 0.6252; alpha = 1/8 gives
        //   (0.57421875, -0.09375), f = 0.4176: four values. Every number here is a short binary fraction: exact.
        val (points, counts) = steps("backtracking()", bowl, 1.0, 1.0)
        points shouldBe listOf(listOf(0.875, -0.25), listOf(0.765625, 0.0625), listOf(0.57421875, -0.09375))
        // 14 values; one gradient per step at its start, since no trial computed a gradient
        counts shouldBe (14L to 3L)
        // after a direction that is a descent direction, d = -g from gd(lr=1), the same search
        steps("chain(gd(lr=1), backtracking())", bowl, 1.0, 1.0) shouldBe (points to counts)
    }

    test("strong Wolfe along -g on a quadratic: the zoom's cubic is exact, so each step minimizes f along -g") {
        // along d = -g, phi(a) = f - a |g|^2 + a^2 g'Ag / 2, minimized at a* = |g|^2 / g'Ag, where phi'(a*) = 0 meets
        // the curvature condition.
        // step 1: a = 1 gives phi = 3611 > 11: zoom on [0, 1]. The cubic through phi(0) = 11, phi'(0) = -404,
        //   phi(1) = 3611, phi'(1) = 7604 is phi itself, with minimum a* = 404/8008 = 0.0504; it lies within a tenth of
        //   the bracket of 0, so the safeguard tries 0.1: phi(0.1) = 10.64 (sufficient decrease) but phi'(0.1) = 396.8 >
        //   0.9 * 404, and > 0, so the bracket becomes [0.1, 0]; its cubic gives a* again, now inside: accepted.
        //   Three evaluations.
        // step 2, x1 = (0.8991, -0.008991): a = 1 fails (phi = 1.100 > 0.809), and a* = 0.4591 is inside [0.1, 0.9]:
        //   two evaluations. Step 3, x2 = (0.07356, 0.07356): like step 1, a* = 0.0504: three evaluations.
        val (points, counts) = steps("wolfe()", bowl, 1.0, 1.0)
        var x = doubleArrayOf(1.0, 1.0)
        for (point in points) {
            val g = doubleArrayOf(2 * x[0], 20 * x[1])
            val exact = (g[0] * g[0] + g[1] * g[1]) / (2 * g[0] * g[0] + 20 * g[1] * g[1])
            x = doubleArrayOf(x[0] - exact * g[0], x[1] - exact * g[1])
            point[0] shouldBe (x[0] plusOrMinus 1e-14)
            point[1] shouldBe (x[1] plusOrMinus 1e-14)
        }
        points[0][0] shouldBe (1 - 2 * 404.0 / 8008 plusOrMinus 1e-15)
        // the first step's evaluation at x0, then 3 + 2 + 3 trials with gradients; every accepted point was the
        // last evaluated, so steps 2 and 3 reused it instead of evaluating again
        counts shouldBe (0L to 9L)
    }

    test("Hager-Zhang along -g on a quadratic: phi' is linear, so the first secant step is exact") {
        // step 1: c = 1 gives phi'(1) = 7604 >= 0 (neither T1 nor T2: phi(1) = 3611 is far above phi(0) = 11), so the
        //   bracket is [0, 1] at once (B1). The secant of phi' on it, (0 * 7604 - 1 * (-404)) / (7604 + 404) = 404/8008,
        //   is phi's exact minimizer a*, where phi(a*) - phi(0) = -a* 404 / 2 <= 0.1 a* (-404) and phi'(a*) = 0 >=
        //   0.9 phi'(0): T1 holds, accepted. Two evaluations per step, the same a* each step as the exact search.
        val (points, counts) = steps("hagerZhang()", bowl, 1.0, 1.0)
        var x = doubleArrayOf(1.0, 1.0)
        for (point in points) {
            val g = doubleArrayOf(2 * x[0], 20 * x[1])
            val exact = (g[0] * g[0] + g[1] * g[1]) / (2 * g[0] * g[0] + 20 * g[1] * g[1])
            x = doubleArrayOf(x[0] - exact * g[0], x[1] - exact * g[1])
            point[0] shouldBe (x[0] plusOrMinus 1e-14)
            point[1] shouldBe (x[1] plusOrMinus 1e-14)
        }
        counts shouldBe (0L to 7L)
    }

    test("Hager-Zhang expands the bracket by rho = 5 while phi falls, then takes the secant step") {
        // f = x^2 from 1 along d = -2: phi(a) = (1 - 2a)^2, phi'(a) = -4 (1 - 2a). From c = 0.01:
        // with c2 = 0.8 the curvature condition needs phi' >= -3.2, that is a >= 0.1. phi'(0.01) = -3.92 and
        //   phi'(0.05) = -3.6 fail it while phi stays low, so c grows by 5 (B3) to 0.25, where phi' = -2 passes and
        //   phi(0.25) - 1 = -0.75 <= 0.1 * 0.25 * -4 (T1): x = 1 - 0.5 = 0.5, three trials.
        val (points, counts) = steps("hagerZhang(init=0.01, c2=0.8)", square, 1.0, steps = 1)
        points.single().single() shouldBe 0.5
        counts shouldBe (0L to 4L)
        // with c2 = 0.4 it needs a >= 0.3: 0.25 fails (phi' = -2 < -1.6), 1.25 has phi' = 6 >= 0 and phi = 2.25 > 1:
        //   the bracket is [0.25, 1.25] (B1), and its secant (0.25 * 6 - 1.25 * -2) / (6 + 2) = 0.5 is exact: x = 0
        val (further, furtherCounts) = steps("hagerZhang(init=0.01, c2=0.4)", square, 1.0, steps = 1)
        further.single().single() shouldBe 0.0
        furtherCounts shouldBe (0L to 6L)
    }

    test("strong Wolfe extrapolates while phi still falls steeply: cubic steps kept in [a + 1.1 w, a + 4 w]") {
        // f = x^2 from x = 1 along d = -2: phi(a) = (1 - 2a)^2, phi'(a) = -4 (1 - 2a). With c2 = 0.1 and a1 = 0.05:
        // phi(0.05) = 0.81 and phi'(0.05) = -3.6, still steeper than 0.1 * 4: extrapolate. The cubic through a = 0 and
        // 0.05 is phi, minimum 0.5, beyond 0.05 + 4 * 0.05 = 0.25: a2 = 0.25, phi' = -2. The cubic through 0.05 and
        // 0.25 gives 0.5 again, inside [0.25 + 1.1 * 0.2, 0.25 + 4 * 0.2] = [0.47, 1.05]: a3 = 0.5, phi' = 0, accepted.
        val (points, counts) = steps("wolfe(c2=0.1, init=0.05)", square, 1.0, steps = 1)
        points.single().single() shouldBe (0.0 plusOrMinus 1e-14)   // 1 - 2 a3, a3 = 0.5 up to the cubic's rounding
        counts shouldBe (0L to 4L)
    }

    test("Polyak's step: alpha = (f - f*) / |g|^2 along -g, no evaluations") {
        // step 1: f = 11, |g|^2 = 404: x1 = (1, 1) - 11/404 (2, 20)
        // then the same formula at x1 and x2, written out below
        val (points, counts) = steps("polyak(fStar=0)", bowl, 1.0, 1.0)
        var x = doubleArrayOf(1.0, 1.0)
        for (point in points) {
            val g = doubleArrayOf(2 * x[0], 20 * x[1])
            val f = x[0] * x[0] + 10 * x[1] * x[1]
            val alpha = f / (g[0] * g[0] + g[1] * g[1])
            x = doubleArrayOf(x[0] - alpha * g[0], x[1] - alpha * g[1])
            point[0] shouldBe (x[0] plusOrMinus 1e-15)
            point[1] shouldBe (x[1] plusOrMinus 1e-15)
        }
        points[0][0] shouldBe (1 - 22.0 / 404 plusOrMinus 1e-15)
        counts shouldBe (0L to 3L)
        // with f* = f(x) or above, the step is 0
        steps("polyak(fStar=20)", bowl, 1.0, 1.0, steps = 1).first shouldBe listOf(listOf(1.0, 1.0))
    }

    test("Polyak's f* comes from the objective's facts when it states one, unless fromFacts=false") {
        // f = (x - 1)^2 + 3, stating f* = 3, from x = 3: f = 7, g = 4. With the facts' f* = 3 the gap is 4 and
        // alpha = 4/16, so x1 = 3 - 1 = 2; with fStar = 0 alone the gap is 7 and x1 = 3 - 7/4 = 1.25
        val compiled = dev.fluxion.dsl.expr.Expr.parse("(x - 1)^2 + 3").compile("x")
        val stated = object : dev.fluxion.dsl.Objective by compiled {
            override fun minimum() = java.util.OptionalDouble.of(3.0)
        }
        fun firstStep(spec: String, objective: dev.fluxion.dsl.Objective): Double {
            val x = doubleArrayOf(3.0)
            dev.fluxion.optimizers.Optimizers.parse(spec).start(1).step(objective, x)
            return x[0]
        }
        firstStep("polyak()", stated) shouldBe 2.0
        firstStep("polyak(fStar=0, fromFacts=false)", stated) shouldBe 1.25
        firstStep("polyak(fStar=0)", compiled) shouldBe 1.25 // no facts: fStar
    }

    test("the quadratic guess starts with a unit step, then tries min(init, 1.01 * 2 (f_k - f_k-1) / phi'(0))") {
        // backtracking(guess=quadratic, init=100) on x^2 + 10 y^2 from (1, 1).
        // step 1: no f_k-1, so a0 = min(100, 1/|g|) = 1/sqrt(404): the trial x - g/|g| = (0.9005, 0.004963) has
        //   f = 0.8111 < 11, accepted: one value.
        // step 2: f1 = 0.81114, |g1|^2 = 3.25343, a0 = 1.01 * 2 (0.81114 - 11) / -3.25343 = 6.3261; the trials a0,
        //   a0/2, a0/4 give f = 113.98, 23.96, 4.025, all above f1; a0/8 = 0.7908 gives f = 0.3283: four values.
        val x = doubleArrayOf(1.0, 1.0)
        val run = Optimizers.parse("backtracking(guess=quadratic, init=100)").start(2)
        run.step(bowl, x)
        val norm = Math.sqrt(404.0)
        x[0] shouldBe (1 - 2 / norm plusOrMinus 1e-15)
        x[1] shouldBe (1 - 20 / norm plusOrMinus 1e-15)
        run.evaluations().values() shouldBe 1L
        val f1 = x[0] * x[0] + 10 * x[1] * x[1]
        val g1 = doubleArrayOf(2 * x[0], 20 * x[1])
        val a0 = 1.01 * 2 * (f1 - 11) / -(g1[0] * g1[0] + g1[1] * g1[1])
        a0 shouldBe (6.3261 plusOrMinus 1e-4)
        val expected = doubleArrayOf(x[0] - a0 / 8 * g1[0], x[1] - a0 / 8 * g1[1])
        run.step(bowl, x)
        x[0] shouldBe (expected[0] plusOrMinus 1e-15)
        x[1] shouldBe (expected[1] plusOrMinus 1e-15)
        run.evaluations().values() shouldBe 5L
        // with the default cap init = 1, step 2 tries 1 (f = 0.8999 > f1), then 1/2
        val capped = doubleArrayOf(1.0, 1.0)
        val cappedRun = Optimizers.parse("backtracking(guess=quadratic)").start(2)
        cappedRun.step(bowl, capped)
        cappedRun.step(bowl, capped)
        capped[0] shouldBe (x[0] + a0 / 8 * g1[0] - 0.5 * g1[0] plusOrMinus 1e-15)
        cappedRun.evaluations().values() shouldBe 3L
    }

    test("a zero gradient gives a zero step and evaluates nothing") {
        for (spec in listOf("backtracking()", "wolfe()", "hagerZhang()", "polyak()", "lbfgs()", "bfgs()", "cg()")) {
            val x = doubleArrayOf(0.0, 0.0)
            val run = Optimizers.parse(spec).start(2)
            run.step(bowl, x)
            x.toList() shouldBe listOf(0.0, 0.0)
            run.evaluations().values() shouldBe 0L
            run.evaluations().gradients() shouldBe 1L
        }
    }

    test("a search that finds no acceptable step in its budget fails, naming itself and the step; x stays") {
        // f = -x is unbounded below: every trial along -g = 1 decreases f at the same rate, the curvature condition
        // never holds, and the extrapolation runs until the budget is spent
        val line = Expr.parse("-x").compile("x")
        val x = doubleArrayOf(2.0)
        val run = Optimizers.parse("wolfe(maxEvals=5)").start(1)
        val error = shouldThrow<OptimizerException> { run.step(line, x) }
        error.message!! shouldContain "wolfe: no acceptable step at step 0 after 5 evaluations"
        error.message!! shouldContain "maxEvals = 5"
        error.step() shouldBe 0L
        x.toList() shouldBe listOf(2.0)
        run.steps() shouldBe 0L

        // a gradient of the wrong sign: along -g the values rise, and Armijo's rule halves alpha until the budget ends
        val wrong = object : Objective {
            override fun dimension() = 1
            override fun value(x: DoubleArray) = x[0] * x[0]
            override fun valueAndGradient(x: DoubleArray, gradient: DoubleArray): Double {
                gradient[0] = -2 * x[0]
                return x[0] * x[0]
            }
        }
        val y = doubleArrayOf(1.0)
        val backtracking = Optimizers.parse("backtracking(maxEvals=30)").start(1)
        shouldThrow<OptimizerException> { backtracking.step(wrong, y) }.message!! shouldContain
            "backtracking: no acceptable step at step 0 after 30 evaluations"
        backtracking.evaluations().values() shouldBe 30L
        y.toList() shouldBe listOf(1.0)
    }

    test("Wolfe constants out of order are refused with both values") {
        shouldThrow<OptimizerException> { Optimizers.parse("wolfe(c1=0.5, c2=0.4)") }.message!! shouldContain
            "wolfe needs 0 < c1 < c2 < 1, got c1 = 0.5, c2 = 0.4"
        shouldThrow<OptimizerException> { Optimizers.parse("lbfgs(c1=0.95)") }.message!! shouldContain
            "lbfgs needs c1 < c2 for its Wolfe line search, got c1 = 0.95, c2 = 0.9"
        shouldThrow<OptimizerException> { Optimizers.parse("wolfe(c2=1)") }.message!! shouldContain "c2"
    }
})
