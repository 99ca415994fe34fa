package dev.fluxion.dsl.tape

import dev.fluxion.dsl.abs
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.max
import dev.fluxion.dsl.number.Dual
import dev.fluxion.dsl.relu
import dev.fluxion.dsl.variables
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * A convention for kinks is a value given to an evaluation, not a setting of the calling thread: two conventions
 * evaluated at once on different threads, interleaved on one thread, or handed to a pool's threads, each give
 * their own slopes.
 *
 * f = relu(x) + |y| + max(x, y) at the origin. By hand: df/dx = relu'(0) + share, df/dy = sign(0) + (1 - share).
 * Standard (heaviside(0) = 0, sign(0) = 0, share 0.5): (0.5, 0.5). Eager = Kinks(1, -1, 0.25): (1.25, -0.25).
 */
class ConcurrentKinksSpec : FunSpec({

    val (x, y) = variables("x", "y")
    val f = relu(x) + abs(y) + max(x, y)
    val order = listOf("x", "y")
    val origin = doubleArrayOf(0.0, 0.0)
    val eager = Kinks(1.0, -1.0, 0.25)
    val expected = mapOf(Kinks.STANDARD to listOf(0.5, 0.5), eager to listOf(1.25, -0.25))

    /** The gradient at the origin by the generated code, the interpreter, the tree walk and the checked walk. */
    fun gradients(kinks: Kinks): List<List<Double>> {
        val compiled = f.compile(order, kinks)
        val taped = listOf(compiled, compiled.interpreted()).map { c ->
            DoubleArray(2).also { g -> c.valueAndGradient(origin, g) }.toList()
        }
        val point = Point.of(order, origin)
        return taped + listOf(f.gradientAt(point, order, kinks).toList(), f.checkedAt(point, order, kinks).gradient.toList())
    }

    test("two conventions on two threads at once, started together, each give their own gradient every time") {
        val start = CyclicBarrier(2)
        val pool = Executors.newFixedThreadPool(2)
        try {
            val runs = expected.keys.map { kinks ->
                pool.submit(Callable {
                    start.await()
                    (1..300).flatMap { gradients(kinks) }.distinct()
                })
            }
            runs.zip(expected.keys).forEach { (run, kinks) -> run.get(60, TimeUnit.SECONDS) shouldBe listOf(expected[kinks]) }
        } finally {
            pool.shutdownNow()
        }
    }

    test("interleaved on one thread: compiled once each, called in turn, neither leaks into the other") {
        val standard = f.compile(order)
        val eagerCompiled = f.compile(order, eager)
        val g = DoubleArray(2)
        repeat(3) {
            eagerCompiled.valueAndGradient(origin, g)
            g.toList() shouldBe expected[eager]
            standard.valueAndGradient(origin, g)
            g.toList() shouldBe expected[Kinks.STANDARD]
        }
    }

    test("a compiled expression keeps its convention on a pool's threads, which the caller's thread never set") {
        val eagerCompiled = f.compile(order, eager)
        val pool = Executors.newFixedThreadPool(3)
        try {
            val results = (1..12).map {
                pool.submit(Callable { DoubleArray(2).also { g -> eagerCompiled.valueAndGradient(origin, g) }.toList() })
            }
            results.map { it.get(60, TimeUnit.SECONDS) }.distinct() shouldBe listOf(expected[eager])
        } finally {
            pool.shutdownNow()
        }
    }

    test("numbers follow the function they are given: relu'(0) on a dual is 0 standard and 1 bound to eager") {
        Dual.variable(0.0).relu().tangent() shouldBe 0.0
        Dual.variable(0.0).apply(eager.bind(dev.fluxion.dsl.function.Unary.RELU)).tangent() shouldBe 1.0
        Dual.variable(0.0).relu().tangent() shouldBe 0.0
    }
})
