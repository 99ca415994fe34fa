package dev.fluxion.dsl.calculus

import dev.fluxion.dsl.DslException
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.abs
import kotlin.math.cbrt
import kotlin.math.exp
import kotlin.math.log10
import kotlin.math.pow
import kotlin.math.sqrt

class DifferenceErrorsSpec : FunSpec({
    // h = 1/2 ... 2^-10: (1 + h)^2 and (1 +- h)^3 are exact doubles, so the errors are the truncation errors exactly
    val steps = StepSize.powersOfTwo(-1, -10)

    test("the rules are FiniteDifference's: at x^2 forward is 2x + h, backward 2x - h, centered 2x exactly") {
        val square = { x: Double -> x * x }
        DifferenceRule.FORWARD.estimate(square, 3.0, 0.5) shouldBe 6.5
        DifferenceRule.BACKWARD.estimate(square, 3.0, 0.5) shouldBe 5.5
        DifferenceRule.CENTERED.estimate(square, 3.0, 0.5) shouldBe 6.0
        DifferenceRule.values().map { it.order() } shouldBe listOf(1, 1, 2)
    }

    test("forward on x^2 at 1 errs by exactly h (order 1), centered on x^3 by exactly h^2 (order 2)") {
        val forward = DifferenceErrors.at(DifferenceRule.FORWARD, { it * it }, { 2 * it }, 1.0, *steps)
        forward.errors().toList() shouldBe steps.toList()
        forward.order(0, steps.size) shouldBe (1.0 plusOrMinus 1e-12)
        val centered = DifferenceErrors.at(DifferenceRule.CENTERED, { it * it * it }, { 3 * it * it }, 1.0, *steps)
        centered.errors().toList() shouldBe steps.map { it * it }
        centered.order(0, steps.size) shouldBe (2.0 plusOrMinus 1e-12)
        centered.best() shouldBe steps.size - 1
        centered.bestStep() shouldBe 2.0.pow(-10)
        centered.bestError() shouldBe 2.0.pow(-20)
        centered.steps().toList() shouldBe steps.toList()
        centered.size() shouldBe steps.size
        centered.step(2) shouldBe 0.125
        centered.error(2) shouldBe 0.125 * 0.125
    }

    test("the mean over points is the mean of their errors: forward on x^2 at 1 and at 2 errs by h at both") {
        val mean = DifferenceErrors.meanOver(DifferenceRule.FORWARD, { it * it }, { 2 * it }, doubleArrayOf(1.0, 2.0), *steps)
        mean.errors().toList() shouldBe steps.toList()
        // backward on x^3 at 1: 3 - 3h + h^2, error 3h - h^2; at 2: 12 - 6h + h^2, error 6h - h^2; mean 4.5h - h^2
        val backward = DifferenceErrors.meanOver(DifferenceRule.BACKWARD, { it * it * it }, { 3 * it * it }, doubleArrayOf(1.0, 2.0), 0.5, 0.25)
        backward.errors().toList() shouldBe listOf(4.5 * 0.5 - 0.25, 4.5 * 0.25 - 0.0625)
    }

    test("exp at 1: the centered error is least within 10x of cbrt(eps), the mean forward error within 10x of 2 sqrt(eps)") {
        val grid = StepSize.powersOfTen(-1.0, -14.0, 4)
        val eps = Math.ulp(1.0)
        val centered = DifferenceErrors.at(DifferenceRule.CENTERED, ::exp, ::exp, 1.0, *grid)
        abs(log10(centered.step(centered.best()) / cbrt(eps))) shouldBeLessThan 1.0
        val points = DoubleArray(32) { 1 + it / 1024.0 }
        val forward = DifferenceErrors.meanOver(DifferenceRule.FORWARD, ::exp, ::exp, points, *grid)
        abs(log10(forward.step(forward.best()) / (2 * sqrt(eps)))) shouldBeLessThan 1.0
        // truncation regime: h from 0.1 to 0.001, orders 1 and 2 (e h / 2 and e h^2 / 6 plus smaller terms)
        forward.order(0, 9) shouldBe (1.0 plusOrMinus 0.05)
        centered.order(0, 9) shouldBe (2.0 plusOrMinus 0.05)
    }

    test("on ties the first step is best; a zero error has no order; bad input is named") {
        val exact = DifferenceErrors.at(DifferenceRule.CENTERED, { it * it }, { 2 * it }, 1.0, *steps)
        exact.best() shouldBe 0
        shouldThrow<DslException> { exact.order(0, 3) }.message shouldContain "finite and > 0"
        shouldThrow<DslException> { DifferenceErrors.meanOver(DifferenceRule.FORWARD, { it }, { 1.0 }, DoubleArray(0), 0.1) }
            .message shouldContain "at least one point"
        shouldThrow<DslException> { DifferenceErrors.at(DifferenceRule.FORWARD, { it }, { 1.0 }, 1.0, -0.1) }.message shouldContain "h = -0.1"
        shouldThrow<DslException> { DifferenceErrors(DifferenceRule.FORWARD, doubleArrayOf(0.1), DoubleArray(0)) }
            .message shouldContain "1 steps and 0 errors"
        shouldThrow<DslException> { DifferenceErrors.at(DifferenceRule.FORWARD, { it }, { 1.0 }, 1.0).best() }.message shouldContain "no steps"
    }
})
