package dev.fluxion.dsl.tape

import dev.fluxion.dsl.cbrt
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.hypot
import dev.fluxion.dsl.sqrt
import dev.fluxion.dsl.variables
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlin.math.pow

/**
 * Roots have a cusp at 0, where their one-sided slope is +inf: sqrt, cbrt, x^p for 0 < p < 1, and through them the
 * Euclidean norm and hypot at the origin. The convention's `cuspSlope` (0 by default) is their slope there, in every
 * engine: both tape modes, the tree walk and the symbolic derivative. Before it, sqrt(x^2 + y^2) at (0, 0) had the
 * gradient inf * 0 = NaN. With `cuspSlope = +inf` the one-sided slope comes back. Away from 0 nothing changes.
 */
class CuspSlopeSpec : FunSpec({

    val (x, y) = variables("x", "y")
    val oneSided = Kinks.STANDARD.withCuspSlope(Double.POSITIVE_INFINITY)

    /** The gradient at the point from the compiled and the interpreted tape, the tree walk and the symbolic gradient, which must agree. */
    fun gradients(f: Expr, order: List<String>, at: DoubleArray, kinks: Kinks): List<DoubleArray> {
        val point = Point.of(order, at)
        val compiled = CompiledExpression.compile(f, order, kinks)
        val taped = listOf(compiled, compiled.interpreted()).map { tape ->
            DoubleArray(at.size).also { g -> tape.valueAndGradient(at, g) }
        }
        val symbolic = f.gradient(order).map { it.valueAt(point, kinks) }.toDoubleArray()
        return taped + listOf(f.gradientAt(point, order, kinks), symbolic)
    }

    /** Exact agreement at the cusp (0 or +inf), within 2 ulp elsewhere. */
    fun check(f: Expr, order: List<String>, at: DoubleArray, kinks: Kinks, expected: DoubleArray) {
        for ((engine, g) in listOf("compiled", "interpreted tape", "tree walk", "symbolic").zip(gradients(f, order, at, kinks))) {
            for (i in expected.indices) {
                val what = "$engine gradient of $f at ${at.toList()} under $kinks, component $i"
                if (expected[i] == 0.0 || expected[i].isInfinite()) {
                    withClue(what) { g[i] shouldBe expected[i] }
                } else {
                    assertClose(g[i], expected[i], 2 * Math.ulp(expected[i])) { what }
                }
            }
        }
    }

    test("sqrt'(0) = 0 by default and +inf with the one-sided slope; sqrt'(4) = 1/4 under both") {
        check(sqrt(x), listOf("x"), doubleArrayOf(0.0), Kinks.STANDARD, doubleArrayOf(0.0))
        check(sqrt(x), listOf("x"), doubleArrayOf(0.0), oneSided, doubleArrayOf(Double.POSITIVE_INFINITY))
        check(sqrt(x), listOf("x"), doubleArrayOf(4.0), Kinks.STANDARD, doubleArrayOf(0.25))
        check(sqrt(x), listOf("x"), doubleArrayOf(4.0), oneSided, doubleArrayOf(0.25))
    }

    test("cbrt'(0) = 0 by default and +inf one-sided; cbrt'(8) = 1 / (3 * 4) and cbrt'(-8) the same") {
        check(cbrt(x), listOf("x"), doubleArrayOf(0.0), Kinks.STANDARD, doubleArrayOf(0.0))
        check(cbrt(x), listOf("x"), doubleArrayOf(0.0), oneSided, doubleArrayOf(Double.POSITIVE_INFINITY))
        check(cbrt(x), listOf("x"), doubleArrayOf(8.0), Kinks.STANDARD, doubleArrayOf(1.0 / 12))
        check(cbrt(x), listOf("x"), doubleArrayOf(-8.0), Kinks.STANDARD, doubleArrayOf(1.0 / 12))
    }

    test("x^0.25 at 0: slope 0 by default and +inf one-sided; at 16 it is 0.25 * 16^-0.75 = 1/32") {
        val f = x.pow(0.25)
        check(f, listOf("x"), doubleArrayOf(0.0), Kinks.STANDARD, doubleArrayOf(0.0))
        check(f, listOf("x"), doubleArrayOf(0.0), oneSided, doubleArrayOf(Double.POSITIVE_INFINITY))
        check(f, listOf("x"), doubleArrayOf(16.0), Kinks.STANDARD, doubleArrayOf(1.0 / 32))
    }

    test("x^1.5 has slope 0 at 0 under both; its second derivative 0.75 x^-0.5 is 0 by default and +inf one-sided") {
        val f = x.pow(1.5)
        check(f, listOf("x"), doubleArrayOf(0.0), oneSided, doubleArrayOf(0.0))
        val h = Array(1) { DoubleArray(1) }
        f.compile("x").hessian(doubleArrayOf(0.0), h)
        h[0][0] shouldBe 0.0
        f.compile(listOf("x"), oneSided).hessian(doubleArrayOf(0.0), h)
        h[0][0] shouldBe Double.POSITIVE_INFINITY
        f.compile("x").hessian(doubleArrayOf(4.0), h)
        assertClose(h[0][0], 0.75 * 4.0.pow(-0.5), 1e-15) { "0.75 / sqrt(4)" }
    }

    test("the norm sqrt(x^2 + y^2) and hypot(x, y) at the origin: gradient (0, 0), a subgradient; (3/5, 4/5) at (3, 4)") {
        val order = listOf("x", "y")
        for (f in listOf(sqrt(x * x + y * y), hypot(x, y))) {
            check(f, order, doubleArrayOf(0.0, 0.0), Kinks.STANDARD, doubleArrayOf(0.0, 0.0))
            check(f, order, doubleArrayOf(3.0, 4.0), Kinks.STANDARD, doubleArrayOf(0.6, 0.8))
        }
    }

    test("the Hessian of the norm at the origin is 0 under the default convention, in the tape and the tree walk") {
        val f = sqrt(x * x + y * y)
        val h = Array(2) { DoubleArray(2) }
        f.compile("x", "y").hessian(doubleArrayOf(0.0, 0.0), h)
        val zero = arrayOf(doubleArrayOf(0.0, 0.0), doubleArrayOf(0.0, 0.0))
        assertClose(h, zero, 0.0) { "compiled Hessian" }
        assertClose(f.hessianAt(Point.of("x", 0.0, "y", 0.0), listOf("x", "y")), zero, 0.0) { "tree walk" }
    }

    test("a vector norm at the origin has the gradient 0 on the vector tape, and w / |w| elsewhere") {
        val w = VectorExpr.variable("w", 3)
        val compiled = w.norm().compile("w")
        val g = DoubleArray(3)
        compiled.valueAndGradient(doubleArrayOf(0.0, 0.0, 0.0), g)
        assertClose(g, doubleArrayOf(0.0, 0.0, 0.0), 0.0) { "at the origin" }
        compiled.valueAndGradient(doubleArrayOf(2.0, 3.0, 6.0), g)
        assertClose(g, doubleArrayOf(2.0 / 7, 3.0 / 7, 6.0 / 7), 1e-16) { "at (2, 3, 6), |w| = 7" }
    }

    test("the printed derivative of sqrt still reads as a power, and parses back to the same value away from 0") {
        val d = sqrt(x).derivative("x")
        d.toString() shouldBe "(2*sqrt(x))^-1"
        dev.fluxion.dsl.expr.Expr.parse(d.toString()).valueAt(Point.of("x", 4.0)) shouldBe 0.25
    }
})
