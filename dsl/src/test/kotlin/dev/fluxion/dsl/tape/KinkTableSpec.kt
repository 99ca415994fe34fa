package dev.fluxion.dsl.tape

import dev.fluxion.dsl.abs
import dev.fluxion.dsl.cbrt
import dev.fluxion.dsl.elu
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.function.Binary
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.function.PowerOf
import dev.fluxion.dsl.function.Unary
import dev.fluxion.dsl.hypot
import dev.fluxion.dsl.leakyRelu
import dev.fluxion.dsl.max
import dev.fluxion.dsl.min
import dev.fluxion.dsl.relu
import dev.fluxion.dsl.sign
import dev.fluxion.dsl.sqrt
import dev.fluxion.dsl.variables
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/**
 * Every non-differentiable point of the function table, one row each: the value and the gradient at the point,
 * worked out by hand from the one-sided rules, under the standard convention and under one that moves the point's
 * slope, in every engine (generated tape, interpreted tape, tree walk, symbolic derivative, and for one variable the
 * Taylor jet). The table is checked to be complete: every function of [Unary] and [Binary] that a convention binds
 * (that is, whose value or rule reaches a kink) has a row, and so does a fractional power.
 */
class KinkTableSpec : FunSpec({

    val (x, y) = variables("x", "y")
    val oneSided = Kinks.STANDARD.withCuspSlope(Double.POSITIVE_INFINITY)

    /** A kink: f at the point, and under each convention its value and gradient by hand. */
    data class Kink(
        val name: String, val covers: Any, val f: Expr, val at: DoubleArray,
        val expected: List<Triple<Kinks, Double, DoubleArray>>,
    )

    fun kink(name: String, covers: Any, f: Expr, vararg at: Double, expected: () -> List<Triple<Kinks, Double, DoubleArray>>) =
        Kink(name, covers, f, at, expected())

    fun g(vararg v: Double) = v

    val rows = listOf(
        // sqrt'(x) = (2 sqrt x)^-1, a pole at 0: the cusp slope
        kink("sqrt at 0", Unary.SQRT, sqrt(x), 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(0.0)), Triple(oneSided, 0.0, g(Double.POSITIVE_INFINITY)))
        },
        // cbrt'(x) = cbrt(x)^-2 / 3
        kink("cbrt at 0", Unary.CBRT, cbrt(x), 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(0.0)), Triple(oneSided, 0.0, g(Double.POSITIVE_INFINITY)))
        },
        // (x^0.5)' = 0.5 x^-0.5
        kink("x^0.5 at 0", PowerOf.of(0.5), x.pow(0.5), 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(0.0)), Triple(oneSided, 0.0, g(Double.POSITIVE_INFINITY)))
        },
        // |x|' = sign(x)
        kink("abs at 0", Unary.ABS, abs(x), 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(0.0)), Triple(Kinks(0.0, -1.0, 0.5), 0.0, g(-1.0)))
        },
        // sign(0) is the convention's, its slope 0 on both sides
        kink("sign at 0", Unary.SIGN, sign(x), 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(0.0)), Triple(Kinks(0.0, -1.0, 0.5), -1.0, g(0.0)))
        },
        kink("heaviside at 0", Unary.HEAVISIDE, x.heaviside(), 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(0.0)), Triple(Kinks(1.0, 0.0, 0.5), 1.0, g(0.0)))
        },
        // relu' = heaviside
        kink("relu at 0", Unary.RELU, relu(x), 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(0.0)), Triple(Kinks(1.0, 0.0, 0.5), 0.0, g(1.0)))
        },
        // hypot's partials x / hypot and y / hypot: x times the cusp slope, 0 for every finite one
        kink("hypot at the origin", Binary.HYPOT, hypot(x, y), 0.0, 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(0.0, 0.0)), Triple(Kinks.STANDARD.withCuspSlope(3.0), 0.0, g(0.0, 0.0)))
        },
        // max's partials greater(x, y) and 1 - greater(x, y); at a tie the share
        kink("max at a tie", Binary.MAX, max(x, y), 1.0, 1.0) {
            listOf(Triple(Kinks.STANDARD, 1.0, g(0.5, 0.5)), Triple(Kinks(0.0, 0.0, 0.25), 1.0, g(0.25, 0.75)))
        },
        kink("min at a tie", Binary.MIN, min(x, y), 1.0, 1.0) {
            listOf(Triple(Kinks.STANDARD, 1.0, g(0.5, 0.5)), Triple(Kinks(0.0, 0.0, 0.25), 1.0, g(0.75, 0.25)))
        },
        kink("greater at a tie", Binary.GREATER, x.apply(Binary.GREATER, y), 1.0, 1.0) {
            listOf(Triple(Kinks.STANDARD, 0.5, g(0.0, 0.0)), Triple(Kinks(0.0, 0.0, 0.25), 0.25, g(0.0, 0.0)))
        },
        // leakyRelu(x, a)' = a + (1 - a) heaviside(x): 0.1 + 0.9 h
        kink("leakyRelu(0.1) at 0", Binary.LEAKY_RELU, leakyRelu(x, 0.1), 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(0.1)), Triple(Kinks(1.0, 0.0, 0.5), 0.0, g(1.0)))
        },
        // elu(x, a)' = h + (1 - h) a e^min(x, 0): 2 for h = 0, 1 for h = 1
        kink("elu(2) at 0", Binary.ELU, elu(x, 2.0), 0.0) {
            listOf(Triple(Kinks.STANDARD, 0.0, g(2.0)), Triple(Kinks(1.0, 0.0, 0.5), 0.0, g(1.0)))
        },
    )

    for (row in rows) {
        test("${row.name}: the value and gradient by hand under each convention, in every engine") {
            val order = row.f.variables().toList()
            val point = Point.of(order, row.at)
            for ((kinks, value, gradient) in row.expected) {
                val compiled = CompiledExpression.compile(row.f, order, kinks)
                val engines = mutableListOf<Triple<String, Double, DoubleArray>>()
                for ((engine, tape) in listOf("generated" to compiled, "interpreted" to compiled.interpreted())) {
                    val grad = DoubleArray(order.size)
                    val v = tape.valueAndGradient(row.at, grad)
                    engines += Triple(engine, v, grad)
                }
                engines += Triple("tree walk", row.f.valueAt(point, kinks), row.f.gradientAt(point, order, kinks))
                engines += Triple("symbolic", row.f.valueAt(point, kinks),
                    row.f.gradient(order).map { it.valueAt(point, kinks) }.toDoubleArray())
                if (order.size == 1) {
                    engines += Triple("jet", row.f.nthDerivativeAt(row.at[0], 0, kinks),
                        doubleArrayOf(row.f.nthDerivativeAt(row.at[0], 1, kinks)))
                }
                for ((engine, v, grad) in engines) {
                    // equal as numbers (0 and -0 alike; an infinite slope equals only itself)
                    withClue("${row.name}, $engine, under $kinks: value $v, gradient ${grad.toList()}") {
                        (v == value) shouldBe true
                        (grad.size == gradient.size && grad.indices.all { grad[it] == gradient[it] }) shouldBe true
                    }
                }
            }
        }
    }

    test("a finite cusp slope c stands in for the pole: sqrt'(0) = c, cbrt'(0) = c / 3, (x^0.25)'(0) = 0.25 c") {
        val c = Kinks.STANDARD.withCuspSlope(2.0)
        val origin = Point.of("x", 0.0)
        for ((f, slope) in listOf(sqrt(x) to 2.0, cbrt(x) to 2.0 / 3, x.pow(0.25) to 0.5)) {
            withClue("$f") {
                f.gradientAt(origin, listOf("x"), c)[0] shouldBe slope
                val g = DoubleArray(1)
                CompiledExpression.compile(f, listOf("x"), c).valueAndGradient(doubleArrayOf(0.0), g)
                g[0] shouldBe slope
            }
        }
    }

    test("the table is complete: every function a convention binds has a row") {
        val probe = Kinks(1.0, -1.0, 0.25, 3.0)
        val covered = rows.map { it.covers }.toSet()
        for (f in Unary.values()) {
            withClue("$f") { (f.under(probe) !== f) shouldBe covered.contains(f) }
        }
        for (f in Binary.values()) {
            withClue("$f") { (f.under(probe) !== f) shouldBe covered.contains(f) }
        }
        (PowerOf.of(0.5).under(probe) !== PowerOf.of(0.5)) shouldBe true
        covered.contains(PowerOf.of(0.5)) shouldBe true
        // a whole-number power is smooth at 0 and stays unbound
        val cube = PowerOf.of(3.0)
        (cube.under(probe) === cube) shouldBe true
    }
})
