package dev.fluxion.dsl.tape

import dev.fluxion.dsl.expr.Matrix
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.formula
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * A confined copy of a compiled expression (scratch arrays of its own, for one thread at a time) gives the values,
 * gradients and Hessians of the closed forms, on the interpreter and on generated code, and one copy per thread
 * on 8 threads gives the one-thread results bit for bit.
 */
class ConfinedCopySpec : FunSpec({

    // f(x) = 1/2 (x - c)^T A (x - c): a matrix product, on generated code; interpreted() keeps it to the interpreter
    // (and its scratch arrays), which the 8-thread test below uses.
    val a = arrayOf(doubleArrayOf(3.0, 1.0), doubleArrayOf(1.0, 2.0))
    val c = doubleArrayOf(0.5, -1.0)
    val x = VectorExpr.variable("x", 2)
    val d = x.minus(VectorExpr.constant(*c))
    val generatedQuadratic = d.dot(Matrix.of(a).times(d)).times(0.5).compile("x")
    val quadratic = generatedQuadratic.interpreted()

    test("a rotated quadratic, on the interpreter and on generated code: value A-form, gradient A (x - c), Hessian A") {
        generatedQuadratic.isGenerated() shouldBe true
        quadratic.isGenerated() shouldBe false
        for (confined in listOf(quadratic.confined(), generatedQuadratic.confined())) {
            confined.isConfined() shouldBe true
            quadratic.isConfined() shouldBe false
            for (point in listOf(doubleArrayOf(0.0, 0.0), doubleArrayOf(2.0, 3.0), doubleArrayOf(-1.5, 0.25))) {
                val d0 = point[0] - c[0]
                val d1 = point[1] - c[1]
                // by hand: A d = (3 d0 + d1, d0 + 2 d1), f = (3 d0^2 + 2 d0 d1 + 2 d1^2) / 2
                val gradient = DoubleArray(2)
                confined.valueAndGradient(point, gradient) shouldBe ((3 * d0 * d0 + 2 * d0 * d1 + 2 * d1 * d1) / 2 plusOrMinus 1e-12)
                gradient[0] shouldBe (3 * d0 + d1 plusOrMinus 1e-12)
                gradient[1] shouldBe (d0 + 2 * d1 plusOrMinus 1e-12)
                val hessian = Array(2) { DoubleArray(2) }
                confined.hessian(point, hessian)
                for (i in 0..1) for (j in 0..1) hessian[i][j] shouldBe (a[i][j] plusOrMinus 1e-12)
            }
        }
    }

    val beale = formula("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2").compile("x", "y")

    test("Beale on generated code: the gradient worked out by hand") {
        beale.isGenerated() shouldBe true
        val confined = beale.confined()
        val (px, py) = 1.3 to -0.7
        val r1 = 1.5 - px + px * py
        val r2 = 2.25 - px + px * py * py
        val r3 = 2.625 - px + px * py * py * py
        val gradient = DoubleArray(2)
        confined.valueAndGradient(doubleArrayOf(px, py), gradient) shouldBe (r1 * r1 + r2 * r2 + r3 * r3 plusOrMinus 1e-12)
        gradient[0] shouldBe (2 * r1 * (py - 1) + 2 * r2 * (py * py - 1) + 2 * r3 * (py * py * py - 1) plusOrMinus 1e-12)
        gradient[1] shouldBe (2 * r1 * px + 2 * r2 * 2 * px * py + 2 * r3 * 3 * px * py * py plusOrMinus 1e-12)
    }

    test("the interpreter-only copy stays confined") {
        beale.confined().interpreted().isConfined() shouldBe true
        beale.confined().interpreted().isGenerated() shouldBe false
        beale.interpreted().isConfined() shouldBe false
    }

    test("one confined copy per thread, 8 threads at once, gives the one-thread results bit for bit") {
        val points = List(8_000) { i -> doubleArrayOf(kotlin.math.sin(0.37 * i) * 3, kotlin.math.cos(1.3 * i) * 3) }
        fun bits(f: CompiledExpression, p: DoubleArray): List<Long> {
            val gradient = DoubleArray(2)
            val value = f.valueAndGradient(p, gradient)
            return listOf(value.toRawBits(), gradient[0].toRawBits(), gradient[1].toRawBits())
        }
        val serial = points.map { bits(quadratic, it) }
        val out = arrayOfNulls<List<Long>>(points.size)
        val pool = Executors.newFixedThreadPool(8)
        val start = CountDownLatch(1)
        try {
            val futures = (0 until 8).map { t ->
                pool.submit {
                    val own = quadratic.confined()
                    start.await() // all 8 threads start together
                    for (i in t until points.size step 8) out[i] = bits(own, points[i])
                }
            }
            start.countDown()
            futures.forEach { it.get(60, TimeUnit.SECONDS) }
        } finally {
            pool.shutdownNow()
        }
        out.toList() shouldBe serial
    }
})
