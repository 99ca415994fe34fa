package dev.fluxion.dsl.calculus

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.formula
import dev.fluxion.dsl.point
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeFalse
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.cos
import kotlin.math.exp
import kotlin.math.sin

class GradientCheckSpec : FunSpec({
    // f(x) = x0^2 x1 + exp(x0 x2) + sin(x1)
    val f = { x: DoubleArray -> x[0] * x[0] * x[1] + exp(x[0] * x[2]) + sin(x[1]) }
    val x = doubleArrayOf(0.7, -1.3, 0.4)
    val gradient = doubleArrayOf(
        2 * x[0] * x[1] + x[2] * exp(x[0] * x[2]),
        x[0] * x[0] + cos(x[1]),
        x[0] * exp(x[0] * x[2]),
    )

    test("a correct gradient passes with relative error below 1e-8, by Richardson and by centered differences") {
        val byRichardson = GradientCheck.byRichardson(f, x, gradient)
        val byCentered = GradientCheck.byCenteredDifference(f, x, gradient)
        println("gradient check: Richardson ${byRichardson.relativeError}, centered ${byCentered.relativeError}")
        byRichardson.relativeError shouldBeLessThan 1e-8
        byRichardson.passes(1e-8).shouldBeTrue()
        byCentered.passes(1e-8).shouldBeTrue()
        byRichardson.componentErrors.forEach { it shouldBeLessThan 1e-8 }
    }

    test("a wrong component fails the check and is named") {
        for (wrong in gradient.indices) {
            val broken = gradient.clone().also { it[wrong] *= 1.01 }
            val check = GradientCheck.byRichardson(f, x, broken)
            check.passes(1e-6).shouldBeFalse()
            check.worstComponent shouldBe wrong
            check.componentErrors[wrong] shouldBeGreaterThan 1e-3
        }
    }

    test("the errors follow their formulas: |a - n| / (|a| + |n| + tiny) and ||a - n|| / (||a|| + ||n|| + tiny)") {
        val check = GradientCheck.compare(doubleArrayOf(1.0, 0.0, 3.0), doubleArrayOf(1.0, 0.0, 1.0))
        check.componentErrors.toList() shouldBe listOf(0.0, 0.0, 0.5)
        check.relativeError shouldBe 2.0 / (kotlin.math.sqrt(10.0) + kotlin.math.sqrt(2.0))
        check.worstComponent shouldBe 2
    }

    test("an expression's dual-number gradient agrees with Richardson") {
        val check = GradientCheck.of(formula("x^2*y + exp(x*z) + sin(y)"), point("x" to 0.7, "y" to -1.3, "z" to 0.4))
        check.relativeError shouldBeLessThan 1e-10
        for (i in gradient.indices) {
            check.analytic[i] shouldBe (gradient[i] plusOrMinus 1e-14)
        }
    }

    test("a Jacobian check flags the wrong entry: J of (x y, sin x + y^2) is [[y, x], [cos x, 2y]]") {
        val functions = listOf(formula("x*y"), formula("sin(x) + y^2"))
        val p = point("x" to 0.3, "y" to 1.7)
        val exact = arrayOf(doubleArrayOf(1.7, 0.3), doubleArrayOf(cos(0.3), 3.4))
        val numeric = JacobianCheck.of(functions, p, listOf("x", "y"))
        numeric.passes(1e-10).shouldBeTrue()
        JacobianCheck.compare(exact, numeric.numerical).passes(1e-10).shouldBeTrue()
        val broken = arrayOf(doubleArrayOf(1.7, 0.3), doubleArrayOf(-cos(0.3), 3.4))
        val check = JacobianCheck.compare(broken, numeric.numerical)
        check.passes(1e-6).shouldBeFalse()
        (check.worstRow to check.worstColumn) shouldBe (1 to 0)
    }

    test("gradients of different lengths are refused") {
        shouldThrow<DslException> { GradientCheck.compare(doubleArrayOf(1.0), doubleArrayOf(1.0, 2.0)) }
            .message shouldContain "length 1"
    }

    test("with a given step the numerical gradient is the centered difference at that step: x^2 + y^3 at (1, 1)") {
        // (1 + h)^2 - (1 - h)^2 = 4h and (1 + h)^3 - (1 - h)^3 = 6h + 2h^3, exact for h = 1/16: (2, 3 + h^2)
        val cubic = { p: DoubleArray -> p[0] * p[0] + p[1] * p[1] * p[1] }
        val check = GradientCheck.byCenteredDifference(cubic, doubleArrayOf(1.0, 1.0), doubleArrayOf(2.0, 3.0), 0.0625)
        check.numerical.toList() shouldBe listOf(2.0, 3 + 0.0625 * 0.0625)
        check.componentErrors[1] shouldBe (0.0625 * 0.0625 / (6 + 0.0625 * 0.0625) plusOrMinus 1e-18)
        check.worstComponent shouldBe 1
        shouldThrow<DslException> { GradientCheck.byCenteredDifference(cubic, doubleArrayOf(1.0, 1.0), doubleArrayOf(2.0, 3.0), 0.0) }
            .message shouldContain "h = 0.0"
    }
})
