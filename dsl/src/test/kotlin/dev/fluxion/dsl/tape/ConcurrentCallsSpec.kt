package dev.fluxion.dsl.tape

import dev.fluxion.dsl.cos
import dev.fluxion.dsl.exp
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Matrix
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.formula
import dev.fluxion.dsl.pow
import dev.fluxion.dsl.sin
import dev.fluxion.dsl.tanh
import dev.fluxion.dsl.variables
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * One compiled expression called from 8 threads at once gives bit for bit the results of calling it on one thread:
 * each thread works in its own scratch arrays.
 */
class ConcurrentCallsSpec : FunSpec({

    /** The value, the gradient and (when asked) H u at one point, as raw bits. */
    fun results(f: CompiledExpression, x: DoubleArray, u: DoubleArray?): List<Long> {
        val gradient = DoubleArray(x.size)
        val value = f.valueAndGradient(x, gradient)
        val bits = mutableListOf(value.toRawBits())
        gradient.mapTo(bits) { it.toRawBits() }
        if (u != null) {
            val product = DoubleArray(x.size)
            f.hessianVectorProduct(x, u, product)
            product.mapTo(bits) { it.toRawBits() }
        }
        return bits
    }

    /** Runs every call on 8 threads that start together, each taking the calls k, k + 8, k + 16, .... */
    fun concurrently(calls: Int, call: (Int) -> List<Long>): List<List<Long>> {
        val threads = 8
        val out = arrayOfNulls<List<Long>>(calls)
        val pool = Executors.newFixedThreadPool(threads)
        val start = CountDownLatch(1)
        try {
            val futures = (0 until threads).map { t ->
                pool.submit(Runnable {
                    start.await()
                    for (i in t until calls step threads) {
                        out[i] = call(i)
                    }
                })
            }
            start.countDown()
            futures.forEach { it.get(60, TimeUnit.SECONDS) }
        } finally {
            pool.shutdownNow()
        }
        return out.map { it!! }
    }

    test("10,000 value-and-gradient and Hessian-vector calls at different points, 8 threads against one") {
        val (x, y, z, t) = variables("x", "y", "z", "t")
        val f: Expr = formula("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2") +
            sin(z * t) * exp(-(z pow 2)) + tanh(x * t) * cos(y + z)
        val compiled = f.compile("x", "y", "z", "t")
        val calls = 10_000
        val points = List(calls) { i -> DoubleArray(4) { k -> kotlin.math.sin(0.37 * i + 1.3 * k) * 2 } }
        val directions = List(calls) { i -> DoubleArray(4) { k -> kotlin.math.cos(0.11 * i - k) } }
        val serial = List(calls) { results(compiled, points[it], directions[it]) }
        val parallel = concurrently(calls) { results(compiled, points[it], directions[it]) }
        parallel shouldBe serial
    }

    test("the interpreter and a vector tape (logistic loss over 1000 x 20 data) are as safe") {
        val (x, y) = variables("x", "y")
        val interpreted = (sin(x * y) + exp(x) * y).compile("x", "y").interpreted()
        val points = List(10_000) { i -> doubleArrayOf(kotlin.math.sin(0.3 * i), kotlin.math.cos(0.7 * i)) }
        concurrently(points.size) { results(interpreted, points[it], null) } shouldBe
            points.map { results(interpreted, it, null) }

        val random = java.util.Random(5)
        val data = Matrix.ofRowMajor(1000, 20, DoubleArray(20_000) { random.nextGaussian() })
        val labels = VectorExpr.constant(*DoubleArray(1000) { if (random.nextBoolean()) 1.0 else -1.0 })
        val w = VectorExpr.variable("w", 20)
        val loss = (-(labels * (data * w))).softplus().mean().compile("w")
        val weights = List(400) { i -> DoubleArray(20) { k -> kotlin.math.sin(0.1 * i + k) } }
        val direction = DoubleArray(20) { 1.0 / (1 + it) }
        concurrently(weights.size) { results(loss, weights[it], direction) } shouldBe
            weights.map { results(loss, it, direction) }
    }
})

