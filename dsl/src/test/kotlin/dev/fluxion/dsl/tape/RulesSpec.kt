package dev.fluxion.dsl.tape

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/**
 * Each rule of the table ([Rules]) at one point, against its derivative worked out by hand: w = op(u, v) at
 * u = 3, v = 4, along du = 1, dv = 2, with adjoint a = 2 and adjoint tangent ad = 5. Every number is exact in
 * binary, so the rules must give these values to the bit.
 */
class RulesSpec : FunSpec({

    /**
     * The rules' operands at the point (u, v, w and the partials p, q, by [Machine] operand), on plain doubles; what
     * the rules add into the operands' adjoints and adjoint tangents is kept by operand.
     */
    class Point(
        private val values: DoubleArray,
        private val tangents: DoubleArray,
        private val function: (Double) -> Double = { Double.NaN },
        private val function2: (Double, Double) -> Double = { _, _ -> Double.NaN },
        private val c: Double = Double.NaN,
    ) : Machine {
        val adjoints = DoubleArray(5)
        val adjointTangents = DoubleArray(5)
        override fun value(operand: Int) = values[operand]
        override fun tangent(operand: Int) = tangents[operand]
        override fun adjoint() = 2.0
        override fun adjointTangent() = 5.0
        override fun nodeConstant() = c
        override fun constant(c: Double) = c
        override fun plus(a: Double, b: Double) = a + b
        override fun minus(a: Double, b: Double) = a - b
        override fun times(a: Double, b: Double) = a * b
        override fun over(a: Double, b: Double) = a / b
        override fun negated(a: Double) = -a
        override fun dividedBySquare(u: Double, w: Double) = u / (w * w)
        override fun unary(x: Double) = function(x)
        override fun binary(x: Double, y: Double) = function2(x, y)
        override fun addToAdjoint(operand: Int, contribution: Double) { adjoints[operand] += contribution }
        override fun subtractFromAdjoint(operand: Int, contribution: Double) { adjoints[operand] -= contribution }
        override fun addToAdjointTangent(operand: Int, contribution: Double) {
            adjointTangents[operand] += contribution
        }
        override fun subtractFromAdjointTangent(operand: Int, contribution: Double) {
            adjointTangents[operand] -= contribution
        }
    }

    /** u = 3, v = 4, the node's value w and tangent dw as given, partials p, q with tangents dp, dq. */
    fun point(w: Double, dw: Double, p: Double = 0.0, q: Double = 0.0, dp: Double = 0.0, dq: Double = 0.0,
              function: (Double) -> Double = { Double.NaN }, function2: (Double, Double) -> Double = { _, _ -> Double.NaN },
              c: Double = Double.NaN) =
        Point(doubleArrayOf(3.0, 4.0, w, p, q), doubleArrayOf(1.0, 2.0, dw, dp, dq), function, function2, c)

    /**
     * The rules of [op] at the point give value w, tangent dw, adjoints (adj u, adj v) and adjoint tangents
     * (adjDot u, adjDot v).
     */
    fun check(op: Int, at: Point, w: Double, dw: Double, adjoints: Pair<Double, Double>,
              adjointTangents: Pair<Double, Double>) {
        Rules.value(op, at) shouldBe w
        Rules.tangent(op, at) shouldBe dw
        Rules.adjoint(op, at)
        Rules.adjointTangent(op, at)
        (at.adjoints[Machine.LEFT] to at.adjoints[Machine.RIGHT]) shouldBe adjoints
        (at.adjointTangents[Machine.LEFT] to at.adjointTangents[Machine.RIGHT]) shouldBe adjointTangents
    }

    test("u + v: dw = du + dv, adj u = adj v = a, their tangents ad") {
        check(Tape.ADD, point(7.0, 3.0), 7.0, 3.0, 2.0 to 2.0, 5.0 to 5.0)
    }

    test("u - v: dw = du - dv, adj u = a, adj v = -a") {
        check(Tape.SUB, point(-1.0, -1.0), -1.0, -1.0, 2.0 to -2.0, 5.0 to -5.0)
    }

    test("u v: dw = du v + u dv = 10, adj u = a v = 8, adj v = a u = 6, d(a v) = ad v + a dv = 24, d(a u) = 17") {
        check(Tape.MUL, point(12.0, 10.0), 12.0, 10.0, 8.0 to 6.0, 24.0 to 17.0)
    }

    test("u / v: dw = (du v - u dv) / v^2 = -1/8, adj u = a / v = 1/2, adj v = -a u / v^2 = -3/8") {
        // d(a / v) = ad / v - a dv / v^2 = 5/4 - 1/4; d(-a u / v^2) = -(ad u + a du) / v^2 + 2 a u dv / v^3
        // = -17/16 + 24/64 = -11/16
        check(Tape.DIV, point(0.75, -0.125), 0.75, -0.125, 0.5 to -0.375, 1.0 to -0.6875)
    }

    test("-u: dw = -du, adj u = -a") {
        check(Tape.NEG, point(-3.0, -1.0), -3.0, -1.0, -2.0 to 0.0, -5.0 to 0.0)
    }

    test("u^2: dw = 2 u du = 6, adj u = 2 a u = 12, d(2 a u) = 2 (ad u + a du) = 34") {
        check(Tape.SQUARE, point(9.0, 6.0), 9.0, 6.0, 12.0 to 0.0, 34.0 to 0.0)
    }

    test("f(u) = u^3 with partial p = 3u^2 = 27, dp = 6u du = 18: dw = p du, adj u = a p = 54, ad p + a dp = 171") {
        check(Tape.UNARY, point(27.0, 27.0, p = 27.0, dp = 18.0, function = { it * it * it }),
            27.0, 27.0, 54.0 to 0.0, 171.0 to 0.0)
    }

    test("f(u, v) = u v with partials p = v, q = u: the product's derivatives, from the partials") {
        check(Tape.BINARY, point(12.0, 10.0, p = 4.0, q = 3.0, dp = 2.0, dq = 1.0, function2 = { x, y -> x * y }),
            12.0, 10.0, 8.0 to 6.0, 24.0 to 17.0)
    }

    test("c u with c = 1/2: dw = c du, adj u = c a, its tangent c ad") {
        check(Tape.VECTOR_SCALE, point(1.5, 0.5, c = 0.5), 1.5, 0.5, 1.0 to 0.0, 2.5 to 0.0)
    }

    test("u + c with c = 1/2: dw = du, adj u = a, its tangent ad") {
        check(Tape.VECTOR_SHIFT, point(3.5, 1.0, c = 0.5), 3.5, 1.0, 2.0 to 0.0, 5.0 to 0.0)
    }

    test("element-wise operations follow their scalar operation's rules; others have none") {
        Tape.elementRule(Tape.VECTOR_ADD) shouldBe Tape.ADD
        Tape.elementRule(Tape.VECTOR_BINARY) shouldBe Tape.BINARY
        Tape.elementRule(Tape.VECTOR_SQUARE) shouldBe Tape.SQUARE
        Tape.elementRule(Tape.MATRIX_PRODUCT) shouldBe -1
    }
})
