package dev.fluxion.dsl.number

import dev.fluxion.dsl.expr.Expr
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import kotlin.time.Duration.Companion.seconds

/**
 * High-order jets of the sigmoid family. sigmoid(x) = 1/2 + tanh(x/2)/2 and tanh's Taylor series
 * x - x^3/3 + 2x^5/15 - 17x^7/315 + 62x^9/2835 - 1382x^11/155925 + 21844x^13/6081075 - ... give
 * sigmoid^(n)(0) = n! (1/2) t_n / 2^n with t_n tanh's coefficient: 1/4, -1/8, 1/4, -17/16, 31/4, -691/8, 5461/4
 * for n = 1, 3, ..., 13, and 0 for even n >= 2.
 */
class JetHighOrderSpec : StringSpec({
    "the sigmoid's odd derivatives at 0 up to order 13 match tanh's series" {
        val sigmoid = Expr.parse("sigmoid(x)")
        val expected = mapOf(1 to 0.25, 3 to -0.125, 5 to 0.25, 7 to -17.0 / 16, 9 to 31.0 / 4, 11 to -691.0 / 8,
            13 to 5461.0 / 4)
        for ((n, value) in expected) {
            sigmoid.nthDerivativeAt(0.0, n) shouldBe (value plusOrMinus 1e-9 * kotlin.math.abs(value))
        }
        for (n in listOf(2, 4, 6, 8, 10, 12)) {
            sigmoid.nthDerivativeAt(0.0, n) shouldBe (0.0 plusOrMinus 1e-9)
        }
    }

    // The rule s(x) s(-x) asks for the sigmoid of x and of -x at every lower order; without sharing those
    // results within one evaluation the work doubles per order (2^30 calls at order 30). This guards the sharing.
    "order-30 jets of sigmoid-based functions finish".config(timeout = 20.seconds) {
        for (formula in listOf("sigmoid(x)", "silu(x)", "mish(x)", "logSigmoid(x)", "gelu(x)")) {
            val jet = Expr.parse(formula).evaluate(mapOf("x" to Jet.variable(0.3, 30)))
            jet.order() shouldBe 30
        }
    }
})
