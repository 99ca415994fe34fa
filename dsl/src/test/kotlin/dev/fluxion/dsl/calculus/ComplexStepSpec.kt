package dev.fluxion.dsl.calculus

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.formula
import dev.fluxion.dsl.number.Complex
import dev.fluxion.dsl.point
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.cos
import kotlin.math.exp

class ComplexStepSpec : FunSpec({

    test("sin' = cos at 1, exact to rounding with h = 1e-20") {
        ComplexStep.derivative({ z: Complex -> z.sin() }, 1.0) shouldBe (cos(1.0) plusOrMinus 1e-15)
    }

    test("(e^x / (1 + x^2))' = e^x (1 - x)^2 / (1 + x^2)^2, which is 0 at x = 1 and e^2/25 at x = 2") {
        val f = formula("exp(x) / (1 + x^2)")
        ComplexStep.partial(f, point("x" to 1.0), "x") shouldBe (0.0 plusOrMinus 1e-15)
        ComplexStep.partial(f, point("x" to 2.0), "x") shouldBe (exp(2.0) / 25 plusOrMinus 1e-15)
    }

    test("the gradient of x^2 y + sin(y) at (1, 2) is (4, 1 + cos 2)") {
        val gradient = ComplexStep.gradient(formula("x^2*y + sin(y)"), point("x" to 1.0, "y" to 2.0), listOf("x", "y"))
        gradient[0] shouldBe (4.0 plusOrMinus 1e-14)
        gradient[1] shouldBe (1 + cos(2.0) plusOrMinus 1e-15)
    }

    test("bad steps are named") {
        shouldThrow<DslException> { ComplexStep.derivative({ z: Complex -> z }, 1.0, 0.0) }.message shouldContain "h = 0.0"
    }
})
