package dev.fluxion.dsl.tape

import dev.fluxion.dsl.exp
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Matrix
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.log
import dev.fluxion.dsl.pow
import dev.fluxion.dsl.sin
import dev.fluxion.dsl.sqrt
import dev.fluxion.dsl.variables
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.long
import io.kotest.property.checkAll
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.math.abs
import kotlin.math.cos
import kotlin.random.Random

/**
 * The tape compiled to bytecode (`isGenerated()`) against the interpreter of the same tape (`interpreted()`), the
 * tree walk on dual numbers, and closed-form gradients: random scalar expressions over every function of the dsl,
 * vector losses whose sums run as fused loops, random matrix-vector products, random softmax cross-entropy forms
 * (log-sum-exp and elements), long scalar tapes split into several methods (forced with a small method limit), the
 * kink conventions, and calls from 8 threads.
 */
class GeneratedKernelSpec : FunSpec({

    /** The value and gradient as raw bits, so that NaN equals NaN and -0.0 differs from 0.0. */
    fun bits(f: CompiledExpression, x: DoubleArray): List<Long> {
        val gradient = DoubleArray(x.size)
        val value = f.valueAndGradient(x, gradient)
        return listOf(value.toRawBits(), f.value(x).toRawBits()) + gradient.map { it.toRawBits() }
    }

    /**
     * Rosenbrock compiled, at random points in [-1.5, 1.5)^n: the value and the gradient by hand,
     * f = sum 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, and the interpreter's bits.
     */
    fun checkRosenbrock(compiled: CompiledExpression, random: java.util.Random, points: Int) {
        val n = compiled.dimension()
        repeat(points) {
            val at = DoubleArray(n) { -1.5 + 3 * random.nextDouble() }
            var value = 0.0
            val gradient = DoubleArray(n)
            for (i in 0 until n - 1) {
                val valley = at[i + 1] - at[i] * at[i]
                value += 100 * valley * valley + (1 - at[i]) * (1 - at[i])
                gradient[i] += -400 * at[i] * valley - 2 * (1 - at[i])
                gradient[i + 1] += 200 * valley
            }
            val g = DoubleArray(n)
            assertClose(compiled.valueAndGradient(at, g), value, 1e-12 * scaleOf(value)) { "Rosenbrock value" }
            assertClose(compiled.value(at), value, 1e-12 * scaleOf(value)) { "Rosenbrock value alone" }
            assertClose(g, gradient, 1e-12 * scaleOf(gradient)) { "Rosenbrock gradient" }
            bits(compiled, at) shouldBe bits(compiled.interpreted(), at)
        }
    }

    test("random expressions over every function: generated value and gradient equal the interpreter's bit for bit, and the tree walk's") {
        val names = listOf("x", "y", "z", "t")
        var generated = 0
        var treeWalkPoints = 0
        checkAll(PropTestConfig(seed = 20261122L, iterations = 500), Arb.long()) { seed ->
            val random = Random(seed)
            val n = random.nextInt(1, 5)
            val order = names.take(n)
            val e = RandomExpressions(random, order.map { Expr.variable(it) }).next(random.nextInt(1, 6))
            val f = e.expression
            val compiled = f.compile(order)
            compiled.isGenerated() shouldBe true
            generated++
            val interpreter = compiled.interpreted()
            interpreter.isGenerated() shouldBe false
            repeat(4) {
                val x = DoubleArray(n) { random.nextDouble(-1.5, 1.5) }
                bits(compiled, x) shouldBe bits(interpreter, x)
                val point = Point.of(order, x)
                val value = f.valueAt(point)
                val reference = f.gradientAt(point, order)
                if (e.kinkArguments.all { abs(it.valueAt(point)) > 1e-3 } && value.isFinite() &&
                    reference.all { it.isFinite() && abs(it) < 1e6 }
                ) {
                    treeWalkPoints++
                    val g = DoubleArray(n)
                    assertClose(compiled.valueAndGradient(x, g), value, 1e-12 * scaleOf(value)) { "value of $f at $point" }
                    assertClose(g, reference, 1e-10 * scaleOf(reference)) { "gradient of $f at $point" }
                }
            }
        }
        generated shouldBe 500
        treeWalkPoints shouldBeGreaterThan 1000
    }

    test("a square whose adjoint is 0 still takes its step, as the interpreter does: d/dx x^2 y = 2 x y is NaN at x = inf, y = 0") {
        val (x, y) = variables("x", "y")
        val f = x.square() * y + y
        for (largestMethod in listOf(KernelCompiler.LARGEST_METHOD, 40)) {
            val compiled = CompiledExpression.compile(f, listOf("x", "y"), largestMethod)
            compiled.isGenerated() shouldBe true
            val gradient = DoubleArray(2)
            compiled.valueAndGradient(doubleArrayOf(Double.POSITIVE_INFINITY, 0.0), gradient)
            // the square's adjoint is y = 0; the interpreter skips a zero adjoint only up to BINARY, so 0 * 2 inf
            gradient[0].isNaN() shouldBe true
            // d/dy = x^2 + 1 = inf
            gradient[1] shouldBe Double.POSITIVE_INFINITY
            for (point in listOf(doubleArrayOf(Double.POSITIVE_INFINITY, 0.0), doubleArrayOf(Double.NEGATIVE_INFINITY, -0.0),
                    doubleArrayOf(1.5, 0.0), doubleArrayOf(Double.NaN, 0.0))) {
                // every NaN as one: the hardware keeps the payload of the operand in the register it writes
                val oneNaN = { f: CompiledExpression -> bits(f, point).map { if (Double.fromBits(it).isNaN()) 0L else it } }
                oneNaN(compiled) shouldBe oneNaN(compiled.interpreted())
            }
        }
    }

    test("vector-built Rosenbrock, n = 1000, is one fused loop: gradient -400 x_i (x_{i+1} - x_i^2) - 2 (1 - x_i) + 200 (x_i - x_{i-1}^2)") {
        val n = 1000
        val x = VectorExpr.variable("x", n)
        val head = x.slice(0, n - 1)
        val tail = x.slice(1, n)
        val rosenbrock = (tail - head.square()).square().times(Expr.constant(100.0)).plus((head.lift(1.0) - head).square()).sum()
        val compiled = rosenbrock.compile("x")
        compiled.isGenerated() shouldBe true
        // two contributions per entry: the fused loop adds them in the interpreter's order up to commutativity
        checkRosenbrock(compiled, java.util.Random(3), 5)
    }

    test("a mean with a broadcast scalar variable: f(w, s) = mean((s w - c)^2) + s^2") {
        val m = 257
        val random = java.util.Random(11)
        val c = DoubleArray(m) { random.nextGaussian() }
        val w = VectorExpr.variable("w", m)
        val s = Expr.variable("s")
        val f = (w.times(s) - VectorExpr.constant(*c)).square().mean() + (s pow 2)
        val compiled = f.compile("w", "s")
        compiled.isGenerated() shouldBe true
        val at = DoubleArray(m + 1) { random.nextGaussian() }
        val sv = at[m]
        val residual = DoubleArray(m) { sv * at[it] - c[it] }
        val value = residual.sumOf { it * it } / m + sv * sv
        val gradient = DoubleArray(m + 1) { j -> if (j < m) 2.0 / m * residual[j] * sv else 0.0 }
        gradient[m] = 2.0 / m * (0 until m).sumOf { residual[it] * at[it] } + 2 * sv
        val g = DoubleArray(m + 1)
        assertClose(compiled.valueAndGradient(at, g), value, 1e-12 * scaleOf(value)) { "value" }
        assertClose(g, gradient, 1e-12 * scaleOf(gradient)) { "gradient" }
        val reference = DoubleArray(m + 1)
        compiled.interpreted().valueAndGradient(at, reference)
        assertClose(g, reference, 1e-13 * scaleOf(reference)) { "gradient against the interpreter" }
        compiled.value(at).toRawBits() shouldBe compiled.interpreted().value(at).toRawBits()
    }

    test("a sum whose adjoint depends on x, log(1 + sum(exp(sin w))), runs a value loop and a gradient loop") {
        val m = 64
        val w = VectorExpr.variable("w", m)
        val f = log(Expr.constant(1.0) + w.sin().exp().sum())
        val compiled = f.compile("w")
        compiled.isGenerated() shouldBe true
        val at = DoubleArray(m) { kotlin.math.sin(0.3 * it) * 2 }
        val total = at.sumOf { kotlin.math.exp(kotlin.math.sin(it)) }
        val gradient = DoubleArray(m) { kotlin.math.exp(kotlin.math.sin(at[it])) * cos(at[it]) / (1 + total) }
        val g = DoubleArray(m)
        assertClose(compiled.valueAndGradient(at, g), kotlin.math.ln(1 + total), 1e-12) { "value" }
        assertClose(g, gradient, 1e-12) { "gradient" }
        bits(compiled, at) shouldBe bits(compiled.interpreted(), at)
    }

    test("a logistic loss, a matrix product under a softplus, and log-sum-exp over a variable are generated") {
        val random = java.util.Random(2)
        val data = Matrix.ofRowMajor(30, 4, DoubleArray(120) { random.nextGaussian() })
        val w = VectorExpr.variable("w", 4)
        val logistic = (data * w).softplus().mean().compile("w")
        logistic.isGenerated() shouldBe true
        val lse = w.logSumExp().compile("w")
        lse.isGenerated() shouldBe true
        val at = doubleArrayOf(0.1, -0.2, 0.3, 0.05)
        bits(logistic, at) shouldBe bits(logistic.interpreted(), at)
        bits(lse, at) shouldBe bits(lse.interpreted(), at)
        // log sum e^w, and its gradient softmax(w) = e^w / sum e^w
        val total = at.sumOf { kotlin.math.exp(it) }
        val g = DoubleArray(4)
        assertClose(lse.valueAndGradient(at, g), kotlin.math.ln(total), 1e-15) { "log-sum-exp" }
        assertClose(g, DoubleArray(4) { kotlin.math.exp(at[it]) / total }, 1e-15) { "softmax" }
    }

    test("random softmax cross-entropy forms: generated log-sum-exp and elements equal the interpreter bit for bit, and the closed form") {
        var cases = 0
        checkAll(PropTestConfig(seed = 20261207L, iterations = 200), Arb.long()) { seed ->
            val random = Random(seed)
            val classes = random.nextInt(1, 8)
            val features = random.nextInt(1, 7)
            val weights = Array(classes) { DoubleArray(features) { random.nextDouble(-2.0, 2.0) } }
            val bias = DoubleArray(classes) { random.nextDouble(-1.0, 1.0) }
            val label = random.nextInt(classes)
            val x = VectorExpr.variable("x", features)
            val at = DoubleArray(features) { random.nextDouble(-2.0, 2.0) }
            // logits z = W x (+ b, element-wise, kept whole for the log-sum-exp), loss = lse(z) - z[label]
            val withBias = random.nextBoolean()
            val product = Matrix.of(weights) * x
            val logits = if (withBias) product + VectorExpr.constant(*bias) else product
            val kind = random.nextInt(3)
            val f = when (kind) {
                0 -> logits.logSumExp() - logits[label]
                1 -> logits.logSumExp() * logits.logSumExp() + x[0]
                else -> x.square().times(Expr.constant(3.0)).logSumExp() - x[features - 1]
            }
            val z = DoubleArray(classes) { k -> (0 until features).sumOf { weights[k][it] * at[it] } + if (withBias) bias[k] else 0.0 }
            fun lse(v: DoubleArray): Double = v.max().let { m -> m + kotlin.math.ln(v.sumOf { kotlin.math.exp(it - m) }) }
            fun softmax(v: DoubleArray): DoubleArray = DoubleArray(v.size) { kotlin.math.exp(v[it] - lse(v)) }
            val value: Double
            val gradient: DoubleArray
            when (kind) {
                0 -> {
                    value = lse(z) - z[label]
                    val p = softmax(z)
                    p[label] -= 1.0
                    gradient = DoubleArray(features) { j -> (0 until classes).sumOf { p[it] * weights[it][j] } }
                }
                1 -> {
                    val s = lse(z)
                    value = s * s + at[0]
                    val p = softmax(z)
                    gradient = DoubleArray(features) { j -> 2 * s * (0 until classes).sumOf { p[it] * weights[it][j] } }
                    gradient[0] += 1.0
                }
                else -> {
                    val u = DoubleArray(features) { 3 * at[it] * at[it] }
                    value = lse(u) - at[features - 1]
                    val p = softmax(u)
                    gradient = DoubleArray(features) { 6 * at[it] * p[it] }
                    gradient[features - 1] -= 1.0
                }
            }
            val compiled = f.compile("x")
            compiled.isGenerated() shouldBe true
            bits(compiled, at) shouldBe bits(compiled.interpreted(), at)
            val g = DoubleArray(features)
            assertClose(compiled.valueAndGradient(at, g), value, 1e-12 * scaleOf(value)) { "value of case $kind" }
            assertClose(g, gradient, 1e-11 * scaleOf(gradient)) { "gradient of case $kind" }
            cases++
        }
        cases shouldBe 200
    }

    test("log-sum-exp with an infinite element: the interpreter's NaN and infinity conventions, in generated code") {
        val x = VectorExpr.variable("x", 3)
        val f = x.logSumExp().compile("x")
        f.isGenerated() shouldBe true
        for (point in listOf(doubleArrayOf(0.0, Double.POSITIVE_INFINITY, 1.0), doubleArrayOf(Double.NEGATIVE_INFINITY, 0.0, 1.0),
            doubleArrayOf(Double.NaN, 0.0, 1.0), doubleArrayOf(1e308, 1e308, -1e308))) {
            bits(f, point) shouldBe bits(f.interpreted(), point)
        }
    }

    /**
     * As [bits], every NaN taken as one: where both operands of + or * are NaNs of opposite signs, the hardware keeps
     * the one in the register it writes to, and the JIT picks that register, for the interpreter's loops as for
     * generated code (Java leaves the sign of a NaN result unspecified).
     */
    fun bitsNaNAsOne(f: CompiledExpression, x: DoubleArray): List<Long> = bits(f, x).map {
        if (java.lang.Double.isNaN(java.lang.Double.longBitsToDouble(it))) 0x7ff8000000000000L else it
    }

    test("a vector variable's gradient, in a short loop and a long one: 0 + its contributions, bit for bit") {
        // sum(c x): the one contribution to g_j is c_j, and the gradient, which starts at +0, is 0 + c_j: c_j itself,
        // except that -0 becomes +0; a NaN, an infinity and a subnormal pass as they are. Short loops (n <= 4) take
        // the contribution without the addition where it is neither a zero nor a NaN (KernelMethod.addIntoGradient)
        val specials = doubleArrayOf(-0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -2.5, 1e300)
        for (n in listOf(1, 2, 3, 4, 5, 9)) {
            for (start in specials.indices) {
                val c = DoubleArray(n) { specials[(start + it) % specials.size] }
                val x = VectorExpr.variable("x", n)
                val f = x.times(VectorExpr.constant(*c)).sum().compile(listOf("x"))
                f.isGenerated() shouldBe true
                val gradient = DoubleArray(n)
                f.valueAndGradient(DoubleArray(n) { 1.0 }, gradient)
                gradient.map { it.toRawBits() } shouldBe c.map { (0.0 + it).toRawBits() }
            }
            // (1/2) x x, x_j / 2 from each factor, zeros of either sign, NaN and infinity among the points: the interpreter's bits
            val x = VectorExpr.variable("x", n)
            val f = x.times(x).sum().times(0.5).compile(listOf("x"))
            for (start in specials.indices) {
                val at = DoubleArray(n) { specials[(start + it) % specials.size] }
                bitsNaNAsOne(f, at) shouldBe bitsNaNAsOne(f.interpreted(), at)
            }
        }
    }

    test("random long scalar expressions, split into methods of a few nodes, equal the interpreter bit for bit") {
        val names = List(12) { "v$it" }
        var split = 0
        checkAll(PropTestConfig(seed = 20261208L, iterations = 150), Arb.long()) { seed ->
            val random = Random(seed)
            val n = random.nextInt(1, names.size + 1)
            val order = names.take(n)
            val generator = RandomExpressions(random, order.map { Expr.variable(it) })
            // a sum of random terms, some scaled or shifted by constants (adjoints known at compile time), with
            // variables that no term may use (gradient 0)
            val f = generator.chain(1..4, 1..11) { f, term ->
                when (random.nextInt(4)) {
                    0 -> f + term
                    1 -> f - term * 0.5
                    2 -> f * term
                    else -> term - f
                }
            }
            val largestMethod = listOf(150, 250, 400)[random.nextInt(3)]
            val compiled = CompiledExpression.compile(f, order, largestMethod)
            compiled.isGenerated() shouldBe true
            if (compiled.isSplit()) {
                split++
            }
            val interpreter = compiled.interpreted()
            repeat(3) {
                val x = DoubleArray(n) { random.nextDouble(-1.5, 1.5) }
                bitsNaNAsOne(compiled, x) shouldBe bitsNaNAsOne(interpreter, x)
            }
            // zeros of either sign, where the sign of a zero adjoint could tell the two apart (and NaNs arise)
            val zeros = DoubleArray(n) { if (random.nextBoolean()) 0.0 else -0.0 }
            bitsNaNAsOne(compiled, zeros) shouldBe bitsNaNAsOne(interpreter, zeros)
        }
        split shouldBeGreaterThan 100
    }

    test("scalar-built Rosenbrock, n = 1000, is split: gradient -400 x_i (x_{i+1} - x_i^2) - 2 (1 - x_i) + 200 (x_i - x_{i-1}^2), the interpreter's bits") {
        val n = 1000
        val xs = List(n) { Expr.variable("x$it") }
        var f: Expr = Expr.constant(0.0)
        for (i in 0 until n - 1) {
            f = f + (xs[i + 1] - xs[i].square()).square() * 100.0 + (Expr.constant(1.0) - xs[i]).square()
        }
        val compiled = f.compile(List(n) { "x$it" })
        compiled.isGenerated() shouldBe true
        compiled.isSplit() shouldBe true
        checkRosenbrock(compiled, java.util.Random(5), 3)
    }

    test("random matrix products: generated value and gradient equal the interpreter's bit for bit, and the hand-written products'") {
        /** M v, and M^T v, summed in index order. */
        fun product(m: Array<DoubleArray>, v: DoubleArray) = DoubleArray(m.size) { i -> m[i].indices.sumOf { m[i][it] * v[it] } }
        fun transposed(m: Array<DoubleArray>, v: DoubleArray) = DoubleArray(m[0].size) { j -> m.indices.sumOf { m[it][j] * v[it] } }
        fun dot(u: DoubleArray, v: DoubleArray) = u.indices.sumOf { u[it] * v[it] }
        var cases = 0
        checkAll(PropTestConfig(seed = 20261206L, iterations = 200), Arb.long()) { seed ->
            val random = Random(seed)
            val rows = random.nextInt(1, 7)
            val columns = random.nextInt(1, 7)
            fun matrix(r: Int, c: Int) = Array(r) { DoubleArray(c) { random.nextDouble(-2.0, 2.0) } }
            fun vector(n: Int) = DoubleArray(n) { random.nextDouble(-2.0, 2.0) }
            val a = matrix(rows, columns)
            val square = matrix(columns, columns)
            val b = matrix(random.nextInt(1, 7), rows)
            val target = vector(rows)
            val centre = vector(columns)
            val x = VectorExpr.variable("x", columns)
            val s = Expr.variable("s")
            val at = vector(columns)
            val sv = random.nextDouble(0.5, 2.0)
            // each case: the expression, its variables, the point, f and grad f from the hand-written products
            val kind = random.nextInt(6)
            val (f, names, point) = when (kind) {
                0 -> Triple((x - VectorExpr.constant(*centre)).let { d -> d.dot(Matrix.of(square) * d) * 0.5 }, listOf("x"), at)
                1 -> Triple((Matrix.of(a) * x - VectorExpr.constant(*target)).square().sum(), listOf("x"), at)
                2 -> Triple(x.dot(Matrix.of(square) * x), listOf("x"), at)
                3 -> Triple((Matrix.of(a) * x).softplus().mean(), listOf("x"), at)
                4 -> Triple((Matrix.of(a) * x.times(s)).square().sum(), listOf("x", "s"), at + sv)
                else -> Triple((Matrix.of(b) * (Matrix.of(a) * x)).square().sum(), listOf("x"), at)
            }
            val value: Double
            val gradient: DoubleArray
            when (kind) {
                0 -> {
                    val d = DoubleArray(columns) { at[it] - centre[it] }
                    value = 0.5 * dot(d, product(square, d))
                    gradient = DoubleArray(columns) { 0.5 * (product(square, d)[it] + transposed(square, d)[it]) }
                }
                1 -> {
                    val r = DoubleArray(rows) { product(a, at)[it] - target[it] }
                    value = dot(r, r)
                    gradient = transposed(a, r).map { 2 * it }.toDoubleArray()
                }
                2 -> {
                    value = dot(at, product(square, at))
                    gradient = DoubleArray(columns) { product(square, at)[it] + transposed(square, at)[it] }
                }
                3 -> {
                    val z = product(a, at)
                    value = z.sumOf { kotlin.math.ln(1 + kotlin.math.exp(it)) } / rows
                    gradient = transposed(a, DoubleArray(rows) { 1 / (1 + kotlin.math.exp(-z[it])) / rows })
                }
                4 -> {
                    val u = product(a, DoubleArray(columns) { sv * at[it] })
                    value = dot(u, u)
                    gradient = transposed(a, u).map { 2 * sv * it }.toDoubleArray() + 2 * dot(product(a, at), u)
                }
                else -> {
                    val v = product(b, product(a, at))
                    value = dot(v, v)
                    gradient = transposed(a, transposed(b, v)).map { 2 * it }.toDoubleArray()
                }
            }
            val compiled = f.compile(names)
            compiled.isGenerated() shouldBe true
            bits(compiled, point) shouldBe bits(compiled.interpreted(), point)
            val g = DoubleArray(point.size)
            assertClose(compiled.valueAndGradient(point, g), value, 1e-11 * scaleOf(value)) { "value of case $kind" }
            assertClose(g, gradient, 1e-12 * scaleOf(gradient) * 16) { "gradient of case $kind" }
            cases++
        }
        cases shouldBe 200
    }

    test("a small matrix product is written out and skips a zero adjoint row as the interpreter does") {
        // M = [[inf, 1], [1, 1]], f = (M x) . (0, 1) = x0 + x1 (plus 0 inf = NaN in the value): the adjoint of row 0
        // is 0, and 0 inf would make grad f NaN; the interpreter skips the row, so grad f = M^T (0, 1) = (1, 1)
        val x = VectorExpr.variable("x", 2)
        val m = Matrix.of(arrayOf(doubleArrayOf(Double.POSITIVE_INFINITY, 1.0), doubleArrayOf(1.0, 1.0)))
        val f = (m * x).dot(VectorExpr.constant(0.0, 1.0)).compile(listOf("x"))
        f.isGenerated() shouldBe true
        val point = doubleArrayOf(1.0, 2.0)
        bits(f, point) shouldBe bits(f.interpreted(), point)
        val g = DoubleArray(2)
        f.valueAndGradient(point, g)
        g.toList() shouldBe listOf(1.0, 1.0)
    }

    test("above the method limit the kernel is split: sum of sin(x_i) has gradient cos(x_i) for any number of variables") {
        val sizes = listOf(1, 10, 100, 200, 400, 1000)
        val generated = sizes.map { k ->
            val order = List(k) { "x$it" }
            val compiled = order.map { sin(Expr.variable(it)) }.reduce(Expr::plus).compile(order)
            val x = DoubleArray(k) { kotlin.math.sin(1.0 + it) }
            val g = DoubleArray(k)
            compiled.valueAndGradient(x, g)
            assertClose(g, DoubleArray(k) { cos(x[it]) }, 0.0) { "gradient, k = $k, generated ${compiled.isGenerated()}" }
            bits(compiled, x) shouldBe bits(compiled.interpreted(), x)
            compiled.isGenerated()
        }
        generated.all { it } shouldBe true
    }

    test("generated code honours the kink conventions and skips zero adjoints as the interpreter does") {
        val (x, y) = variables("x", "y")
        val relu = x.relu().compile("x")
        relu.isGenerated() shouldBe true
        val g = DoubleArray(1)
        relu.valueAndGradient(doubleArrayOf(0.0), g)
        g[0] shouldBe 0.0
        x.relu().compile(listOf("x"), Kinks(1.0, 0.0, 0.5)).valueAndGradient(doubleArrayOf(0.0), g)
        g[0] shouldBe 1.0
        val tie = x.max(y).compile("x", "y")
        tie.isGenerated() shouldBe true
        val g2 = DoubleArray(2)
        x.max(y).compile(listOf("x", "y"), Kinks(0.0, 0.0, 0.25)).valueAndGradient(doubleArrayOf(1.0, 1.0), g2)
        g2.toList() shouldBe listOf(0.25, 0.75)
        // relu(sqrt(x)) at 0: the adjoint reaching sqrt is 0 and its partial is infinite; the sweep adds nothing
        val kinked = sqrt(x).relu().compile("x")
        kinked.isGenerated() shouldBe true
        bits(kinked, doubleArrayOf(0.0)) shouldBe bits(kinked.interpreted(), doubleArrayOf(0.0))
        kinked.valueAndGradient(doubleArrayOf(0.0), g)
        g[0] shouldBe 0.0
    }

    test("zero adjoints keep the interpreter's signs: a gradient that is -0 term by term is +0, as 0 + (-0) is") {
        val (x, y, z) = variables("x", "y", "z")
        // d/dx (x y) = y: the interpreter's adjoint starts at +0 and adds -0, so it is +0 at y = -0
        val product = (x * y).compile("x", "y")
        product.isGenerated() shouldBe true
        val g = DoubleArray(2)
        product.valueAndGradient(doubleArrayOf(1.0, -0.0), g)
        g[0].toRawBits() shouldBe 0.0.toRawBits()
        bits(product, doubleArrayOf(1.0, -0.0)) shouldBe bits(product.interpreted(), doubleArrayOf(1.0, -0.0))
        // d/dx -(x y) = -y and d/dz (z - x y) = 1: a first contribution negated, and a known adjoint
        val difference = (z - x * y).compile("x", "y", "z")
        difference.isGenerated() shouldBe true
        for (point in listOf(doubleArrayOf(1.0, 0.0, 2.0), doubleArrayOf(-0.0, -0.0, 0.0), doubleArrayOf(2.0, 3.0, 1.0))) {
            bits(difference, point) shouldBe bits(difference.interpreted(), point)
        }
        val g3 = DoubleArray(3)
        difference.valueAndGradient(doubleArrayOf(2.0, 3.0, 1.0), g3)
        g3.toList() shouldBe listOf(-3.0, -2.0, 1.0)
        // a sum of squares, whose adjoints are 1 through the + and 2 a = 2 at each square: grad = 2 (x - 1, y + 2)
        val bowl = ((x - 1.0) * (x - 1.0) + (y + 2.0) * (y + 2.0)).compile("x", "y")
        bowl.isGenerated() shouldBe true
        bowl.valueAndGradient(doubleArrayOf(0.5, 0.5), g)
        g.toList() shouldBe listOf(-1.0, 5.0)
        bits(bowl, doubleArrayOf(1.0, -2.0)) shouldBe bits(bowl.interpreted(), doubleArrayOf(1.0, -2.0))
    }

    /** The Hessian as raw bits, row by row. */
    fun hessianBits(f: CompiledExpression, x: DoubleArray): List<Long> {
        val h = Array(x.size) { DoubleArray(x.size) { Double.NaN } }
        f.hessian(x, h)
        return h.flatMap { row -> row.map { it.toRawBits() } }
    }

    /** f(x) and H u as raw bits. */
    fun productBits(f: CompiledExpression, x: DoubleArray, u: DoubleArray): List<Long> {
        val hu = DoubleArray(x.size) { Double.NaN }
        val value = f.hessianVectorProduct(x, u, hu)
        return listOf(value.toRawBits()) + hu.map { it.toRawBits() }
    }

    test("random expressions over every function: generated Hessians and Hessian-vector products equal the interpreter's bit for bit") {
        val names = listOf("x", "y", "z", "t")
        var hessians = 0
        var nonzero = 0
        checkAll(PropTestConfig(seed = 20261206L, iterations = 500), Arb.long()) { seed ->
            val random = Random(seed)
            val n = random.nextInt(1, 5)
            val order = names.take(n)
            val f = RandomExpressions(random, order.map { Expr.variable(it) }).next(random.nextInt(1, 6)).expression
            val compiled = f.compile(order)
            compiled.isHessianGenerated() shouldBe true
            compiled.isHessianVectorProductGenerated() shouldBe true
            val interpreter = compiled.interpreted()
            interpreter.isHessianGenerated() shouldBe false
            repeat(4) {
                val x = DoubleArray(n) { random.nextDouble(-1.5, 1.5) }
                val u = DoubleArray(n) { random.nextDouble(-1.0, 1.0) }
                val h = hessianBits(compiled, x)
                h shouldBe hessianBits(interpreter, x)
                productBits(compiled, x, u) shouldBe productBits(interpreter, x, u)
                hessians++
                nonzero += h.count { it != 0L }
            }
        }
        hessians shouldBe 2000
        nonzero shouldBeGreaterThan 1000
    }

    test("scalar-built Rosenbrock, n = 20: the generated Hessian is tridiagonal, from 3 directions, and equals the interpreter's and the hand-written one") {
        val n = 20
        val x = List(n) { Expr.variable("x$it") }
        var f: Expr = Expr.constant(0.0)
        for (i in 0 until n - 1) {
            f = f + Expr.constant(100.0) * (x[i + 1] - x[i].square()).square() + (Expr.constant(1.0) - x[i]).square()
        }
        val compiled = f.compile(List(n) { "x$it" })
        compiled.isHessianGenerated() shouldBe true
        HessianSparsity.of(TapeBuilder.compile(listOf(f), List(n) { "x$it" })).colours() shouldBe 3
        val random = java.util.Random(5)
        repeat(5) {
            val at = DoubleArray(n) { -1.5 + 3 * random.nextDouble() }
            // H_ii = 1200 x_i^2 - 400 x_{i+1} + 2 (i < n-1) + 200 (i > 0), H_{i,i+1} = H_{i+1,i} = -400 x_i
            val expected = Array(n) { DoubleArray(n) }
            for (i in 0 until n - 1) {
                expected[i][i] += 1200 * at[i] * at[i] - 400 * at[i + 1] + 2
                expected[i + 1][i + 1] += 200.0
                expected[i][i + 1] = -400 * at[i]
                expected[i + 1][i] = -400 * at[i]
            }
            val h = Array(n) { DoubleArray(n) { Double.NaN } }
            compiled.hessian(at, h)
            for (i in 0 until n) {
                for (j in 0 until n) {
                    if (abs(i - j) > 1) h[i][j].toRawBits() shouldBe 0L else assertClose(h[i][j], expected[i][j], 1e-12 * 3000) { "H[$i][$j]" }
                }
            }
            hessianBits(compiled, at) shouldBe hessianBits(compiled.interpreted(), at)
            val u = DoubleArray(n) { random.nextGaussian() }
            productBits(compiled, at, u) shouldBe productBits(compiled.interpreted(), at, u)
            val hu = DoubleArray(n)
            compiled.hessianVectorProduct(at, u, hu)
            assertClose(hu, DoubleArray(n) { i -> (0 until n).sumOf { expected[i][it] * u[it] } }, 1e-11 * 3000) { "H u" }
        }
    }

    test("where a value is not finite the generated Hessian hands over to the interpreter, whose rescue and NaNs it keeps") {
        val (x, y) = variables("x", "y")
        // x ln x at 1e-160: the tangent of ln' = 1/x overflows along e_1, the interpreter rescues f'' = 1/x = 1e160
        val xLogX = (x * log(x)).compile("x")
        xLogX.isHessianGenerated() shouldBe true
        val tiny = doubleArrayOf(1e-160)
        hessianBits(xLogX, tiny) shouldBe hessianBits(xLogX.interpreted(), tiny)
        val h = Array(1) { DoubleArray(1) }
        xLogX.hessian(tiny, h)
        assertClose(h[0][0], 1e160, 1e160 * 1e-15) { "f'' of x ln x at 1e-160" }
        // exp(-exp(x)) y at x = 1000: exp(1000) is infinite, the value finite; 0 times inf is NaN in the interpreter
        val overflow = (exp(-exp(x)) * y).compile("x", "y")
        for (point in listOf(doubleArrayOf(1000.0, 2.0), doubleArrayOf(1.0, 2.0), doubleArrayOf(Double.NaN, 1.0))) {
            hessianBits(overflow, point) shouldBe hessianBits(overflow.interpreted(), point)
            productBits(overflow, point, doubleArrayOf(1.0, -1.0)) shouldBe productBits(overflow.interpreted(), point, doubleArrayOf(1.0, -1.0))
        }
    }

    test("8 threads calling generated code get the serial results bit for bit") {
        val (x, y) = variables("x", "y")
        val beale = Expr.parse("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2").compile("x", "y")
        val w = VectorExpr.variable("w", 100)
        val vector = ((w.slice(1, 100) - w.slice(0, 99).square()).square().sum() + exp(-(x * y)) ).compile("w", "x", "y")
        beale.isGenerated() shouldBe true
        vector.isGenerated() shouldBe true
        for (f in listOf(beale, vector)) {
            val calls = 4000
            val points = List(calls) { i -> DoubleArray(f.dimension()) { k -> kotlin.math.sin(0.37 * i + 1.3 * k) * 2 } }
            val serial = points.map { bits(f, it) }
            val out = arrayOfNulls<List<Long>>(calls)
            val pool = Executors.newFixedThreadPool(8)
            val start = CountDownLatch(1)
            try {
                val futures = (0 until 8).map { t ->
                    pool.submit(Runnable {
                        start.await()
                        for (i in t until calls step 8) {
                            out[i] = bits(f, points[i])
                        }
                    })
                }
                start.countDown()
                futures.forEach { it.get(60, TimeUnit.SECONDS) }
            } finally {
                pool.shutdownNow()
            }
            out.toList() shouldBe serial
        }
    }
})
