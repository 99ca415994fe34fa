package dev.fluxion.dsl.calculus

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.formula
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.E
import kotlin.math.sin

class TaylorErrorsSpec : FunSpec({

    test("exp at 0, evaluated at 1: the partial sums of sum 1/k!, their errors, and the bounds e / (n+1)!") {
        val table = TaylorErrors.of(formula("exp(x)"), 0.0, 1.0, 5, E)
        val sums = listOf(1.0, 2.0, 2.5, 8.0 / 3, 65.0 / 24, 163.0 / 60)
        val factorials = listOf(1.0, 2.0, 6.0, 24.0, 120.0, 720.0) // (n + 1)!
        table.maxOrder() shouldBe 5
        table.exact shouldBe (E plusOrMinus 1e-15)
        for (n in 0..5) {
            table.values()[n] shouldBe (sums[n] plusOrMinus 1e-15)
            table.errors()[n] shouldBe (E - sums[n] plusOrMinus 1e-15)
            table.bounds()[n] shouldBe (E / factorials[n] plusOrMinus 1e-15)
        }
        // e - 65/24 = 0.00995 is the first error below 0.01; e - 8/3 = 0.0516 is not
        table.firstOrderBelow(0.01) shouldBe 4
        table.firstOrderBelow(1e-30) shouldBe -1
        table.withinBounds(0.0) shouldBe true
    }

    test("sin at 0: T_1 = T_2 = x, as sin'' vanishes at 0; a bound M too small is caught") {
        val table = TaylorErrors.of(formula("sin(x)"), 0.0, 0.5, 3, 1.0)
        table.values()[1] shouldBe 0.5
        table.values()[2] shouldBe 0.5
        table.errors()[3] shouldBe (kotlin.math.abs(0.5 - 0.125 / 6 - sin(0.5)) plusOrMinus 1e-16)
        table.bounds()[3] shouldBe (0.5 * 0.5 * 0.5 * 0.5 / 24 plusOrMinus 1e-17)
        TaylorErrors.of(formula("sin(x)"), 0.0, 0.5, 3, 0.0).withinBounds(0.0) shouldBe false
    }

    test("bad input is named") {
        shouldThrow<DslException> { TaylorErrors.of(formula("exp(x)"), 0.0, 1.0, -1, E) }.message shouldContain "got -1"
        shouldThrow<DslException> { TaylorErrors.of(formula("x * y"), 0.0, 1.0, 2, 1.0) }.message shouldContain "exactly one variable"
        shouldThrow<DslException> { TaylorErrors.of(formula("exp(x)"), 0.0, 1.0, 2, -1.0) }.message shouldContain "M = -1.0"
    }
})
