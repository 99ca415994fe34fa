package dev.fluxion.dsl.tape

import dev.fluxion.dsl.abs
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.max
import dev.fluxion.dsl.min
import dev.fluxion.dsl.variables
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/**
 * The tape honours the convention for kinks in force on the calling thread, in both gradient modes: relu'(0) = 0,
 * abs'(0) = 0 and an even split of a max/min tie by default, and the convention it was compiled with otherwise.
 */
class KinkConventionsSpec : FunSpec({

    val (x, y) = variables("x", "y")

    /** The gradient of the compiled expression at the point, generated or interpreted, under the given convention. */
    fun gradient(f: Expr, order: List<String>, at: DoubleArray, interpreted: Boolean, kinks: Kinks): DoubleArray =
        DoubleArray(at.size).also { g ->
            val compiled = CompiledExpression.compile(f, order, kinks)
            (if (interpreted) compiled.interpreted() else compiled).valueAndGradient(at, g)
        }

    /** Checks the compiled and the interpreted tape against the expected gradient and against the tree walk under the same convention. */
    fun check(f: Expr, order: List<String>, at: DoubleArray, kinks: Kinks, expected: DoubleArray) {
        for (interpreted in listOf(false, true)) {
            assertClose(gradient(f, order, at, interpreted, kinks), expected, 0.0) {
                "${if (interpreted) "interpreted" else "compiled"} gradient of $f under $kinks"
            }
        }
        val treeWalk = f.gradientAt(Point.of(order, at), order, kinks)
        assertClose(treeWalk, expected, 0.0) { "tree-walk gradient of $f under $kinks" }
    }

    val heavisideOne = Kinks(1.0, 0.0, 0.5)

    test("relu'(0) = 0 by default and 1 under Kinks(1, 0, 0.5)") {
        val f = x.relu()
        check(f, listOf("x"), doubleArrayOf(0.0), Kinks.STANDARD, doubleArrayOf(0.0))
        check(f, listOf("x"), doubleArrayOf(0.0), heavisideOne, doubleArrayOf(1.0))
        // away from the kink the convention does not matter
        check(f, listOf("x"), doubleArrayOf(0.5), heavisideOne, doubleArrayOf(1.0))
        check(f, listOf("x"), doubleArrayOf(-0.5), heavisideOne, doubleArrayOf(0.0))
        // leaky relu's slope at 0 is alpha + (1 - alpha) heaviside(0)
        check(x.leakyRelu(0.1), listOf("x"), doubleArrayOf(0.0), Kinks.STANDARD, doubleArrayOf(0.1))
        check(x.leakyRelu(0.1), listOf("x"), doubleArrayOf(0.0), heavisideOne, doubleArrayOf(1.0))
    }

    test("each compiled expression keeps its own convention, also called in turn with one under another") {
        val standard = x.relu().compile("x")
        val eager = x.relu().compile(listOf("x"), heavisideOne)
        val g = DoubleArray(1)
        eager.valueAndGradient(doubleArrayOf(0.0), g)
        g[0] shouldBe 1.0
        standard.valueAndGradient(doubleArrayOf(0.0), g)
        g[0] shouldBe 0.0
        eager.valueAndGradient(doubleArrayOf(0.0), g)
        g[0] shouldBe 1.0
    }

    test("relu on a vector tape: the slope at 0 follows the convention element by element") {
        val w = VectorExpr.variable("w", 3)
        val compiled = w.relu().sum().compile("w")
        val at = doubleArrayOf(0.0, 1.0, -1.0)
        val g = DoubleArray(3)
        compiled.valueAndGradient(at, g)
        assertClose(g, doubleArrayOf(0.0, 1.0, 0.0), 0.0) { "default" }
        w.relu().sum().compile(listOf("w"), heavisideOne).valueAndGradient(at, g)
        assertClose(g, doubleArrayOf(1.0, 1.0, 0.0), 0.0) { "heaviside(0) = 1" }
    }

    test("abs'(0) = 0 by default and sign(0) under the convention") {
        check(abs(x), listOf("x"), doubleArrayOf(0.0), Kinks.STANDARD, doubleArrayOf(0.0))
        check(abs(x), listOf("x"), doubleArrayOf(0.0), Kinks(0.0, -1.0, 0.5), doubleArrayOf(-1.0))
    }

    test("a max or min tie splits evenly by default and by the tie share otherwise") {
        val order = listOf("x", "y")
        val tie = doubleArrayOf(1.0, 1.0)
        check(max(x, y), order, tie, Kinks.STANDARD, doubleArrayOf(0.5, 0.5))
        check(min(x, y), order, tie, Kinks.STANDARD, doubleArrayOf(0.5, 0.5))
        val allToFirst = Kinks(0.0, 0.0, 1.0)
        check(max(x, y), order, tie, allToFirst, doubleArrayOf(1.0, 0.0))
        check(min(x, y), order, tie, allToFirst, doubleArrayOf(0.0, 1.0))
        check(max(x, y), order, tie, Kinks(0.0, 0.0, 0.25), doubleArrayOf(0.25, 0.75))
        check(max(x, y), order, doubleArrayOf(2.0, 1.0), allToFirst, doubleArrayOf(1.0, 0.0))
        check(max(x, y), order, doubleArrayOf(1.0, 2.0), allToFirst, doubleArrayOf(0.0, 1.0))
    }

    test("the Hessian at a kink uses the convention's slopes: relu(x) y, max(x, y) y and |x| y at (0, 0)") {
        // relu(x) y: d2/dx dy = relu'(0) = 0. max(x, y) y at a tie: df/dx = y/2 and df/dy = y/2 + max(x, y), so
        // d2/dx dy = 1/2 and d2/dy2 = 1. |x| y: d2/dx dy = sign(0) = 0. Every other second derivative is 0.
        val zero = arrayOf(doubleArrayOf(0.0, 0.0), doubleArrayOf(0.0, 0.0))
        val cases = listOf(
            x.relu() * y to zero,
            max(x, y) * y to arrayOf(doubleArrayOf(0.0, 0.5), doubleArrayOf(0.5, 1.0)),
            abs(x) * y to zero,
        )
        for ((f, expected) in cases) {
            val h = Array(2) { DoubleArray(2) }
            f.compile("x", "y").hessian(doubleArrayOf(0.0, 0.0), h)
            assertClose(h, expected, 0.0) { "Hessian of $f at (0, 0)" }
            assertClose(h, f.hessianAt(Point.of("x", 0.0, "y", 0.0), listOf("x", "y")), 0.0) { "tree walk, $f" }
        }
    }
})
