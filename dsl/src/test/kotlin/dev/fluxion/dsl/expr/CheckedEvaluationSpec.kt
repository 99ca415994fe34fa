package dev.fluxion.dsl.expr

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.formula
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.point
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeFalse
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.optional.shouldBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.E
import kotlin.math.exp

class CheckedEvaluationSpec : FunSpec({

    test("log(x - 2) + y at x = 1 names log(x - 2) as NaN, by its value") {
        val at = point("x" to 1.0, "y" to 3.0)
        val checked = formula("log(x - 2) + y").checkedAt(at)
        checked.isFinite.shouldBeFalse()
        val nonFinite = checked.nonFinite.get()
        nonFinite.text() shouldBe "log(x - 2)"
        nonFinite.isValue.shouldBeTrue()
        nonFinite.offending.isNaN().shouldBeTrue()
        nonFinite.point shouldBe at
        nonFinite.message() shouldBe "log(x - 2) is NaN at x = 1.0, y = 3.0 (value of the sub-expression)"
        shouldThrow<DslException> { checked.orThrow() }.message shouldBe nonFinite.message()
    }

    test("the first node is named, not those that merely propagate: exp(log(x - 2)) * 3") {
        val nonFinite = formula("exp(log(x - 2)) * 3").checkedAt(point("x" to 1.0)).nonFinite.get()
        nonFinite.text() shouldBe "log(x - 2)"
    }

    val oneSided = Kinks.STANDARD.withCuspSlope(Double.POSITIVE_INFINITY)

    test("sqrt(x) at 0 has the convention's slope 0; with the one-sided slope +inf it is named as infinite") {
        formula("sqrt(x)").checkedAt(point("x" to 0.0)).orThrow().gradient.toList() shouldBe listOf(0.0)
        val nonFinite = formula("sqrt(x)").checkedAt(point("x" to 0.0), listOf("x"), oneSided).nonFinite.get()
        nonFinite.text() shouldBe "sqrt(x)"
        nonFinite.isValue.shouldBeFalse()
        nonFinite.derivative.get() shouldBe "x"
        nonFinite.offending shouldBe Double.POSITIVE_INFINITY
        nonFinite.value shouldBe 0.0
        nonFinite.message() shouldContain "d/dx of sqrt(x) is Infinity at x = 0.0"
    }

    test("d/dy of sqrt(x) + y at x = 0 is exactly 1, not infinity * 0 = NaN, under the one-sided slope") {
        val checked = formula("sqrt(x) + y").checkedAt(point("x" to 0.0, "y" to 1.0), listOf("x", "y"), oneSided)
        checked.gradient.toList() shouldBe listOf(Double.POSITIVE_INFINITY, 1.0)
        checked.nonFinite.get().derivative.get() shouldBe "x"
    }

    test("a finite case: x^2 y + exp(x y) at (1, 2) is 2 + e^2, gradient (2xy + y e^xy, x^2 + x e^xy)") {
        val checked = formula("x^2*y + exp(x*y)").checkedAt(point("x" to 1.0, "y" to 2.0)).orThrow()
        checked.nonFinite.shouldBeEmpty()
        checked.variables shouldBe listOf("x", "y")
        checked.value shouldBe (2 + E * E plusOrMinus 1e-14)
        checked.gradient[0] shouldBe (4 + 2 * exp(2.0) plusOrMinus 1e-13)
        checked.gradient[1] shouldBe (1 + exp(2.0) plusOrMinus 1e-13)
    }

    test("the convention for kinks is selectable: abs'(0) = signAtZero") {
        val f = formula("abs(x)")
        f.checkedAt(point("x" to 0.0)).gradient[0] shouldBe 0.0
        f.checkedAt(point("x" to 0.0), listOf("x"), Kinks(0.0, 1.0, 0.5)).gradient[0] shouldBe 1.0
    }

    test("an unbound variable is named") {
        shouldThrow<DslException> { formula("x + y").checkedAt(point("x" to 1.0)) }.message shouldContain "'y'"
    }
})
