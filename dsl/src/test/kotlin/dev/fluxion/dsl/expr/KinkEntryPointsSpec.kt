package dev.fluxion.dsl.expr

import dev.fluxion.dsl.abs
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.max
import dev.fluxion.dsl.point
import dev.fluxion.dsl.sqrt
import dev.fluxion.dsl.tape.CompiledVectorFunction
import dev.fluxion.dsl.tape.assertClose
import dev.fluxion.dsl.times
import dev.fluxion.dsl.variables
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/**
 * Every evaluation entry point takes a convention for kinks, and at a kink its result follows it: the n-th
 * derivative, the directional derivative and the Jacobian (tree walk and compiled), as the value, gradient and
 * Hessian already did. The expected values are the one-sided rules worked out by hand: |x|'(0) = sign(0),
 * relu'(0) = heaviside(0), d max(x, y)/dx at a tie = the tie share, sqrt'(0) = the cusp slope.
 */
class KinkEntryPointsSpec : FunSpec({

    val (x, y) = variables("x", "y")

    /** heaviside(0) = 1, sign(0) = -1, a tie all to the first argument, sqrt'(0) = +inf. */
    val other = Kinks(1.0, -1.0, 1.0, Double.POSITIVE_INFINITY)

    test("n-th derivative at a kink: (x |x|)'' = 2 sign(x), relu'(0) = heaviside(0), sqrt'(0) = the cusp slope") {
        val xAbsX = x * abs(x)
        xAbsX.nthDerivativeAt(0.0, 2) shouldBe 0.0
        xAbsX.nthDerivativeAt(0.0, 2, Kinks.STANDARD) shouldBe 0.0
        xAbsX.nthDerivativeAt(0.0, 2, other) shouldBe -2.0
        // the value is the same under every convention: 0 |0| = 0
        xAbsX.nthDerivativeAt(0.0, 0, other) shouldBe 0.0
        x.relu().nthDerivativeAt(0.0, 1) shouldBe 0.0
        x.relu().nthDerivativeAt(0.0, 1, other) shouldBe 1.0
        sqrt(x).nthDerivativeAt(0.0, 1) shouldBe 0.0
        sqrt(x).nthDerivativeAt(0.0, 1, other) shouldBe Double.POSITIVE_INFINITY
        // away from the kink the convention does not matter: (x |x|)'' at -3 is -2
        xAbsX.nthDerivativeAt(-3.0, 2, other) shouldBe -2.0
        xAbsX.nthDerivativeAt(-3.0, 2) shouldBe -2.0
    }

    test("a closed expression's n-th derivative is its value under the convention, then 0") {
        val closed = Expr.constant(2.0) * abs(Expr.constant(-3.0))
        closed.nthDerivativeAt(1.0, 0, other) shouldBe 6.0
        closed.nthDerivativeAt(1.0, 1, other) shouldBe 0.0
    }

    test("directional derivative at a kink: max(x, y) at a tie, |x| + 3y at x = 0") {
        val tie = point("x" to 1.0, "y" to 1.0)
        val alongX = mapOf("x" to 1.0)
        // the derivative along e_x is the share of the tie that goes to x
        max(x, y).directionalDerivativeAt(tie, alongX) shouldBe 0.5
        max(x, y).directionalDerivativeAt(tie, alongX, Kinks.STANDARD) shouldBe 0.5
        max(x, y).directionalDerivativeAt(tie, alongX, other) shouldBe 1.0
        // grad (|x| + 3y) . (2, 1) = 2 sign(0) + 3
        val f = abs(x) + 3.0 * y
        val at = point("x" to 0.0, "y" to 5.0)
        val v = mapOf("x" to 2.0, "y" to 1.0)
        f.directionalDerivativeAt(at, v) shouldBe 3.0
        f.directionalDerivativeAt(at, v, other) shouldBe 1.0
    }

    test("Jacobian at a kink, tree walk and compiled: rows (heaviside(0), 1) and (2 sign(0), 0)") {
        val functions = listOf(x.relu() + y, 2.0 * abs(x))
        val order = listOf("x", "y")
        val at = point("x" to 0.0, "y" to 5.0)
        val standard = arrayOf(doubleArrayOf(0.0, 1.0), doubleArrayOf(0.0, 0.0))
        val underOther = arrayOf(doubleArrayOf(1.0, 1.0), doubleArrayOf(-2.0, 0.0))
        assertClose(Expr.jacobianAt(functions, at, order), standard, 0.0) { "tree walk, standard" }
        assertClose(Expr.jacobianAt(functions, at, order, Kinks.STANDARD), standard, 0.0) { "tree walk, STANDARD" }
        assertClose(Expr.jacobianAt(functions, at, order, other), underOther, 0.0) { "tree walk, other" }
        for ((kinks, expected) in listOf(Kinks.STANDARD to standard, other to underOther)) {
            val jacobian = Array(2) { DoubleArray(2) }
            CompiledVectorFunction.compile(functions, order, kinks).jacobian(doubleArrayOf(0.0, 5.0), jacobian)
            assertClose(jacobian, expected, 0.0) { "compiled Jacobian under $kinks" }
        }
        val standardJacobian = Array(2) { DoubleArray(2) }
        CompiledVectorFunction.compile(functions, order).jacobian(doubleArrayOf(0.0, 5.0), standardJacobian)
        assertClose(standardJacobian, standard, 0.0) { "compiled Jacobian, default convention" }
    }
})
