package dev.fluxion.dsl.tape

import dev.fluxion.dsl.abs
import dev.fluxion.dsl.div
import dev.fluxion.dsl.exp
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.log
import dev.fluxion.dsl.max
import dev.fluxion.dsl.pow
import dev.fluxion.dsl.sin
import dev.fluxion.dsl.sqrt
import dev.fluxion.dsl.times
import dev.fluxion.dsl.variables
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.long
import io.kotest.property.checkAll
import kotlin.random.Random

/**
 * The generated Hessian and Hessian-vector product ([GeneratedHessian]) against the interpreter of the same tape
 * (`interpreted()`), bit for bit, with the value and gradient as well: at random points, and at the special ones
 * where a generated sweep that leaves out a term the interpreter computes could differ: zeros of either sign,
 * infinities, NaN, huge (1e300) and subnormal (1e-310) coordinates. The interpreter defines the bits; every NaN counts
 * as one NaN (the hardware keeps the payload and sign of the operand in the register it writes, and the JIT picks the
 * register), but the sign of a zero counts.
 *
 * Where a value or adjoint is not finite the generated code hands over to the interpreter, so the spec also counts
 * the special points the generated code answered itself (its [GeneratedHessian.hessian] returned true): a zero of
 * either sign or a subnormal coordinate mostly keeps every value finite, and those points test the generated sweep.
 */
class GeneratedHessianBitsSpec : FunSpec({

    val specials = doubleArrayOf(0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        1e300, -1e300, 1e-310, -1e-310)

    /** Raw bits, every NaN as the one canonical NaN, zeros keeping their sign. */
    fun bitsOf(values: DoubleArray): List<Long> = values.map { if (it.isNaN()) 0x7ff8000000000000L else it.toRawBits() }

    /** f(x) from value(), f(x) and the gradient from valueAndGradient(), the Hessian row by row, f(x) and H u. */
    fun everything(f: CompiledExpression, x: DoubleArray, u: DoubleArray): List<Long> {
        val n = x.size
        val gradient = DoubleArray(n) { Double.NaN }
        val value = f.valueAndGradient(x, gradient)
        val h = Array(n) { DoubleArray(n) { Double.NaN } }
        f.hessian(x, h)
        val hu = DoubleArray(n) { Double.NaN }
        val atProduct = f.hessianVectorProduct(x, u, hu)
        return bitsOf(doubleArrayOf(f.value(x), value) + gradient + h.flatMap { it.toList() } + atProduct + hu)
    }

    /** A point whose coordinates are each special with probability 1/2, else in [-1.5, 1.5). */
    fun mixedPoint(random: Random, n: Int): DoubleArray = DoubleArray(n) {
        if (random.nextBoolean()) specials[random.nextInt(specials.size)] else random.nextDouble(-1.5, 1.5)
    }

    /** Counts of the comparisons made and of those the generated Hessian answered without the interpreter. */
    class Tally {
        var points = 0
        var generatedAtSpecial = 0
    }

    /**
     * Compares [f] compiled and interpreted at [x] (with direction [u]), and tallies whether the generated Hessian
     * answered itself at a point with a special coordinate.
     */
    fun compare(f: Expr, order: List<String>, compiled: CompiledExpression, x: DoubleArray, u: DoubleArray, tally: Tally) {
        withClue("$f at ${x.contentToString()} along ${u.contentToString()}") {
            everything(compiled, x, u) shouldBe everything(compiled.interpreted(), x, u)
        }
        tally.points++
        if (x.any { v -> specials.any { it.toRawBits() == v.toRawBits() } }) {
            val h = Array(x.size) { DoubleArray(x.size) }
            if (GeneratedHessian(TapeBuilder.compile(listOf(f), order)).hessian(x, h)) {
                tally.generatedAtSpecial++
            }
        }
    }

    /** Every point of [n] coordinates drawn from the special values alone, when there are few enough (n <= 2). */
    fun allSpecialPoints(n: Int): List<DoubleArray> = when (n) {
        1 -> specials.map { doubleArrayOf(it) }
        2 -> specials.flatMap { a -> specials.map { b -> doubleArrayOf(a, b) } }
        else -> emptyList()
    }

    test("hand-picked expressions (squares, products, roots, exp and log, quotients, powers, kinks) at every special point") {
        val (x, y) = variables("x", "y")
        val cases: List<Expr> = listOf(
            x.square(), x * x, x * y, x.square() * y, x.square() * y + y, (x * y).square(), x * x * y,
            sqrt(x), sqrt(x) * y, sqrt(x.square() + y.square()), sqrt(x * x + y * y) + x,
            exp(x), exp(x) * y, exp(x * y), log(x), x * log(x), log(x) * y, log(x * y), exp(-exp(x)) * y,
            x / y, y / x, (x + 1.0) / (y * y + 1.0), 1.0 / x, x / (x * y),
            x pow 3, x.pow(-1.0), x.pow(0.5), x.pow(1.5), x.pow(2.5) * y, x.pow(-1.5), (x * y).pow(0.25), x.pow(y),
            abs(x), abs(x) * y, abs(x * y) + x.square(), x.relu(), x.relu() * y, (x - y).relu().square(),
            max(x, y) * x, max(x * x, y),
            x - x, (x * y - x * y) * x, x * 0.0 + y.square(), sin(x) * y, x.sign() * y.square(),
            // at x = 0, y = 1e300 every value is finite but the adjoint y y of the innermost node overflows; in
            // y (y (x / 3)) the interpreter multiplies it by the zero tangent of the constant 3, a NaN that the
            // generated code leaves out, so only its check of the variables' adjoints (HessianMethod) hands the point
            // to the interpreter
            y * (y * sin(x)), y * (y * x.square()), (y * (y * x)).square(), y * (y * (x * 3.0)), y * (y * (x / 3.0)),
            y * (y * (0.5 * x + 1.0)),
        )
        val random = Random(20261206)
        val tally = Tally()
        for (f in cases) {
            val order = listOf("x", "y")
            val compiled = f.compile(order)
            compiled.isHessianGenerated() shouldBe true
            compiled.isHessianVectorProductGenerated() shouldBe true
            for (point in allSpecialPoints(2)) {
                val u = doubleArrayOf(random.nextDouble(-1.0, 1.0), random.nextDouble(-1.0, 1.0))
                compare(f, order, compiled, point, u, tally)
            }
            repeat(20) {
                compare(f, order, compiled, mixedPoint(random, 2), mixedPoint(random, 2), tally)
            }
        }
        tally.points shouldBe cases.size * (81 + 20)
        tally.generatedAtSpecial shouldBeGreaterThan 500
    }

    test("random expressions over every function at random and special points: generated Hessians, products, values and gradients equal the interpreter's bit for bit") {
        val names = listOf("x", "y", "z", "t")
        val tally = Tally()
        checkAll(PropTestConfig(seed = 20261207L, iterations = 300), Arb.long()) { seed ->
            val random = Random(seed)
            val n = random.nextInt(1, 5)
            val order = names.take(n)
            val f = RandomExpressions(random, order.map { Expr.variable(it) }).next(random.nextInt(1, 6)).expression
            val compiled = f.compile(order)
            compiled.isHessianGenerated() shouldBe true
            for (point in allSpecialPoints(n)) {
                compare(f, order, compiled, point, DoubleArray(n) { random.nextDouble(-1.0, 1.0) }, tally)
            }
            repeat(8) {
                val u = if (random.nextInt(4) == 0) mixedPoint(random, n) else DoubleArray(n) { random.nextDouble(-1.0, 1.0) }
                compare(f, order, compiled, mixedPoint(random, n), u, tally)
            }
            compare(f, order, compiled, DoubleArray(n) { random.nextDouble(-1.5, 1.5) }, DoubleArray(n) { random.nextDouble(-1.0, 1.0) }, tally)
        }
        tally.points shouldBeGreaterThan 3000
        tally.generatedAtSpecial shouldBeGreaterThan 500
    }

    test("random expressions of raw operations (no domain guards) at random and special points, bit for bit") {
        val names = listOf("x", "y", "z")
        val tally = Tally()
        checkAll(PropTestConfig(seed = 20261208L, iterations = 400), Arb.long()) { seed ->
            val random = Random(seed)
            val n = random.nextInt(1, 4)
            val order = names.take(n)
            val f = RawExpressions(random, order.map { Expr.variable(it) }).next(random.nextInt(1, 5))
            val compiled = f.compile(order)
            for (point in allSpecialPoints(n)) {
                compare(f, order, compiled, point, DoubleArray(n) { random.nextDouble(-1.0, 1.0) }, tally)
            }
            repeat(8) {
                val u = if (random.nextInt(4) == 0) mixedPoint(random, n) else DoubleArray(n) { random.nextDouble(-1.0, 1.0) }
                compare(f, order, compiled, mixedPoint(random, n), u, tally)
            }
            repeat(2) {
                compare(f, order, compiled, DoubleArray(n) { random.nextDouble(-1.5, 1.5) }, DoubleArray(n) { random.nextDouble(-1.0, 1.0) }, tally)
            }
        }
        tally.points shouldBeGreaterThan 4000
        tally.generatedAtSpecial shouldBeGreaterThan 500
    }

    test("long random sums whose generated Hessian is split into several methods, at random and special points, bit for bit") {
        val names = List(10) { "v$it" }
        val tally = Tally()
        var split = 0
        checkAll(PropTestConfig(seed = 20261209L, iterations = 40), Arb.long()) { seed ->
            val random = Random(seed)
            val n = random.nextInt(6, names.size + 1)
            val order = names.take(n)
            val generator = RandomExpressions(random, order.map { Expr.variable(it) })
            val f = generator.chain(2..4, 8..19) { f, term -> if (random.nextInt(3) == 0) f * term else f + term }
            val compiled = f.compile(order)
            if (GeneratedHessian(TapeBuilder.compile(listOf(f), order)).columnMethods() > 1) {
                split++
            }
            repeat(3) {
                compare(f, order, compiled, mixedPoint(random, n), DoubleArray(n) { random.nextDouble(-1.0, 1.0) }, tally)
            }
            // zeros and subnormals alone, where the values mostly stay finite and the generated code answers
            val finite = doubleArrayOf(0.0, -0.0, 1e-310, -1e-310)
            repeat(2) {
                val x = DoubleArray(n) { if (random.nextBoolean()) finite[random.nextInt(4)] else random.nextDouble(-1.5, 1.5) }
                compare(f, order, compiled, x, DoubleArray(n) { random.nextDouble(-1.0, 1.0) }, tally)
            }
            compare(f, order, compiled, DoubleArray(n) { random.nextDouble(-1.5, 1.5) }, DoubleArray(n) { random.nextDouble(-1.0, 1.0) }, tally)
        }
        split shouldBeGreaterThan 10
        tally.generatedAtSpecial shouldBeGreaterThan 40
    }
})

/**
 * Random expressions of the raw operations whose derivatives blow up or vanish at special points: + - * /, squares,
 * sqrt, exp, log, integer and fractional powers, abs, relu, max, and sin; leaves are the variables and the constants
 * 0, 1, -2 and 0.5. No domain guards, so sqrt and log of negative numbers, division by zero and overflow all occur.
 */
private class RawExpressions(private val random: Random, private val variables: List<Expr>) {
    fun next(depth: Int): Expr {
        if (depth == 0 || random.nextDouble() < 0.2) {
            return if (random.nextDouble() < 0.8) variables[random.nextInt(variables.size)]
            else Expr.constant(listOf(0.0, 1.0, -2.0, 0.5)[random.nextInt(4)])
        }
        val a = next(depth - 1)
        return when (random.nextInt(17)) {
            0 -> a + next(depth - 1)
            1 -> a - next(depth - 1)
            2, 3 -> a * next(depth - 1)
            4 -> a / next(depth - 1)
            5 -> a.square()
            6 -> sqrt(a)
            7 -> exp(a)
            8 -> log(a)
            9 -> a pow 3
            10 -> a.pow(listOf(-1.0, 0.5, 1.5, -0.5, 2.5)[random.nextInt(5)])
            11 -> abs(a)
            12 -> a.relu()
            13 -> max(a, next(depth - 1))
            14 -> sin(a)
            15 -> -a
            else -> a * Expr.constant(listOf(0.0, 2.0, -1.0, 3.0)[random.nextInt(4)])
        }
    }
}
