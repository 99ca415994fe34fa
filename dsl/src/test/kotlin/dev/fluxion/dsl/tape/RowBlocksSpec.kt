package dev.fluxion.dsl.tape

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Matrix
import dev.fluxion.dsl.expr.VectorExpr
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.long
import io.kotest.property.checkAll
import java.util.Random

/**
 * Generated code computes the rows of a matrix product of more than 16 entries in blocks of up to 8 rows, one column
 * loop per block (outer loop over whole blocks, the rows left over as a block of their own). Each row sum keeps the
 * order of `Matrix.multiplyInto`, so the values and gradients are the interpreter's bit for bit; and both are the
 * hand-written sums M v and M^T a up to rounding. The shapes cover one block, whole blocks only (10 rows: 5 + 5;
 * 24 rows: 3 x 8), whole blocks and a remainder (13 rows: 8 + 5; 37: 4 x 8 + 5), and one column; the product
 * reads a vector variable after a scalar one in x, a constant vector, or a computed vector kept whole.
 */
class RowBlocksSpec : FunSpec({

    /** M v and M^T v, summed in index order. */
    fun product(m: Array<DoubleArray>, v: DoubleArray) = DoubleArray(m.size) { i -> m[i].indices.sumOf { m[i][it] * v[it] } }
    fun transposed(m: Array<DoubleArray>, v: DoubleArray) = DoubleArray(m[0].size) { j -> m.indices.sumOf { m[it][j] * v[it] } }

    test("row blocks of every shape: generated values and gradients equal the interpreter's bit for bit and the hand-written ones") {
        val shapes = listOf(3 to 7, 10 to 20, 24 to 3, 13 to 2, 37 to 5, 40 to 1, 9 to 9)
        var cases = 0
        checkAll(PropTestConfig(seed = 20261206L, iterations = 60), Arb.long()) { seed ->
            val random = Random(seed)
            val (rows, columns) = shapes[random.nextInt(shapes.size)]
            val a = Array(rows) { DoubleArray(columns) { random.nextDouble(-2.0, 2.0) } }
            val at = DoubleArray(columns) { random.nextDouble(-2.0, 2.0) }
            val sv = random.nextDouble(0.5, 2.0)
            val s = Expr.variable("s")
            val x = VectorExpr.variable("x", columns)
            val m = Matrix.of(a)
            val kind = random.nextInt(3)
            // f = s |u|^2 with u = M v: v = x (read from x after s), x^2 (kept whole), or a constant (gradient by s only)
            val v = when (kind) {
                0 -> at
                1 -> DoubleArray(columns) { at[it] * at[it] }
                else -> DoubleArray(columns) { 0.5 + it }
            }
            val argument = when (kind) {
                0 -> x
                1 -> x.square()
                else -> VectorExpr.constant(*v)
            }
            val f = (m * argument).square().sum() * s + x[0]
            val u = product(a, v)
            val value = u.sumOf { it * it } * sv + at[0]
            val dv = transposed(a, u).map { 2 * sv * it }
            val gradient = doubleArrayOf(u.sumOf { it * it }) + DoubleArray(columns) { j ->
                when (kind) {
                    0 -> dv[j]
                    1 -> dv[j] * 2 * at[j]
                    else -> 0.0
                } + if (j == 0) 1.0 else 0.0
            }
            val compiled = f.compile(listOf("s", "x"))
            compiled.isGenerated() shouldBe true
            val point = doubleArrayOf(sv) + at
            val g = DoubleArray(point.size)
            val gi = DoubleArray(point.size)
            val fv = compiled.valueAndGradient(point, g)
            val fi = compiled.interpreted().valueAndGradient(point, gi)
            fv.toRawBits() shouldBe fi.toRawBits()
            g.map { it.toRawBits() } shouldBe gi.map { it.toRawBits() }
            compiled.value(point).toRawBits() shouldBe fi.toRawBits()
            assertClose(fv, value, 1e-12 * scaleOf(value) * columns) { "value, $rows x $columns, kind $kind" }
            assertClose(g, gradient, 1e-12 * scaleOf(gradient) * rows * columns) { "gradient, $rows x $columns, kind $kind" }
            cases++
        }
        cases shouldBe 60
    }
})
