package dev.fluxion.dsl.tape

import dev.fluxion.dsl.expr.Expr
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
 * Long scalar tapes made of one block repeated with shifted variables, which a split kernel runs as loops
 * ([Reroll], [RerolledLoop]): the loops give the interpreter's bits, value and gradient, and a tape that almost
 * repeats is not taken for one that does.
 */
class RerolledLoopSpec : FunSpec({

    /** The value and gradient as raw bits, a NaN of any payload as one (see GeneratedKernelSpec). */
    fun bits(f: CompiledExpression, x: DoubleArray): List<Long> {
        val gradient = DoubleArray(x.size)
        val value = f.valueAndGradient(x, gradient)
        return (listOf(value, f.value(x)) + gradient.toList()).map {
            if (it.isNaN()) 0x7ff8000000000000L else it.toRawBits()
        }
    }

    /** The kernel's bits equal the interpreter's at 3 random points in [-1.5, 1.5]^n and at zeros of random signs. */
    fun sameBitsAtRandomPoints(compiled: CompiledExpression, interpreter: CompiledExpression, random: Random, n: Int) {
        repeat(3) {
            val x = DoubleArray(n) { random.nextDouble(-1.5, 1.5) }
            bits(compiled, x) shouldBe bits(interpreter, x)
        }
        val zeros = DoubleArray(n) { if (random.nextBoolean()) 0.0 else -0.0 }
        bits(compiled, zeros) shouldBe bits(interpreter, zeros)
    }

    /** sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, with term [odd] changed by [change] if given. */
    fun rosenbrock(n: Int, odd: Int = -1, change: (Expr, Expr) -> Expr = { _, _ -> Expr.constant(0.0) }): Expr {
        val xs = List(n) { Expr.variable("x$it") }
        var f: Expr = Expr.constant(0.0)
        for (i in 0 until n - 1) {
            val term = if (i == odd) change(xs[i], xs[i + 1])
            else (xs[i + 1] - xs[i].square()).square() * 100.0 + (Expr.constant(1.0) - xs[i]).square()
            f = f + term
        }
        return f
    }

    /** The closed form: f and grad f of Rosenbrock at x. */
    fun rosenbrockByHand(x: DoubleArray): Pair<Double, DoubleArray> {
        var value = 0.0
        val gradient = DoubleArray(x.size)
        for (i in 0 until x.size - 1) {
            val valley = x[i + 1] - x[i] * x[i]
            value += 100 * valley * valley + (1 - x[i]) * (1 - x[i])
            gradient[i] += -400 * x[i] * valley - 2 * (1 - x[i])
            gradient[i + 1] += 200 * valley
        }
        return value to gradient
    }

    test("scalar-built Rosenbrock, n = 1000, runs as loops: the closed-form gradient and the interpreter's bits") {
        val n = 1000
        val compiled = CompiledExpression.compile(rosenbrock(n), List(n) { "x$it" }, KernelCompiler.LARGEST_METHOD)
        compiled.isSplit() shouldBe true
        // the value's forward sweep, and the gradient's with the reverse sweep in it: the terms' adjoints are 1
        compiled.loops() shouldBe 2
        compiled.fusedLoops() shouldBe 1
        val random = java.util.Random(19)
        repeat(3) {
            val x = DoubleArray(n) { -1.5 + 3 * random.nextDouble() }
            val (value, gradient) = rosenbrockByHand(x)
            val g = DoubleArray(n)
            assertClose(compiled.valueAndGradient(x, g), value, 1e-12 * scaleOf(value)) { "value" }
            assertClose(g, gradient, 1e-12 * scaleOf(gradient)) { "gradient" }
            bits(compiled, x) shouldBe bits(compiled.interpreted(), x)
        }
        // zeros of either sign, infinities and NaN: where zero adjoints are skipped and NaNs arise
        val special = doubleArrayOf(0.0, -0.0, 1.0, Double.POSITIVE_INFINITY, -1.0, Double.NaN, 1e308)
        val x = DoubleArray(n) { special[(it * 7 + it / 3) % special.size] }
        bits(compiled, x) shouldBe bits(compiled.interpreted(), x)
    }

    test("random blocks repeated with shifted variables run as loops and equal the interpreter bit for bit") {
        var rerolled = 0
        var tried = 0
        checkAll(PropTestConfig(seed = 20261206L, iterations = 60), Arb.long()) { seed ->
            val random = Random(seed)
            val n = random.nextInt(12, 40)
            val reach = random.nextInt(1, 4)
            val names = List(n + reach) { "v$it" }
            val variables = names.map { Expr.variable(it) }
            val depth = random.nextInt(1, 4)
            val blockSeed = random.nextLong()
            // the same random block (one seed) over variables i .. i + reach, chained by +, -, or *
            val combine = random.nextInt(3)
            var f: Expr = Expr.constant(0.5)
            for (i in 0 until n) {
                val block = RandomExpressions(Random(blockSeed), variables.subList(i, i + reach + 1)).next(depth)
                f = when (combine) {
                    0 -> f + block.expression
                    1 -> f - block.expression * 0.5
                    else -> f * block.expression
                }
            }
            val largestMethod = listOf(150, 400, KernelCompiler.LARGEST_METHOD)[random.nextInt(3)]
            if (TapeBuilder.compile(listOf(f), names).reverseOrder.isEmpty()) {
                // a block that folds to a constant (a product with 0): nothing to compile
                return@checkAll
            }
            tried++
            val compiled = CompiledExpression.compile(f, names, largestMethod)
            compiled.isGenerated() shouldBe true
            if (compiled.loops() > 0) {
                rerolled++
            }
            val interpreter = compiled.interpreted()
            sameBitsAtRandomPoints(compiled, interpreter, random, names.size)
        }
        println("RerolledLoopSpec: $rerolled of $tried random tapes ran loops")
        rerolled shouldBeGreaterThan tried / 2
    }

    /**
     * A random block of arithmetic over [vars] (+, -, *, /, square, negation, small constants), the kind whose
     * reverse steps a fused loop can run: no function, so no partial derivative computed after the run.
     */
    fun arithmetic(random: Random, vars: List<Expr>, depth: Int): Expr {
        if (depth == 0 || random.nextDouble() < 0.2) {
            return if (random.nextDouble() < 0.8) vars[random.nextInt(vars.size)]
            else Expr.constant(random.nextInt(-8, 9) / 4.0)
        }
        val a = arithmetic(random, vars, depth - 1)
        return when (random.nextInt(6)) {
            0 -> a + arithmetic(random, vars, depth - 1)
            1 -> a - arithmetic(random, vars, depth - 1)
            2 -> a * arithmetic(random, vars, depth - 1)
            3 -> a / arithmetic(random, vars, depth - 1)
            4 -> a.square()
            else -> -a
        }
    }

    /** Points where zero adjoints are skipped and infinities and NaN arise: zeros of both signs, inf, NaN, 1e308. */
    fun specialPoint(random: Random, size: Int): DoubleArray {
        val special = doubleArrayOf(0.0, -0.0, 1.0, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN, 1e308, -1e-310, 0.5)
        return DoubleArray(size) { special[random.nextInt(special.size)] }
    }

    test("random sums of arithmetic blocks over shifted variables run fused and equal the interpreter bit for bit") {
        var fused = 0
        var tried = 0
        checkAll(PropTestConfig(seed = 20261219L, iterations = 80), Arb.long()) { seed ->
            val random = Random(seed)
            val n = random.nextInt(12, 40)
            val reach = random.nextInt(1, 4)
            val names = List(n + reach) { "v$it" }
            val variables = names.map { Expr.variable(it) }
            val depth = random.nextInt(1, 5)
            val blockSeed = random.nextLong()
            // each term's adjoint is known: 1, -0.5 or 3 (a sum of terms, as a loss or Rosenbrock is)
            val combine = random.nextInt(3)
            var f: Expr = Expr.constant(0.5)
            for (i in 0 until n) {
                val block = arithmetic(Random(blockSeed), variables.subList(i, i + reach + 1), depth)
                f = when (combine) {
                    0 -> f + block
                    1 -> f - block * 0.5
                    else -> f + block * 3.0
                }
            }
            val largestMethod = listOf(150, 400, KernelCompiler.LARGEST_METHOD)[random.nextInt(3)]
            if (TapeBuilder.compile(listOf(f), names).reverseOrder.isEmpty()) {
                return@checkAll
            }
            tried++
            val compiled = CompiledExpression.compile(f, names, largestMethod)
            compiled.isGenerated() shouldBe true
            if (compiled.fusedLoops() > 0) {
                fused++
            }
            val interpreter = compiled.interpreted()
            sameBitsAtRandomPoints(compiled, interpreter, random, names.size)
            repeat(3) {
                val x = specialPoint(random, names.size)
                bits(compiled, x) shouldBe bits(interpreter, x)
            }
        }
        println("RerolledLoopSpec: $fused of $tried random sums ran fused loops")
        fused shouldBeGreaterThan tried / 2
    }

    test("a run whose steps take contributions from the next block, or that adds to one node in every block, is not fused") {
        val n = 200
        val names = List(n) { "x$it" }
        val xs = names.map { Expr.variable(it) }
        // u_i = x_i - 0.5 u_{i-1}: the adjoint of u_{i-1} is complete only after block i
        var u: Expr = xs[0]
        var chain: Expr = Expr.constant(0.0)
        for (i in 1 until n) {
            u = xs[i] - u * 0.5
            chain = chain + u.square()
        }
        // every term adds to w's adjoint: the fused loop would have to hold all their contributions
        val w = Expr.variable("w")
        var shared: Expr = Expr.constant(0.0)
        for (i in 0 until n) {
            shared = shared + (xs[i] - w).square() * 2.0
        }
        val random = java.util.Random(53)
        for ((what, f, order) in listOf(Triple("chain", chain, names), Triple("shared", shared, names + "w"))) {
            val compiled = CompiledExpression.compile(f, order, KernelCompiler.LARGEST_METHOD)
            withClue(what) {
                compiled.isSplit() shouldBe true
                compiled.fusedLoops() shouldBe 0
                val interpreter = compiled.interpreted()
                repeat(3) {
                    val x = DoubleArray(order.size) { -1.5 + 3 * random.nextDouble() }
                    bits(compiled, x) shouldBe bits(interpreter, x)
                }
                val x = specialPoint(Random(what.length), order.size)
                bits(compiled, x) shouldBe bits(interpreter, x)
            }
        }
    }

    test("a Rosenbrock whose term 37 almost repeats the others is not taken for a repeat there") {
        val n = 120
        val changes: List<Pair<String, (Expr, Expr) -> Expr>> = listOf(
            "another constant, 100.5" to { a, b -> (b - a.square()).square() * 100.5 + (Expr.constant(1.0) - a).square() },
            "another operation, + for -" to { a, b -> (b + a.square()).square() * 100.0 + (Expr.constant(1.0) - a).square() },
            "another variable, x_{i+2} for x_{i+1}" to { a, _ ->
                (Expr.variable("x39") - a.square()).square() * 100.0 + (Expr.constant(1.0) - a).square()
            },
        )
        for ((what, change) in changes) {
            val f = rosenbrock(n, 37, change)
            val order = List(n) { "x$it" }
            val tape = TapeBuilder.compile(listOf(f), order)
            // the node of term 37 that differs: none of the runs found may hold term 37 and its neighbours alike
            for (schedule in listOf(tape.valueOrder, tape.gradientOrder, tape.reverseOrder)) {
                val runs = Reroll.find(tape, schedule, if (schedule === tape.reverseOrder) ConstantAdjoints.of(tape) else null, 8)
                runs.size shouldBeGreaterThan 0
                for (run in runs) {
                    val nodes = (run.from() until run.to()).map { schedule[it] }.toSet()
                    // every block of a run is its first block shifted; the run holds no node of term 37 with the
                    // nodes of both term 36 and term 38 unless the change is invisible to the tape
                    val terms = nodes.map { termOf(tape, it) }.filter { it >= 0 }.toSet()
                    (36 in terms && 37 in terms && 38 in terms) shouldBe false
                }
            }
            val compiled = CompiledExpression.compile(f, order, KernelCompiler.LARGEST_METHOD)
            compiled.loops() shouldBeGreaterThan 0
            val random = java.util.Random(37)
            repeat(3) {
                val x = DoubleArray(n) { -1.5 + 3 * random.nextDouble() }
                withClue(what) { bits(compiled, x) shouldBe bits(compiled.interpreted(), x) }
            }
        }
    }
})

/**
 * The Rosenbrock term a node of [tape] belongs to: the smallest variable slot i among the variables it depends on
 * (term i reads x_i and x_{i+1}), or -1 for a node that reads none.
 */
private fun termOf(tape: Tape, node: Int): Int {
    val seen = HashSet<Int>()
    var smallest = Int.MAX_VALUE
    val stack = ArrayDeque(listOf(node))
    while (stack.isNotEmpty()) {
        val i = stack.removeLast()
        if (!seen.add(i) || i < 0) {
            continue
        }
        when (tape.op[i]) {
            Tape.INPUT -> smallest = minOf(smallest, tape.left[i])
            Tape.CONSTANT -> {}
            else -> {
                stack.addLast(tape.left[i])
                stack.addLast(tape.right[i])
            }
        }
    }
    return if (smallest == Int.MAX_VALUE) -1 else smallest
}
