package dev.fluxion.optimizers.trustregion

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.Optimizers
import dev.fluxion.optimizers.OptimizerState
import dev.fluxion.optimizers.OptimizerException
import dev.fluxion.optimizers.textMessage
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.min
import kotlin.math.sqrt

private typealias Vector = List<Double>

private fun dot(a: Vector, b: Vector) = a[0] * b[0] + a[1] * b[1]
private fun norm(a: Vector) = sqrt(dot(a, a))
private operator fun Vector.plus(b: Vector) = listOf(this[0] + b[0], this[1] + b[1])
private operator fun Vector.minus(b: Vector) = listOf(this[0] - b[0], this[1] - b[1])
private operator fun Double.times(v: Vector) = v.map { this * it }

/** The radius Delta a run holds now: its one saved buffer, read from the saved text. */
private fun OptimizerState.radius(): Double =
    java.lang.Double.parseDouble(save().lines().single { it.startsWith("buffer 0 radius ") }.split(" ")[3])

/** A diagonal Hessian diag(h0, h1), as the two problems below have. */
private class Diagonal(val h0: Double, val h1: Double) {
    operator fun times(v: Vector) = listOf(h0 * v[0], h1 * v[1])
    /** The model's decrease m(0) - m(p) = -(g'p + p'H p / 2). */
    fun predicted(g: Vector, p: Vector) = -(dot(g, p) + 0.5 * dot(p, this * p))
}

/**
 * Trust-region Newton's first three steps worked by hand (Nocedal and Wright, Algorithm 4.1: rho < 1/4 shrinks the
 * radius to a quarter, rho > 3/4 with the step on the boundary doubles it, rho > eta = 0.15 accepts) with plain
 * doubles, on a convex quadratic, where the model is f itself and rho = 1, and on a double well whose Hessian is
 * indefinite at the start, where the first step is rejected.
 */
class TrustRegionFirstStepsSpec : FunSpec({
    val tolerance = 1e-14

    /** x after each of three steps of [spec] from [start], and the run. */
    fun threeSteps(spec: String, f: dev.fluxion.dsl.Objective, start: Vector): Pair<List<Vector>, OptimizerState> {
        val x = start.toDoubleArray()
        val run = Optimizers.parse(spec).start(2)
        val points = List(3) { run.step(f, x); x.toList() }
        return points to run
    }

    fun shouldBeNear(actual: List<Vector>, expected: List<Vector>) {
        for ((a, e) in actual.zip(expected)) {
            a[0] shouldBe (e[0] plusOrMinus tolerance)
            a[1] shouldBe (e[1] plusOrMinus tolerance)
        }
    }

    // f = x^2 + 10 y^2, g = (2x, 20y), H = diag(2, 20), from (1, 1), Delta_0 = 1
    val bowl = Expr.parse("x^2 + 10*y^2").compile("x", "y")
    val bowlHessian = Diagonal(2.0, 20.0)
    fun bowlGradient(x: Vector) = bowlHessian * x

    test("steihaug on x^2 + 10 y^2: the first CG iterate leaves the region, then two steps of one CG iteration each") {
        val x0 = listOf(1.0, 1.0)
        // step 1: d = -g0 = -(2, 20), alpha = g'g / g'Hg = 404 / 8008; ||alpha d|| = 404^1.5 / 8008 = 1.0140 >= 1,
        // so p0 = -g0 / ||g0|| on the boundary; on a quadratic rho = 1 > 3/4: accepted and Delta = 2
        val g0 = bowlGradient(x0)
        val alpha0 = dot(g0, g0) / dot(g0, bowlHessian * g0)
        (alpha0 * norm(g0)) shouldBeGreaterThan 1.0
        val x1 = x0 + (-1 / norm(g0)) * g0                       // (0.9005, 0.004963)
        // step 2: ||g1|| = 1.804, epsilon = min(0.5, sqrt ||g1||) ||g1|| = 0.902; one CG iteration z = -alpha g1
        // stays inside Delta = 2 and leaves the residual r = g1 - alpha H g1 with ||r|| = 0.868 < epsilon: p1 = z,
        // inside, so Delta stays 2
        val g1 = bowlGradient(x1)
        val alpha1 = dot(g1, g1) / dot(g1, bowlHessian * g1)
        val epsilon1 = min(0.5, sqrt(norm(g1))) * norm(g1)
        (alpha1 * norm(g1)) shouldBeLessThan 2.0
        norm(g1 - alpha1 * (bowlHessian * g1)) shouldBeLessThan epsilon1
        val x2 = x1 + (-alpha1) * g1                             // (0.02389, -0.04335)
        // step 3: the same again: one CG iteration inside, ||r|| = 0.0431 < epsilon = 0.434
        val g2 = bowlGradient(x2)
        val alpha2 = dot(g2, g2) / dot(g2, bowlHessian * g2)
        (alpha2 * norm(g2)) shouldBeLessThan 2.0
        norm(g2 - alpha2 * (bowlHessian * g2)) shouldBeLessThan min(0.5, sqrt(norm(g2))) * norm(g2)
        val x3 = x2 + (-alpha2) * g2
        x3[0] shouldBe (0.021495 plusOrMinus 1e-6)

        val (points, run) = threeSteps("newton-tr()", bowl, x0)
        shouldBeNear(points, listOf(x1, x2, x3))
        run.radius() shouldBe 2.0
        // f and g at x0, then one trial per step, each reused by the next; a Hessian per step
        run.evaluations().gradients() shouldBe 4L
        run.evaluations().hessians() shouldBe 3L
        run.evaluations().values() shouldBe 0L
    }

    test("dogleg on x^2 + 10 y^2 from Delta_0 = 1.2: the dogleg's second leg, then the Newton point inside") {
        val x0 = listOf(1.0, 1.0)
        // step 1: p_B = -H^-1 g0 = (-1, -1), ||p_B|| = 1.414 > 1.2; p_U = -(g'g / g'Hg) g0, ||p_U|| = 1.0140 < 1.2:
        // p0 = p_U + s (p_B - p_U) with ||p0|| = 1.2, s the positive root of a s^2 + b s + c = 0
        val g0 = bowlGradient(x0)
        val pB = listOf(-1.0, -1.0)
        val pU = (-dot(g0, g0) / dot(g0, bowlHessian * g0)) * g0
        norm(pB) shouldBeGreaterThan 1.2
        norm(pU) shouldBeLessThan 1.2
        val leg = pB - pU
        val a = dot(leg, leg)
        val b = 2 * dot(pU, leg)
        val c = dot(pU, pU) - 1.2 * 1.2
        val s = (-b + sqrt(b * b - 4 * a * c)) / (2 * a)
        val p0 = pU + s * leg
        norm(p0) shouldBe (1.2 plusOrMinus 1e-15)
        // rho = 1 on the boundary: accepted, Delta = 2.4
        val x1 = x0 + p0
        // step 2: the Newton point -x1 (x1 = (0.3419, -0.003419), s = 0.6198) has norm 0.342 < 2.4: x2 = x1 - x1 = 0,
        // the minimizer; Delta stays 2.4;
        // step 3 starts at g = 0 (up to rounding) and stays there
        norm(x1) shouldBeLessThan 2.4

        val (points, run) = threeSteps("newton-tr(method=dogleg, radius=1.2)", bowl, x0)
        points[0][0] shouldBe (x1[0] plusOrMinus tolerance)
        points[0][1] shouldBe (x1[1] plusOrMinus tolerance)
        points[1][0] shouldBe (0.0 plusOrMinus 1e-15)
        points[1][1] shouldBe (0.0 plusOrMinus 1e-15)
        points[2][0] shouldBe (0.0 plusOrMinus 1e-15)
        run.radius() shouldBe 2.4
    }

    // the double well f = x^2/2 + y^4/4 - y^2/2: g = (x, y^3 - y), H = diag(1, 3 y^2 - 1), minima at (0, +-1);
    // from (0.1, 0.5), H = diag(1, -0.25) is indefinite and g'Hg = 0.01 - 0.25 * 0.140625 < 0
    val well = Expr.parse("x^2/2 + y^4/4 - y^2/2").compile("x", "y")
    fun wellValue(x: Vector) = x[0] * x[0] / 2 + x[1] * x[1] * x[1] * x[1] / 4 - x[1] * x[1] / 2
    fun wellGradient(x: Vector) = listOf(x[0], x[1] * x[1] * x[1] - x[1])
    fun wellHessian(x: Vector) = Diagonal(1.0, 3 * x[1] * x[1] - 1)

    /**
     * The three steps both methods take on the double well: along -g to the boundary each time, by negative curvature
     * (steihaug) or the Cauchy point (dogleg) first, rejected, then accepted at a quarter of the radius, then rejected.
     */
    fun wellSteps(): List<Vector> {
        val x0 = listOf(0.1, 0.5)
        val g0 = wellGradient(x0)
        val h0 = wellHessian(x0)
        dot(g0, h0 * g0) shouldBeLessThan 0.0
        // step 1: p = -Delta g / ||g|| with Delta = 1 (steihaug: d'Hd < 0 at the first CG iteration, and of the two
        // boundary points +-Delta d / ||d|| the one along d lowers the model by Delta ||g|| more; dogleg: H has no
        // Cholesky factor, and the Cauchy point's tau = 1 since g'Hg <= 0). f rises from -0.1044 to 0.0930: rho < 0,
        // rejected, Delta = 1/4
        val p0 = (-1.0 / norm(g0)) * g0
        val rho0 = (wellValue(x0) - wellValue(x0 + p0)) / h0.predicted(g0, p0)
        rho0 shouldBeLessThan 0.0
        // step 2: from the same x, the same step at Delta = 1/4: rho = 0.922 > 3/4 on the boundary: accepted,
        // Delta = 1/2
        val p1 = (-0.25 / norm(g0)) * g0
        val rho1 = (wellValue(x0) - wellValue(x0 + p1)) / h0.predicted(g0, p1)
        rho1 shouldBe (0.922 plusOrMinus 1e-3)
        val x2 = x0 + p1                                         // (0.03558, 0.7416)
        // step 3: H = diag(1, 0.65) is positive definite now. Steihaug: the first CG iterate -alpha g has norm
        // 0.5135 >= 1/2; dogleg: ||p_B|| = 0.5149 > 1/2 and ||p_U|| = 0.5135 >= 1/2. Both take p = -g / (2 ||g||),
        // which overshoots the well's bottom at y = 1 (y = 1.24): f rises, rho = -0.236 < eta, rejected, Delta = 1/8
        val g2 = wellGradient(x2)
        val h2 = wellHessian(x2)
        val alpha2 = dot(g2, g2) / dot(g2, h2 * g2)
        (alpha2 * norm(g2)) shouldBeGreaterThan 0.5
        norm(listOf(g2[0] / h2.h0, g2[1] / h2.h1)) shouldBeGreaterThan 0.5
        val p2 = (-0.5 / norm(g2)) * g2
        val rho2 = (wellValue(x2) - wellValue(x2 + p2)) / h2.predicted(g2, p2)
        rho2 shouldBe (-0.2356 plusOrMinus 1e-4)
        return listOf(x0, x2, x2)
    }

    for (method in listOf("steihaug", "dogleg")) {
        test("$method on the double well: indefinite H, the step rejected, then accepted at a quarter of the radius") {
            val expected = wellSteps()
            val (points, run) = threeSteps("newton-tr(method=$method)", well, expected[0])
            // the rejected step leaves x exactly where it was
            points[0] shouldBe expected[0]
            shouldBeNear(points.drop(1), expected.drop(1))
            // f and g at x0, the rejected trial, f and g at x0 again, the accepted trial (reused), the third trial;
            // the Hessian at x0 once (kept for the retry from the same point), then at x2
            run.evaluations().gradients() shouldBe 5L
            run.evaluations().hessians() shouldBe 2L
            run.radius() shouldBe 0.125
        }
    }

    test("bad hyperparameters and an objective without a Hessian are refused with a sentence that names them") {
        val etaOutOfRange = "newton-tr: hyperparameter eta = 0.3 is out of range; eta must be a real number in [0, 0.25)"
        shouldThrow<OptimizerException> { Optimizers.newtonTr().eta(0.3) }.message shouldBe etaOutOfRange
        textMessage("newton-tr(eta=0.3)") shouldBe etaOutOfRange
        shouldThrow<OptimizerException> { Optimizers.parse("newton-tr(radius=2000)") }.message shouldBe
            "newton-tr needs radius < maxRadius, got radius = 2000.0, maxRadius = 1000.0"
        shouldThrow<OptimizerException> { Optimizers.trustRegion().radius(5.0).maxRadius(2.0) }.message shouldBe
            "trustRegion needs radius < maxRadius, got radius = 5.0, maxRadius = 2.0"
        shouldThrow<OptimizerException> { Optimizers.parse("newton-tr(method=exact)") }.message!! shouldContain
            "method = exact (column 18) is not an allowed choice; method must be one of steihaug|dogleg"
        // an objective that gives values and gradients only
        val noHessian = object : dev.fluxion.dsl.Objective {
            override fun dimension() = 2
            override fun value(x: DoubleArray) = bowl.value(x)
            override fun valueAndGradient(x: DoubleArray, gradient: DoubleArray) = bowl.valueAndGradient(x, gradient)
            override fun variableNames(): List<String> = bowl.variableNames()
        }
        shouldThrow<OptimizerException> { Optimizers.newtonTr().start(2).step(noHessian, doubleArrayOf(1.0, 1.0)) }
            .message!! shouldContain "trustRegion needs the objective's Hessian"
    }
})
