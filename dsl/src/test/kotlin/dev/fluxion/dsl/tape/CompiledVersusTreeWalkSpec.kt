package dev.fluxion.dsl.tape

import dev.fluxion.dsl.cos
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.pow
import dev.fluxion.dsl.sin
import dev.fluxion.dsl.variables
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.double
import io.kotest.property.arbitrary.long
import io.kotest.property.checkAll
import kotlin.math.abs
import kotlin.math.cos
import kotlin.math.max
import kotlin.math.sin
import kotlin.random.Random

/**
 * The compiled tape against an independent method, the tree walk on dual and hyper-dual numbers
 * (`gradientAt`, `hessianAt`), on random expressions that use every function of the dsl: the value to 1e-12
 * relative, the gradient in both modes to 1e-10, the Hessian to 1e-8 (and symmetric), Hessian-vector products
 * against H v, and the gradient against centered differences. Tolerances are relative to the largest entry of the
 * reference, or absolute below 1.
 */
class CompiledVersusTreeWalkSpec : FunSpec({

    val names = listOf("x", "y", "z", "t")

    /** Whether the reference derivatives at the point exist and are of a size that doubles compare well at. */
    fun usable(e: RandomExpression, point: Point, value: Double, gradient: DoubleArray, hessian: Array<DoubleArray>) =
        e.kinkArguments.all { abs(it.valueAt(point)) > 1e-3 } &&
            value.isFinite() && abs(value) < 1e6 &&
            gradient.all { it.isFinite() && abs(it) < 1e6 } &&
            hessian.all { row -> row.all { it.isFinite() && abs(it) < 1e8 } }

    test("value, gradient (generated and interpreted), Hessian and Hessian-vector products equal the tree walk") {
        val covered = mutableSetOf<String>()
        var checkedPoints = 0
        var expressions = 0
        checkAll(PropTestConfig(seed = 20260301L, iterations = 400), Arb.long()) { seed ->
            val random = Random(seed)
            val n = random.nextInt(1, 5)
            val order = names.take(n)
            val generated = RandomExpressions(random, order.map { Expr.variable(it) }).next(random.nextInt(1, 5))
            val f = generated.expression
            expressions++
            val reverse = f.compile(order)
            val interpreted = reverse.interpreted()
            var accepted = 0
            repeat(6) {
                if (accepted == 2) return@repeat
                val x = DoubleArray(n) { random.nextDouble(-1.5, 1.5) }
                val point = Point.of(order, x)
                val value = f.valueAt(point)
                val gradient = f.gradientAt(point, order)
                val hessian = f.hessianAt(point, order)
                if (!usable(generated, point, value, gradient, hessian)) return@repeat
                accepted++
                covered += generated.functions
                val at = { "$f at $point" }

                assertClose(reverse.value(x), value, 1e-12 * scaleOf(value)) { "value of ${at()}" }
                val g = DoubleArray(n)
                assertClose(reverse.valueAndGradient(x, g), value, 1e-12 * scaleOf(value)) { "reverse value of ${at()}" }
                assertClose(g, gradient, 1e-10 * scaleOf(gradient)) { "reverse gradient of ${at()}" }
                val gf = DoubleArray(n)
                assertClose(interpreted.valueAndGradient(x, gf), value, 1e-12 * scaleOf(value)) { "interpreted value of ${at()}" }
                assertClose(gf, gradient, 1e-10 * scaleOf(gradient)) { "interpreted gradient of ${at()}" }

                val h = Array(n) { DoubleArray(n) }
                reverse.hessian(x, h)
                val hessianScale = scaleOf(hessian)
                assertClose(h, hessian, 1e-8 * hessianScale) { "Hessian of ${at()}" }
                for (i in 0 until n) {
                    for (j in 0 until i) {
                        assertClose(h[i][j], h[j][i], 1e-10 * hessianScale) { "symmetry ($i, $j) of the Hessian of ${at()}" }
                    }
                }
                val v = DoubleArray(n) { random.nextDouble(-1.0, 1.0) }
                val hv = DoubleArray(n)
                assertClose(reverse.hessianVectorProduct(x, v, hv), value, 1e-12 * scaleOf(value)) { "HVP value of ${at()}" }
                assertClose(hv, matrixTimes(hessian, v), 1e-8 * hessianScale * n) { "H v of ${at()}, v = ${v.toList()}" }

                // centered differences of the compiled value, an estimate independent of both derivative codes
                for (k in 0 until n) {
                    val step = 1e-6 * max(1.0, abs(x[k]))
                    val plus = x.copyOf().also { it[k] += step }
                    val minus = x.copyOf().also { it[k] -= step }
                    val difference = (reverse.value(plus) - reverse.value(minus)) / (2 * step)
                    assertClose(difference, gradient[k], 1e-5 * scaleOf(value, *gradient, hessianScale)) {
                        "centered difference by ${order[k]} of ${at()}"
                    }
                }
            }
            checkedPoints += accepted
        }
        covered shouldContainAll RandomExpressions(Random(0), listOf(Expr.variable("x"))).functionNames
        checkedPoints shouldBeGreaterThan expressions
    }

    test("tapes of every size: sum of sin(x_i) for 1 to 90 variables has gradient cos(x_i) and Hessian diag(-sin x_i)") {
        // The builder grows its arrays past 64, 128 and 256 nodes, for some k while it adds partial nodes. Nodes:
        // k inputs, k sines, k - 1 sums, the partials cos(x_i) and, for the Hessian, their partials -(sin x_i).
        for (k in 1..90) {
            val order = List(k) { "x$it" }
            val f = order.map { sin(Expr.variable(it)) }.reduce(Expr::plus)
            val compiled = f.compile(order)
            compiled.tapeSize() shouldBe 5 * k - 1
            val x = DoubleArray(k) { sin(1.0 + it) }
            val g = DoubleArray(k)
            assertClose(compiled.valueAndGradient(x, g), x.sumOf { sin(it) }, 1e-13 * k) { "value, k = $k" }
            assertClose(g, DoubleArray(k) { cos(x[it]) }, 0.0) { "gradient, k = $k" }
            val u = DoubleArray(k) { 1.0 }
            val hu = DoubleArray(k)
            compiled.hessianVectorProduct(x, u, hu)
            assertClose(hu, DoubleArray(k) { -sin(x[it]) }, 0.0) { "H (1, ..., 1), k = $k" }
        }
    }

    test("the Jacobian of f(x, y) = (x^2 + y, x y, sin x + cos y) is [[2x, 1], [y, x], [cos x, -sin y]]") {
        val (x, y) = variables("x", "y")
        val functions = listOf((x pow 2) + y, x * y, sin(x) + cos(y))
        val compiled = CompiledVectorFunction.compile(functions, listOf("x", "y"))
        compiled.outputs() shouldBe 3
        compiled.dimension() shouldBe 2
        checkAll(PropTestConfig(seed = 7L, iterations = 200), Arb.double(-3.0, 3.0, false), Arb.double(-3.0, 3.0, false)) { a, b ->
            val jacobian = Array(3) { DoubleArray(2) }
            compiled.jacobian(doubleArrayOf(a, b), jacobian)
            val closedForm = arrayOf(doubleArrayOf(2 * a, 1.0), doubleArrayOf(b, a), doubleArrayOf(cos(a), -sin(b)))
            assertClose(jacobian, closedForm, 1e-14 * scaleOf(a, b)) { "Jacobian at ($a, $b)" }
            val treeWalk = Expr.jacobianAt(functions, Point.of("x", a, "y", b), listOf("x", "y"))
            assertClose(jacobian, treeWalk, 1e-14 * scaleOf(a, b)) { "Jacobian against the tree walk at ($a, $b)" }
            val values = DoubleArray(3)
            compiled.values(doubleArrayOf(a, b), values)
            assertClose(values, doubleArrayOf(a * a + b, a * b, sin(a) + cos(b)), 1e-14 * scaleOf(a * a, b)) {
                "values at ($a, $b)"
            }
        }
    }

    test("the Jacobian of outputs over a vector variable has one column per element") {
        val w = VectorExpr.variable("w", 3)
        val compiled = CompiledVectorFunction.compile(listOf(w.sum(), w.dot(w), w.get(2) * w.get(0)), listOf("w"))
        compiled.dimension() shouldBe 3
        val at = doubleArrayOf(0.5, -1.0, 2.0)
        val jacobian = Array(3) { DoubleArray(3) }
        compiled.jacobian(at, jacobian)
        assertClose(
            jacobian,
            arrayOf(doubleArrayOf(1.0, 1.0, 1.0), doubleArrayOf(1.0, -2.0, 4.0), doubleArrayOf(2.0, 0.0, 0.5)),
            1e-15,
        ) { "Jacobian of (sum w, w.w, w2 w0)" }
    }
})
