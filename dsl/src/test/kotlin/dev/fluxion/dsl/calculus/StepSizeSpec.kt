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
import kotlin.math.cos
import kotlin.math.exp
import kotlin.math.pow
import kotlin.math.sin
import kotlin.math.sqrt

class StepSizeSpec : FunSpec({
    val eps = 2.0.pow(-52)

    test("the rules of thumb scale with max(|x|, 1)") {
        StepSize.EPSILON shouldBe eps
        StepSize.forward(0.0) shouldBe (sqrt(eps) plusOrMinus 1e-22)
        StepSize.forward(1.0) shouldBe (sqrt(eps) plusOrMinus 1e-15 * sqrt(eps) + 2 * eps)
        StepSize.centered(100.0) shouldBe (100 * cbrt(eps) plusOrMinus 1e-12)
        StepSize.second(-4.0) shouldBe (4 * eps.pow(0.25) plusOrMinus 1e-12)
    }

    test("the model steps minimise the modelled error: forward h = 2 sqrt(eps |f| / |f''|)") {
        // exp at 2: f = f'' = f''' = f'''' = e^2
        val f = exp(2.0)
        StepSize.forwardOptimal(2.0, f, f) shouldBe (2 * sqrt(eps) plusOrMinus 1e-15)
        StepSize.centeredOptimal(2.0, f, f) shouldBe (cbrt(3 * eps) plusOrMinus 1e-15)
        StepSize.secondOptimal(2.0, f, f) shouldBe ((48 * eps).pow(0.25) plusOrMinus 1e-15)
        val h = StepSize.forwardOptimal(2.0, f, f)
        StepSize.forwardError(h, f, f) shouldBeLessThan StepSize.forwardError(2 * h, f, f)
        StepSize.forwardError(h, f, f) shouldBeLessThan StepSize.forwardError(h / 2, f, f)
        StepSize.forwardError(h, f, f) shouldBe (2 * sqrt(eps * f * f) plusOrMinus 1e-20)
    }

    test("at the model step the actual error is near the modelled one") {
        val h = StepSize.centeredOptimal(1.0, sin(1.0), -cos(1.0))
        val actual = abs(FiniteDifference.centered(::sin, 1.0, h) - cos(1.0))
        actual shouldBeLessThan 2 * StepSize.centeredError(h, sin(1.0), -cos(1.0))
    }

    test("a degenerate model falls back to the rule of thumb; bad input is named") {
        StepSize.forwardOptimal(1.0, 1.0, 0.0) shouldBe StepSize.forward(1.0)
        StepSize.centeredOptimal(1.0, 0.0, 1.0) shouldBe StepSize.centered(1.0)
        shouldThrow<DslException> { StepSize.representable(Double.NaN, 1.0) }.message shouldContain "x = NaN"
        shouldThrow<DslException> { StepSize.representable(1.0, -1.0) }.message shouldContain "h = -1.0"
    }

    test("grids of steps: powers of ten evenly spaced on a log axis, powers of two halving") {
        val tens = StepSize.powersOfTen(-1.0, -3.0, 2)
        tens.size shouldBe 5
        tens.zip(listOf(0.1, 0.1 / sqrt(10.0), 0.01, 0.01 / sqrt(10.0), 0.001)).forEach { (h, exact) -> h shouldBe (exact plusOrMinus 1e-15 * exact) }
        StepSize.powersOfTen(-1.0, -14.0, 4).size shouldBe 53
        StepSize.powersOfTwo(0, -3).toList() shouldBe listOf(1.0, 0.5, 0.25, 0.125)
        StepSize.powersOfTwo(2, 2).toList() shouldBe listOf(4.0)
        shouldThrow<DslException> { StepSize.powersOfTen(-3.0, -1.0, 4) }.message shouldContain "from = -3.0, to = -1.0"
        shouldThrow<DslException> { StepSize.powersOfTen(-1.0, -2.5, 1) }.message shouldContain "not a whole number"
        shouldThrow<DslException> { StepSize.powersOfTwo(0, -2000) }.message shouldContain "to = -2000"
    }
})
