package dev.fluxion.dsl.calculus

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.formula
import dev.fluxion.dsl.invoke
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.PI
import kotlin.math.pow

class TaylorPolynomialSpec : FunSpec({
    val points = listOf(-1.5, -0.3, 0.0, 0.25, 1.0, 2.0)

    test("exp at 0, order 4, is 1 + x + x^2/2 + x^3/6 + x^4/24") {
        val taylor = TaylorPolynomial.of(formula("exp(x)"), 0.0, 4)
        taylor.order() shouldBe 4
        val expected = doubleArrayOf(1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24)
        for (n in 0..4) {
            taylor.coefficient(n) shouldBe (expected[n] plusOrMinus 1e-15)
        }
        val polynomial = taylor.expression()
        polynomial.variables().toList() shouldBe listOf("x")
        for (x in points) {
            val exact = 1 + x + x * x / 2 + x.pow(3) / 6 + x.pow(4) / 24
            polynomial("x" to x) shouldBe (exact plusOrMinus 1e-14)
            taylor.valueAt(x) shouldBe (exact plusOrMinus 1e-14)
        }
    }

    test("sin at pi/2, order 5, is 1 - (x - pi/2)^2/2 + (x - pi/2)^4/24, since sin(pi/2 + t) = cos t") {
        val taylor = TaylorPolynomial.of(formula("sin(t)"), PI / 2, 5)
        val polynomial = taylor.expression()
        for (x in points) {
            val t = x - PI / 2
            polynomial("t" to x) shouldBe (1 - t * t / 2 + t.pow(4) / 24 plusOrMinus 1e-14)
        }
        taylor.coefficient(1) shouldBe (0.0 plusOrMinus 1e-16)
        taylor.coefficient(3) shouldBe (0.0 plusOrMinus 1e-16)
    }

    test("log(1 + x) at 0 is x - x^2/2 + x^3/3 - x^4/4; a polynomial is its own Taylor polynomial") {
        val log = TaylorPolynomial.of(formula("log(1 + x)"), 0.0, 4)
        log.coefficients.toList().zip(listOf(0.0, 1.0, -0.5, 1.0 / 3, -0.25)).forEach { (c, e) ->
            c shouldBe (e plusOrMinus 1e-15)
        }
        // x^3 - 2x at a = 1: 1 - 2 = -1, 3 - 2 = 1, 6/2 = 3, 6/6 = 1
        val cubic = TaylorPolynomial.of(formula("x^3 - 2*x"), 1.0, 5)
        cubic.coefficients.toList() shouldBe listOf(-1.0, 1.0, 3.0, 1.0, 0.0, 0.0)
        for (x in points) {
            cubic.expression()("x" to x) shouldBe (x.pow(3) - 2 * x plusOrMinus 1e-13)
        }
    }

    test("a constant gives a constant polynomial in the named variable") {
        val taylor = TaylorPolynomial.of(formula("2.5"), "x", 3.0, 2)
        taylor.coefficients.toList() shouldBe listOf(2.5, 0.0, 0.0)
        taylor.expression().toString() shouldBe "2.5"
    }

    test("bad input is refused with a clear message") {
        shouldThrow<DslException> { TaylorPolynomial.of(formula("exp(x)"), 0.0, -1) }
            .message shouldContain "order must be >= 0, got -1"
        shouldThrow<DslException> { TaylorPolynomial.of(formula("x*y"), 0.0, 2) }
            .message shouldContain "exactly one variable"
        shouldThrow<DslException> { TaylorPolynomial.of(formula("x*y"), "x", 0.0, 2) }
            .message shouldContain "also depends on 'y'"
        shouldThrow<DslException> { TaylorPolynomial.of(formula("x"), Double.NaN, 2) }
            .message shouldContain "a = NaN"
    }

    test("Lagrange's bound M |x - a|^(k+1) / (k+1)!: exp at 0, order 3, at 0.5 with M = e^0.5, and the error under it") {
        val taylor = TaylorPolynomial.of(formula("exp(x)"), 0.0, 3)
        val bound = taylor.remainderBound(0.5, kotlin.math.exp(0.5))
        bound shouldBe (kotlin.math.exp(0.5) * 0.0625 / 24 plusOrMinus 1e-17)
        (kotlin.math.abs(kotlin.math.exp(0.5) - taylor.valueAt(0.5)) <= bound) shouldBe true
        // about a = 2 the distance counts, not x: |1 - 2|^4 / 4!
        TaylorPolynomial.of(formula("exp(x)"), 2.0, 3).remainderBound(1.0, 1.0) shouldBe (1.0 / 24 plusOrMinus 1e-17)
        shouldThrow<DslException> { taylor.remainderBound(0.5, -1.0) }.message shouldContain "M = -1.0"
    }
})
