package dev.fluxion.dsl.tape

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Matrix
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.minus
import dev.fluxion.dsl.pow
import dev.fluxion.dsl.sin
import dev.fluxion.dsl.times
import dev.fluxion.dsl.variables
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlin.math.abs
import kotlin.math.cos
import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.sign
import kotlin.math.sin
import kotlin.math.sqrt

/**
 * Vector expressions, each written in a few lines, against closed forms computed here with plain loops, and
 * against the tree walk (`valueAt`, `gradientAt` on the elements w[0], w[1], ...).
 */
class VectorExpressionsSpec : FunSpec({

    val m = 1000
    val d = 20
    val random = java.util.Random(20260301L)
    val rows = Array(m) { DoubleArray(d) { random.nextGaussian() } }
    val X = Matrix.of(rows)
    val trueWeights = DoubleArray(d) { random.nextGaussian() }
    val targets = DoubleArray(m) { i -> (0 until d).sumOf { j -> rows[i][j] * trueWeights[j] } + 0.3 * random.nextGaussian() }
    val labels = DoubleArray(m) { i -> if (targets[i] + random.nextGaussian() > 0) 1.0 else -1.0 }
    val w = VectorExpr.variable("w", d)
    val at = DoubleArray(d) { 0.3 * random.nextGaussian() }
    val weightsPoint = Point.of("w", at)

    /** X w, by loops. */
    fun predictions(weights: DoubleArray) = DoubleArray(m) { i -> (0 until d).sumOf { j -> rows[i][j] * weights[j] } }

    /** The compiled value and gradient equal the tree walk's at x (variables bound by the compiled names). */
    fun agreesWithTreeWalk(f: Expr, compiled: CompiledExpression, x: DoubleArray, point: Point) {
        val gradient = DoubleArray(x.size)
        val value = compiled.valueAndGradient(x, gradient)
        assertClose(value, f.valueAt(point), 1e-12 * scaleOf(value)) { "tree-walk value of $f" }
        val reference = f.gradientAt(point, compiled.variableNames())
        assertClose(gradient, reference, 1e-10 * scaleOf(reference)) { "tree-walk gradient of $f" }
    }

    test("mean squared error of a linear model: gradient (2/m) X^T (X w - y), Hessian (2/m) X^T X") {
        val loss = (X * w - VectorExpr.constant(*targets)).square().mean()
        val compiled = loss.compile("w")
        compiled.dimension() shouldBe d

        val residuals = predictions(at).also { r -> for (i in 0 until m) r[i] -= targets[i] }
        val value = residuals.sumOf { it * it } / m
        val gradient = DoubleArray(d) { j -> 2.0 / m * (0 until m).sumOf { i -> rows[i][j] * residuals[i] } }
        val hessian = Array(d) { j -> DoubleArray(d) { k -> 2.0 / m * (0 until m).sumOf { i -> rows[i][j] * rows[i][k] } } }

        val g = DoubleArray(d)
        assertClose(compiled.valueAndGradient(at, g), value, 1e-12 * scaleOf(value)) { "MSE value" }
        assertClose(compiled.value(at), value, 1e-12 * scaleOf(value)) { "MSE value alone" }
        assertClose(g, gradient, 1e-10 * scaleOf(gradient)) { "MSE gradient" }
        val h = Array(d) { DoubleArray(d) }
        compiled.hessian(at, h)
        assertClose(h, hessian, 1e-10 * scaleOf(hessian)) { "MSE Hessian" }
        agreesWithTreeWalk(loss, compiled, at, weightsPoint)
    }

    test("logistic regression mean(softplus(-y . X w)): gradient -(1/m) X^T (y . sigmoid(-y . X w))") {
        val loss = (-(VectorExpr.constant(*labels) * (X * w))).softplus().mean()
        val compiled = loss.compile("w")

        val margins = predictions(at).also { z -> for (i in 0 until m) z[i] *= labels[i] }
        fun sigmoid(t: Double) = 1 / (1 + exp(-t))
        val value = margins.sumOf { ln(1 + exp(-it)) } / m
        val gradient = DoubleArray(d) { j -> -1.0 / m * (0 until m).sumOf { i -> labels[i] * rows[i][j] * sigmoid(-margins[i]) } }
        val hessian = Array(d) { j ->
            DoubleArray(d) { k ->
                1.0 / m * (0 until m).sumOf { i -> sigmoid(margins[i]) * sigmoid(-margins[i]) * rows[i][j] * rows[i][k] }
            }
        }

        val g = DoubleArray(d)
        assertClose(compiled.valueAndGradient(at, g), value, 1e-12 * scaleOf(value)) { "logistic value" }
        assertClose(g, gradient, 1e-10 * scaleOf(gradient)) { "logistic gradient" }
        val h = Array(d) { DoubleArray(d) }
        compiled.hessian(at, h)
        assertClose(h, hessian, 1e-10 * scaleOf(hessian)) { "logistic Hessian" }
        agreesWithTreeWalk(loss, compiled, at, weightsPoint)
    }

    /** Rosenbrock in n dimensions from two slices: sum 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2. */
    fun rosenbrock(x: VectorExpr): Expr {
        val head = x.slice(0, x.length() - 1)
        val tail = x.slice(1, x.length())
        return ((tail - head.square()).square() * 100.0).sum() + (1.0 - head).square().sum()
    }

    for (n in listOf(2, 10, 100)) {
        test("Rosenbrock with n = $n from slices: closed-form gradient and Hessian, minimum 0 at (1, ..., 1)") {
            val f = rosenbrock(VectorExpr.variable("x", n))
            val compiled = f.compile("x")
            compiled.dimension() shouldBe n
            // the same function built from n scalar variables, the way a formula would be
            val xs = List(n) { Expr.variable("x$it") }
            val scalarBuilt = (0 until n - 1)
                .map { i -> 100.0 * ((xs[i + 1] - (xs[i] pow 2)) pow 2) + ((1.0 - xs[i]) pow 2) }
                .reduce(Expr::plus)
                .compile(List(n) { "x$it" })

            val ones = DoubleArray(n) { 1.0 }
            val g = DoubleArray(n) { Double.NaN }
            assertClose(compiled.valueAndGradient(ones, g), 0.0, 0.0) { "minimum value" }
            assertClose(g, DoubleArray(n), 0.0) { "gradient at the minimum" }

            val rng = java.util.Random(n.toLong())
            repeat(3) {
                val x = DoubleArray(n) { -2 + 4 * rng.nextDouble() }
                var value = 0.0
                val gradient = DoubleArray(n)
                val hessian = Array(n) { DoubleArray(n) }
                for (i in 0 until n - 1) {
                    val a = x[i + 1] - x[i] * x[i]
                    value += 100 * a * a + (1 - x[i]) * (1 - x[i])
                    gradient[i] += -400 * x[i] * a - 2 * (1 - x[i])
                    gradient[i + 1] += 200 * a
                    hessian[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2
                    hessian[i + 1][i + 1] += 200.0
                    hessian[i][i + 1] = -400 * x[i]
                    hessian[i + 1][i] = -400 * x[i]
                }
                assertClose(compiled.valueAndGradient(x, g), value, 1e-12 * scaleOf(value)) { "Rosenbrock value" }
                assertClose(g, gradient, 1e-12 * scaleOf(gradient)) { "Rosenbrock gradient" }
                val h = Array(n) { DoubleArray(n) }
                compiled.hessian(x, h)
                assertClose(h, hessian, 1e-12 * scaleOf(hessian)) { "Rosenbrock Hessian" }
                agreesWithTreeWalk(f, compiled, x, Point.of("x", x))
                assertClose(scalarBuilt.valueAndGradient(x, g), value, 1e-12 * scaleOf(value)) { "scalar-built value" }
                assertClose(g, gradient, 1e-12 * scaleOf(gradient)) { "scalar-built gradient" }
                scalarBuilt.hessian(x, h)
                assertClose(h, hessian, 1e-12 * scaleOf(hessian)) { "scalar-built Hessian" }
            }
        }
    }

    test("softmax cross-entropy with K = 10: the gradient of -log softmax(z)_c is softmax(z) - onehot(c)") {
        val k = 10
        val c = 3
        val z = VectorExpr.variable("z", k)
        val onehot = DoubleArray(k) { if (it == c) 1.0 else 0.0 }
        val byIndex = -z.logSoftmax().get(c)
        val byDot = -VectorExpr.constant(*onehot).dot(z.logSoftmax())
        val logits = DoubleArray(k) { sin(1.0 + 3 * it) * 4 }
        val max = logits.max()
        val total = logits.sumOf { exp(it - max) }
        val probabilities = DoubleArray(k) { exp(logits[it] - max) / total }
        for (loss in listOf(byIndex, byDot)) {
            val compiled = loss.compile("z")
            val g = DoubleArray(k)
            assertClose(compiled.valueAndGradient(logits, g), -ln(probabilities[c]), 1e-13) { "cross-entropy of $loss" }
            assertClose(g, DoubleArray(k) { probabilities[it] - onehot[it] }, 1e-14) { "gradient of $loss" }
            agreesWithTreeWalk(loss, compiled, logits, Point.of("z", logits))
        }

        // through a fixed linear layer: logits A v, gradient A^T (p - onehot)
        val a = Array(k) { i -> DoubleArray(5) { j -> cos(1.0 + i + 2.0 * j) } }
        val v = VectorExpr.variable("v", 5)
        val layered = -(Matrix.of(a) * v).logSoftmax().get(c)
        val x = doubleArrayOf(0.5, -1.0, 2.0, 0.0, 1.5)
        val layerLogits = matrixTimes(a, x)
        val layerMax = layerLogits.max()
        val layerTotal = layerLogits.sumOf { exp(it - layerMax) }
        val residual = DoubleArray(k) { exp(layerLogits[it] - layerMax) / layerTotal - onehot[it] }
        val compiled = layered.compile("v")
        val g = DoubleArray(5)
        compiled.valueAndGradient(x, g)
        assertClose(g, DoubleArray(5) { j -> (0 until k).sumOf { i -> a[i][j] * residual[i] } }, 1e-14) { "A^T (p - e_c)" }
    }

    test("log-sum-exp and softmax at logits near 1000 do not overflow") {
        val z = VectorExpr.variable("z", 4)
        val logits = doubleArrayOf(1000.0, 1001.0, 999.0, 1002.0)
        val shifted = logits.map { exp(it - 1002) }
        val expected = 1002 + ln(shifted.sum())
        val probabilities = DoubleArray(4) { shifted[it] / shifted.sum() }

        val compiled = z.logSumExp().compile("z")
        val g = DoubleArray(4)
        assertClose(compiled.valueAndGradient(logits, g), expected, 1e-12 * expected) { "log-sum-exp" }
        assertClose(g, probabilities, 1e-14) { "softmax as the gradient of log-sum-exp" }
        assertClose(z.logSumExp().valueAt(Point.of("z", logits)), expected, 1e-12 * expected) { "tree walk" }
        val h = Array(4) { DoubleArray(4) }
        compiled.hessian(logits, h)
        val covariance = Array(4) { i -> DoubleArray(4) { j -> (if (i == j) probabilities[i] else 0.0) - probabilities[i] * probabilities[j] } }
        assertClose(h, covariance, 1e-14) { "Hessian diag(p) - p p^T" }

        val softmaxSum = z.softmax().sum().compile("z")
        assertClose(softmaxSum.valueAndGradient(logits, g), 1.0, 1e-14) { "sum of softmax" }
        assertClose(g, DoubleArray(4), 1e-14) { "gradient of the sum of softmax" }
        val second = z.softmax().get(1).compile("z")
        assertClose(second.valueAndGradient(logits, g), probabilities[1], 1e-14) { "softmax element" }
        assertClose(g, DoubleArray(4) { probabilities[1] * ((if (it == 1) 1.0 else 0.0) - probabilities[it]) }, 1e-14) {
            "gradient p_1 (e_1 - p)"
        }
    }

    test("indexing and slicing, with slices that share a start and end at different places") {
        val v = VectorExpr.variable("w", 5)
        val f = v.get(0) * v.get(4) + v.slice(1, 3).sum() + 2.0 * v.slice(0, 2).sum() + v.slice(0, 4).squaredNorm()
        val x = doubleArrayOf(0.5, -1.5, 2.0, 3.0, -0.25)
        val (w0, w1, w2, w3, w4) = x.toList()
        val value = w0 * w4 + (w1 + w2) + 2 * (w0 + w1) + (w0 * w0 + w1 * w1 + w2 * w2 + w3 * w3)
        val gradient = doubleArrayOf(w4 + 2 + 2 * w0, 1 + 2 + 2 * w1, 1 + 2 * w2, 2 * w3, w0)
        val compiled = f.compile("w")
        val g = DoubleArray(5)
        assertClose(compiled.valueAndGradient(x, g), value, 1e-14) { "value of $f" }
        assertClose(g, gradient, 1e-14) { "gradient of $f" }
        val h = Array(5) { DoubleArray(5) }
        compiled.hessian(x, h)
        val hessian = arrayOf(
            doubleArrayOf(2.0, 0.0, 0.0, 0.0, 1.0),
            doubleArrayOf(0.0, 2.0, 0.0, 0.0, 0.0),
            doubleArrayOf(0.0, 0.0, 2.0, 0.0, 0.0),
            doubleArrayOf(0.0, 0.0, 0.0, 2.0, 0.0),
            doubleArrayOf(1.0, 0.0, 0.0, 0.0, 0.0),
        )
        assertClose(h, hessian, 1e-14) { "Hessian of $f" }
        agreesWithTreeWalk(f, compiled, x, Point.of("w", x))
    }

    test("one scalar broadcast to vectors of two lengths") {
        val (s) = variables("s")
        val a = VectorExpr.variable("a", 3)
        val b = VectorExpr.variable("b", 5)
        val f = (a + s).sum() + (b * s).sum()
        val compiled = f.compile("a", "b", "s")
        compiled.dimension() shouldBe 9
        val x = doubleArrayOf(1.0, 2.0, 3.0, 0.5, -1.0, 2.0, 4.0, -3.0, 1.5)
        val bSum = x.sliceArray(3 until 8).sum()
        val g = DoubleArray(9)
        assertClose(compiled.valueAndGradient(x, g), 6 + 3 * 1.5 + 1.5 * bSum, 1e-14) { "value of $f" }
        assertClose(g, doubleArrayOf(1.0, 1.0, 1.0, 1.5, 1.5, 1.5, 1.5, 1.5, 3 + bSum), 1e-14) { "gradient of $f" }
        agreesWithTreeWalk(f, compiled, x, Point.of(compiled.variableNames(), x))
    }

    test("norms: |w| has gradient w/|w| and Hessian (I - w w^T/|w|^2)/|w|; |w|_1 has gradient sign(w)") {
        val v = VectorExpr.variable("w", 4)
        val x = doubleArrayOf(1.0, -2.0, 0.5, 3.0)
        val norm = sqrt(x.sumOf { it * it })
        val g = DoubleArray(4)

        val euclidean = v.norm().compile("w")
        assertClose(euclidean.valueAndGradient(x, g), norm, 1e-14 * norm) { "norm" }
        assertClose(g, DoubleArray(4) { x[it] / norm }, 1e-14) { "gradient of the norm" }
        val h = Array(4) { DoubleArray(4) }
        euclidean.hessian(x, h)
        val hessian = Array(4) { i -> DoubleArray(4) { j -> ((if (i == j) 1.0 else 0.0) - x[i] * x[j] / (norm * norm)) / norm } }
        assertClose(h, hessian, 1e-14) { "Hessian of the norm" }

        val manhattan = v.norm1().compile("w")
        assertClose(manhattan.valueAndGradient(x, g), x.sumOf { abs(it) }, 0.0) { "1-norm" }
        assertClose(g, DoubleArray(4) { sign(x[it]) }, 0.0) { "gradient of the 1-norm" }

        val squared = v.squaredNorm().compile("w")
        assertClose(squared.valueAndGradient(x, g), norm * norm, 1e-14) { "squared norm" }
        assertClose(g, DoubleArray(4) { 2 * x[it] }, 0.0) { "gradient of the squared norm" }

        for (f in listOf(v.norm(), v.norm1(), v.squaredNorm())) {
            agreesWithTreeWalk(f, f.compile("w"), x, Point.of("w", x))
        }
    }

    test("a vector stacked from scalars: (x y, sin x, y^2, x) . (1, 2, 3, 4) and |(x, x, y)|^2") {
        val (x, y) = variables("x", "y")
        val f = VectorExpr.of(x * y, sin(x), y pow 2, x).dot(VectorExpr.constant(1.0, 2.0, 3.0, 4.0))
        val (a, b) = 0.7 to -1.2
        val compiled = f.compile("x", "y")
        val g = DoubleArray(2)
        assertClose(compiled.valueAndGradient(doubleArrayOf(a, b), g), a * b + 2 * sin(a) + 3 * b * b + 4 * a, 1e-14) { "value" }
        assertClose(g, doubleArrayOf(b + 2 * cos(a) + 4, a + 6 * b), 1e-14) { "gradient" }
        val h = Array(2) { DoubleArray(2) }
        compiled.hessian(doubleArrayOf(a, b), h)
        assertClose(h, arrayOf(doubleArrayOf(-2 * sin(a), 1.0), doubleArrayOf(1.0, 6.0)), 1e-14) { "Hessian" }
        agreesWithTreeWalk(f, compiled, doubleArrayOf(a, b), Point.of("x", a, "y", b))

        val repeated = VectorExpr.of(x, x, y).squaredNorm()
        val twice = repeated.compile("x", "y")
        assertClose(twice.valueAndGradient(doubleArrayOf(a, b), g), 2 * a * a + b * b, 1e-15) { "|(x, x, y)|^2" }
        assertClose(g, doubleArrayOf(4 * a, 2 * b), 1e-15) { "gradient of |(x, x, y)|^2" }
        twice.hessian(doubleArrayOf(a, b), h)
        assertClose(h, arrayOf(doubleArrayOf(4.0, 0.0), doubleArrayOf(0.0, 2.0)), 1e-15) { "Hessian of |(x, x, y)|^2" }
    }
})
