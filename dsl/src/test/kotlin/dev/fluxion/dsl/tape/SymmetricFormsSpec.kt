package dev.fluxion.dsl.tape

import dev.fluxion.dsl.expr.Matrix
import dev.fluxion.dsl.expr.VectorExpr
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlin.random.Random

/**
 * A quadratic form v . (M v) with M exactly symmetric: the generated kernel's gradient is 2a (M v), a the sum's
 * adjoint, from its one product ([SymmetricForms]); anything else keeps the interpreter's bits.
 */
class SymmetricFormsSpec : FunSpec({

    /** A symmetric n x n matrix, the upper triangle drawn and mirrored. */
    fun symmetric(random: Random, n: Int): Array<DoubleArray> {
        val a = Array(n) { DoubleArray(n) }
        for (i in 0 until n) {
            for (j in i until n) {
                a[i][j] = random.nextDouble(-2.0, 2.0)
                a[j][i] = a[i][j]
            }
        }
        return a
    }

    /** M d summed in index order, as a hand-written loop computes it: m_r0 d_0 + m_r1 d_1 + .... */
    fun product(m: Array<DoubleArray>, d: DoubleArray) = DoubleArray(m.size) { r ->
        var sum = m[r][0] * d[0]
        for (c in 1 until d.size) {
            sum += m[r][c] * d[c]
        }
        sum
    }

    fun gradient(f: CompiledExpression, x: DoubleArray): DoubleArray {
        val g = DoubleArray(x.size)
        f.valueAndGradient(x, g)
        return g
    }

    fun bitsOf(v: DoubleArray) = v.map { it.toRawBits() }

    test("(1/2) (x - c) . (A (x - c)), A symmetric: the gradient is A (x - c) bit for bit, the value the interpreter's") {
        val random = Random(15)
        for (n in 1..6) {
            repeat(20) {
                val a = symmetric(random, n)
                val centre = DoubleArray(n) { random.nextDouble(-1.0, 1.0) }
                val x = VectorExpr.variable("x", n)
                val d = x.minus(VectorExpr.constant(*centre))
                val f = d.dot(Matrix.of(a).times(d)).times(0.5).compile(listOf("x"))
                f.isGenerated() shouldBe true
                val at = DoubleArray(n) { random.nextDouble(-5.0, 5.0) }
                val expected = product(a, DoubleArray(n) { at[it] - centre[it] })
                bitsOf(gradient(f, at)) shouldBe bitsOf(expected)
                // the interpreter adds the same products in another order: the same to rounding
                assertClose(gradient(f, at), gradient(f.interpreted(), at), 1e-14 * scaleOf(expected)) { "n = $n" }
                f.value(at).toRawBits() shouldBe f.interpreted().value(at).toRawBits()
                f.valueAndGradient(at, DoubleArray(n)).toRawBits() shouldBe f.interpreted().value(at).toRawBits()
            }
        }
    }

    test("x . (A x) with A symmetric, the adjoint 1: the gradient is 2 (A x) bit for bit") {
        val random = Random(16)
        repeat(20) {
            val n = random.nextInt(1, 8)
            val a = symmetric(random, n)
            val f = VectorExpr.variable("x", n).let { x -> x.dot(Matrix.of(a).times(x)) }.compile(listOf("x"))
            val at = DoubleArray(n) { random.nextDouble(-3.0, 3.0) }
            bitsOf(gradient(f, at)) shouldBe bitsOf(product(a, at).map { 2 * it }.toDoubleArray())
        }
    }

    test("a matrix one ulp off symmetric, an adjoint not a power of two, or v read elsewhere keep the interpreter's bits") {
        val random = Random(17)
        var differs = 0
        repeat(40) {
            val n = random.nextInt(2, 6)
            val a = symmetric(random, n)
            val x = VectorExpr.variable("x", n)
            val centre = DoubleArray(n) { random.nextDouble(-1.0, 1.0) }
            val d = x.minus(VectorExpr.constant(*centre))
            val skew = a.map { it.clone() }.toTypedArray().also { it[0][1] = Math.nextUp(it[0][1]) }
            val cases = listOf(
                d.dot(Matrix.of(skew).times(d)).times(0.5),
                d.dot(Matrix.of(a).times(d)).times(0.3),
                d.dot(Matrix.of(a).times(d)).times(0.5).plus(d.square().sum()),
            )
            val at = DoubleArray(n) { random.nextDouble(-5.0, 5.0) }
            for (e in cases) {
                val f = e.compile(listOf("x"))
                f.isGenerated() shouldBe true
                bitsOf(gradient(f, at)) shouldBe bitsOf(gradient(f.interpreted(), at))
            }
            // the symmetric form itself, against which these cases are set: the interpreter's bits differ at times
            val form = d.dot(Matrix.of(a).times(d)).times(0.5).compile(listOf("x"))
            if (bitsOf(gradient(form, at)) != bitsOf(gradient(form.interpreted(), at))) {
                differs++
            }
        }
        // so the cases above would have caught a specialisation that fired where it must not
        (differs > 0) shouldBe true
    }

    test("a zero component, whose row the interpreter's transposed product skips: the gradient is still A x") {
        val a = arrayOf(doubleArrayOf(2.0, 1.0), doubleArrayOf(1.0, 3.0))
        val x = VectorExpr.variable("x", 2)
        val f = x.dot(Matrix.of(a).times(x)).times(0.5).compile(listOf("x"))
        val at = doubleArrayOf(0.0, 1.0)
        // A x = (1, 3); f = (1/2) (0 * 1 + 1 * 3)
        bitsOf(gradient(f, at)) shouldBe bitsOf(doubleArrayOf(1.0, 3.0))
        bitsOf(gradient(f.interpreted(), at)) shouldBe bitsOf(doubleArrayOf(1.0, 3.0))
        f.value(at) shouldBe 1.5
    }

    test("signed zeros: the product without its leading 0 + and v's adjoints stored once keep the interpreter's +0") {
        // v = 2x at x = (-0, -0) is (-0, -0): M v summed without the leading 0 + is (-0) + (-0) = -0 in both rows,
        // where Matrix.multiplyInto's (0 + (-0)) + (-0) is +0; so is v's one adjoint contribution, stored, not added
        // to 0. The gradient 2 adj_v, added to the gradient's 0, is +0 in both, and so is f = (1/2) (0 + ...)
        val a = arrayOf(doubleArrayOf(2.0, 1.0), doubleArrayOf(1.0, 3.0))
        val x = VectorExpr.variable("x", 2)
        val v = x.times(VectorExpr.constant(2.0, 2.0))
        val f = v.dot(Matrix.of(a).times(v)).times(0.5).compile(listOf("x"))
        f.isGenerated() shouldBe true
        val at = doubleArrayOf(-0.0, -0.0)
        val zeros = bitsOf(doubleArrayOf(0.0, 0.0))
        bitsOf(gradient(f, at)) shouldBe zeros
        bitsOf(gradient(f.interpreted(), at)) shouldBe zeros
        f.valueAndGradient(at, DoubleArray(2)).toRawBits() shouldBe 0.0.toRawBits()
        // away from zero, the computed v's form still has the gradient 2 M v (2a = 1, v' = 2): 2 (M (2x))
        val point = doubleArrayOf(0.75, -1.25)
        val twice = doubleArrayOf(1.5, -2.5)
        bitsOf(gradient(f, point)) shouldBe bitsOf(product(a, twice).map { 2 * it }.toDoubleArray())
    }

    test("the factor 2a is one constant: (1/2) x . (A x) has the gradient A x exactly, below the normal range too") {
        // 3 times the least subnormal: halving it first would round 1.5 ulps to 2 (ties to even) and give 4, not 3
        val tiny = 3 * Double.MIN_VALUE
        val a = arrayOf(doubleArrayOf(1.0, 0.0), doubleArrayOf(0.0, 1.0))
        val x = VectorExpr.variable("x", 2)
        val f = x.dot(Matrix.of(a).times(x)).times(0.5).compile(listOf("x"))
        f.isGenerated() shouldBe true
        val at = doubleArrayOf(tiny, -2.5)
        // the gradient of (1/2) |x|^2 is x
        bitsOf(gradient(f, at)) shouldBe bitsOf(doubleArrayOf(tiny, -2.5))
        // and with a = 1, 2a = 2: the gradient of x . (A x) is 2 x, 2 tiny exactly
        val g = x.dot(Matrix.of(a).times(x)).compile(listOf("x"))
        bitsOf(gradient(g, at)) shouldBe bitsOf(doubleArrayOf(2 * tiny, -5.0))
    }
})
