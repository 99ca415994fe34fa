package dev.fluxion.dsl

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withTests
import io.kotest.matchers.collections.shouldNotContain
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlin.math.E
import kotlin.math.PI
import kotlin.math.atan
import kotlin.math.cos
import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.sin
import kotlin.math.sqrt
import kotlin.math.tan
import kotlin.math.tanh

class SymbolicSizeSpec : FunSpec({
    val x = variable("x")

    context("symbolic derivatives do not swell") {
        test("d/dx of a product of ten factors prints in under 4 KB and equals f * sum g_i'/g_i") {
            val factors: List<Expr> =
                listOf(x, sin(x), exp(x), x + 1, cos(x), ln(x), sqrt(x), tanh(x), (x pow 2) + 3, atan(x))
            val f = factors.reduce(Expr::times)
            val derivative = f.d(x)
            derivative.toString().length shouldBeLessThan 4096

            val a = 0.7
            val fa = a * sin(a) * exp(a) * (a + 1) * cos(a) * ln(a) * sqrt(a) * tanh(a) * (a * a + 3) * atan(a)
            // the logarithmic derivative: f'/f = sum of g_i'/g_i over the ten factors
            val logarithmicDerivative = 1 / a + cos(a) / sin(a) + 1 + 1 / (a + 1) - tan(a) + 1 / (a * ln(a)) +
                1 / (2 * a) + (1 - tanh(a) * tanh(a)) / tanh(a) + 2 * a / (a * a + 3) + 1 / ((1 + a * a) * atan(a))
            val at = point("x" to a)
            derivative.valueAt(at) shouldBe near(fa * logarithmicDerivative, 1e-12)
            f.gradientAt(at, listOf("x"))[0] shouldBe near(derivative.valueAt(at), 1e-13)
            f.nthDerivativeAt(a, 1) shouldBe near(derivative.valueAt(at), 1e-13)
        }

        test("d/dx_k of x1 x2 ... x10 is the product of the other nine: 10!/k at x_i = i") {
            val xs = (1..10).map { variable("x$it") }
            val f = xs.drop(1).fold<_, Expr>(xs[0]) { product, xi -> product * xi }
            f.toString() shouldBe "x1*x2*x3*x4*x5*x6*x7*x8*x9*x10"
            val at = Point.of(xs.map { it.name }, DoubleArray(10) { it + 1.0 })
            val tenFactorial = 3628800.0
            for (k in 1..10) {
                val derivative = f.d(xs[k - 1])
                derivative.variables() shouldNotContain "x$k"
                derivative.variables().size shouldBe 9
                derivative.toString().count { it == '*' } shouldBe 8
                derivative.toString().length shouldBeLessThan 80
                derivative.valueAt(at) shouldBe near(tenFactorial / k)
            }
            f.gradientAt(at, xs.map { it.name }).toList() shouldBe (1..10).map { tenFactorial / it }
        }

        test("d/dx of sin applied ten times is the product of cos(s_k), s_0 = x, s_(k+1) = sin(s_k)") {
            var f: Expr = x
            repeat(10) { f = sin(f) }
            val derivative = f.d(x)
            derivative.toString().length shouldBeLessThan 1024
            var s = 0.9
            var expected = 1.0
            repeat(10) {
                expected *= cos(s)
                s = sin(s)
            }
            derivative.valueAt(point("x" to 0.9)) shouldBe near(expected)
            f.nthDerivativeAt(0.9, 1) shouldBe near(expected)
        }
    }

    context("simple derivatives print as a person would write them") {
        data class Printed(val name: String, val f: Expr, val expected: String) : io.kotest.engine.names.WithDataTestName {
            override fun dataTestName() = "$name = $expected"
        }
        val y = variable("y")
        withTests(
            listOf(
                Printed("d/dx (3 x^2)", 3 * (x pow 2), "6*x"),
                Printed("d/dx sin x", sin(x), "cos(x)"),
                Printed("d/dx cos x", cos(x), "-sin(x)"),
                Printed("d/dx x^3", x pow 3, "3*x^2"),
                Printed("d/dx exp(2x)", exp(2 * x), "2*exp(2*x)"),
                Printed("d/dx x y", x * y, "y"),
                Printed("d/dx (x^2 + 3x + 1)", formula("x^2 + 3*x + 1"), "2*x + 3"),
                Printed("d/dx 5", Expr.constant(5.0) + y, "0"),
            ),
        ) { (_, f, expected) ->
            f.d(x).toString() shouldBe expected
        }
    }

    context("formulas print back to the text they were parsed from") {
        withTests(
            listOf(
                "(1.5 - x + x*y)^2 + exp(-x^2/2)",
                "sin(x)*cos(y) - x/(1 + y^2)",
                "2^3^2",
                "-x^2",
                "(x^2)^3",
                "(-x)^2",
                "x^-1",
                "x - (y - z)",
                "x/y/z",
                "x/(y*z)",
                "-(x + y)",
                "2*pi*x + e",
                "atan2(y, x) + hypot(x, y)",
                "log(x, 2) + leakyRelu(x, 0.2)",
                "polygamma(2, x) + digamma(x)",
            ),
        ) { text ->
            formula(text).toString() shouldBe text
            formula(formula(text).toString()) shouldBe formula(text)
        }
    }

    context("the parser's precedence and constants") {
        data class Valued(val text: String, val at: Double, val expected: Double) : io.kotest.engine.names.WithDataTestName {
            override fun dataTestName() = "$text = $expected at x = $at"
        }
        withTests(
            listOf(
                Valued("2^3^2", 0.0, 512.0), // right-associative: 2^(3^2) = 2^9
                Valued("-x^2", 3.0, -9.0), // -(x^2), not (-x)^2
                Valued("(-x)^2", 3.0, 9.0),
                Valued("1 + 2*3^2", 0.0, 19.0),
                Valued("2*3 - 4/2", 0.0, 4.0),
                Valued("8/4/2", 0.0, 1.0), // left-associative: (8/4)/2
                Valued("8 - 4 - 2", 0.0, 2.0),
                Valued("2^-1", 0.0, 0.5),
                Valued("x**2", 3.0, 9.0),
                Valued("-2*-x", 3.0, 6.0),
                Valued("pi", 0.0, PI),
                Valued("e", 0.0, E),
                Valued("e^x", 2.0, E * E),
                Valued("2*pi*x", 0.5, PI),
                Valued("sin(pi/6)", 0.0, 0.5),
                Valued("log(e^3)", 0.0, 3.0),
            ),
        ) { (text, at, expected) ->
            formula(text).valueAt(point("x" to at)) shouldBe near(expected, 1e-15)
        }
    }

    context("LaTeX") {
        withTests(
            listOf(
                "x/(1 + x^2)" to """\frac{x}{1 + {x}^{2}}""",
                "sqrt(x) + abs(y)" to """\sqrt{x} + \left|y\right|""",
                "sin(x)*cos(y)" to """\sin\left(x\right) \cdot \cos\left(y\right)""",
                "log(x, 2)" to """\log_{2}\left(x\right)""",
                "pi*x^2" to """\pi \cdot {x}^{2}""",
                "exp(-x^2/2)" to """\exp\left(\frac{-{x}^{2}}{2}\right)""",
            ),
        ) { (text, latex) ->
            formula(text).toLatex() shouldBe latex
        }

        test("d/dx log(x^2 + 1) = 2x / (x^2 + 1) prints as a LaTeX fraction") {
            formula("log(x^2 + 1)").derivative("x").toLatex() shouldBe """2 \cdot \frac{x}{{x}^{2} + 1}"""
            formula("-(x/2)").toLatex() shouldBe """-\frac{x}{2}"""
        }

        test("a negative multiple joins a sum by its sign: d/dx (x - x^2) = 1 - 2*x") {
            (x - (x pow 2)).d(x).toString() shouldBe "1 - 2*x"
            (x + (-3.0 * (x pow 2))).toString() shouldBe "x - 3*x^2"
        }
    }
})
