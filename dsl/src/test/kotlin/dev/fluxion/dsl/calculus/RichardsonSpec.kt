package dev.fluxion.dsl.calculus

import dev.fluxion.dsl.formula
import dev.fluxion.dsl.point
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeLessThan
import kotlin.math.abs
import kotlin.math.cos
import kotlin.math.exp
import kotlin.math.sin

class RichardsonSpec : FunSpec({
    fun relativeError(estimate: Double, exact: Double) = abs(estimate - exact) / abs(exact)

    test("sin' = cos at 1, to 1e-10 relative") {
        val estimate = Richardson.derivative(::sin, 1.0)
        println("Richardson sin'(1): relative error ${relativeError(estimate.value, cos(1.0))}, $estimate")
        relativeError(estimate.value, cos(1.0)) shouldBeLessThan 1e-10
        estimate.error shouldBeLessThan 1e-9
    }

    test("exp' = exp at 1.5 and at -3, to 1e-10 relative") {
        for (x in listOf(1.5, -3.0)) {
            val estimate = Richardson.derivative(::exp, x)
            println("Richardson exp'($x): relative error ${relativeError(estimate.value, exp(x))}")
            relativeError(estimate.value, exp(x)) shouldBeLessThan 1e-10
        }
    }

    test("(1 / (1 + x^2))' = -2x / (1 + x^2)^2, which is -0.64 at x = 1/2, to 1e-10 relative") {
        val estimate = Richardson.derivative({ x -> 1 / (1 + x * x) }, 0.5)
        println("Richardson rational: relative error ${relativeError(estimate.value, -0.64)}")
        relativeError(estimate.value, -0.64) shouldBeLessThan 1e-10
    }

    test("(x^3 - 2x) / (x^2 + 1) at 2: ((3x^2 - 2)(x^2 + 1) - (x^3 - 2x) 2x) / (x^2 + 1)^2 = (10*5 - 4*4)/25 = 34/25") {
        val estimate = Richardson.derivative({ x -> (x * x * x - 2 * x) / (x * x + 1) }, 2.0)
        relativeError(estimate.value, 34.0 / 25) shouldBeLessThan 1e-10
    }

    test("the gradient of an expression: x y^2 at (3, 2) is (y^2, 2xy) = (4, 12)") {
        val gradient = Richardson.gradient(formula("x*y^2"), point("x" to 3.0, "y" to 2.0), listOf("x", "y"))
        relativeError(gradient[0], 4.0) shouldBeLessThan 1e-12
        relativeError(gradient[1], 12.0) shouldBeLessThan 1e-12
    }
})
