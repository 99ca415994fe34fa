package dev.fluxion.dsl.calculus

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.formula
import dev.fluxion.dsl.point
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeBetween
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.abs
import kotlin.math.cbrt
import kotlin.math.cos
import kotlin.math.log10
import kotlin.math.pow
import kotlin.math.sin
import kotlin.math.sqrt

/** Least-squares slope of log10(error) against log10(h). */
private fun logLogSlope(steps: List<Double>, errors: List<Double>): Double {
    val u = steps.map { log10(it) }
    val v = errors.map { log10(it) }
    val uMean = u.average()
    val vMean = v.average()
    val covariance = u.indices.sumOf { (u[it] - uMean) * (v[it] - vMean) }
    val variance = u.sumOf { (it - uMean).pow(2) }
    return covariance / variance
}

class FiniteDifferenceSpec : FunSpec({
    val exact = cos(1.0) // d/dx sin x at x = 1
    val forwardError = { h: Double -> abs(FiniteDifference.forward(::sin, 1.0, h) - exact) }
    val centeredError = { h: Double -> abs(FiniteDifference.centered(::sin, 1.0, h) - exact) }

    test("in the truncation range the centered error falls as h^2 and the forward error as h") {
        val steps = (4..16).map { 10.0.pow(-it / 4.0) } // 1e-1 ... 1e-4
        val centeredSlope = logLogSlope(steps, steps.map(centeredError))
        val forwardSlope = logLogSlope(steps, steps.map(forwardError))
        println("log-log slope on sin at 1, h in [1e-4, 1e-1]: centered $centeredSlope, forward $forwardSlope")
        centeredSlope.shouldBeBetween(1.8, 2.2, 0.0)
        forwardSlope.shouldBeBetween(0.9, 1.1, 0.0)
    }

    test("the best step of a scan over 1e-1 ... 1e-15 lies within a factor 10 of the model's step") {
        val steps = (4..60).map { 10.0.pow(-it / 4.0) }
        val bestForward = steps.minBy(forwardError)
        val bestCentered = steps.minBy(centeredError)
        val eps = Math.ulp(1.0)
        println("best forward step $bestForward (model sqrt(eps) = ${sqrt(eps)}), "
                + "best centered step $bestCentered (model cbrt(eps) = ${cbrt(eps)})")
        (bestForward / StepSize.forward(1.0)).shouldBeBetween(0.1, 10.0, 0.0)
        (bestCentered / StepSize.centered(1.0)).shouldBeBetween(0.1, 10.0, 0.0)
    }

    test("backward and second differences on sin at 1") {
        FiniteDifference.backward(::sin, 1.0) shouldBe (exact plusOrMinus 1e-7)
        FiniteDifference.forward(::sin, 1.0) shouldBe (exact plusOrMinus 1e-7)
        FiniteDifference.centered(::sin, 1.0) shouldBe (exact plusOrMinus 1e-10)
        FiniteDifference.second(::sin, 1.0) shouldBe (-sin(1.0) plusOrMinus 1e-7)
    }

    test("gradient of x^2 y + sin(y) at (1, 2) is (2xy, x^2 + cos y) = (4, 1 + cos 2)") {
        val f = { v: DoubleArray -> v[0] * v[0] * v[1] + sin(v[1]) }
        val gradient = FiniteDifference.gradient(f, doubleArrayOf(1.0, 2.0))
        gradient[0] shouldBe (4.0 plusOrMinus 1e-9)
        gradient[1] shouldBe (1 + cos(2.0) plusOrMinus 1e-9)
        val expr = formula("x^2*y + sin(y)")
        val byExpr = FiniteDifference.gradient(expr, point("x" to 1.0, "y" to 2.0), listOf("x", "y"))
        byExpr[0] shouldBe (4.0 plusOrMinus 1e-9)
        byExpr[1] shouldBe (1 + cos(2.0) plusOrMinus 1e-9)
        FiniteDifference.partial(expr, point("x" to 1.0, "y" to 2.0), "y") shouldBe (1 + cos(2.0) plusOrMinus 1e-9)
    }

    test("bad steps and components are named") {
        shouldThrow<DslException> { FiniteDifference.centered(::sin, 1.0, 0.0) }.message shouldContain "h = 0.0"
        shouldThrow<DslException> { FiniteDifference.partial({ v: DoubleArray -> v[0] }, doubleArrayOf(1.0), 3) }
            .message shouldContain "component 3"
        shouldThrow<DslException> { FiniteDifference.partial(formula("x"), point("x" to 1.0), "z") }
            .message shouldContain "'z'"
    }
})
