package dev.fluxion.dsl

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.number.DoubleReal
import dev.fluxion.dsl.number.Dual
import dev.fluxion.dsl.number.Jet
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withTests
import io.kotest.engine.names.WithDataTestName
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import kotlin.math.E
import kotlin.math.PI
import kotlin.math.cos
import kotlin.math.cosh
import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.pow
import kotlin.math.sin
import kotlin.math.sinh
import kotlin.math.sqrt
import kotlin.math.tan
import kotlin.math.tanh

/** Euler–Mascheroni constant gamma = -psi(1). */
private const val EULER_GAMMA = 0.5772156649015329

/** The logistic sigmoid on doubles, s(t) = 1 / (1 + e^-t), for writing expected values. */
private fun s(t: Double) = 1.0 / (1.0 + exp(-t))

/** A one-variable derivative by hand: d/dx f at x = a is [expected]. */
private data class Slope(val name: String, val f: Expr, val a: Double, val expected: Double, val relative: Double = 1e-12) :
    WithDataTestName {
    override fun dataTestName() = name
}

/** A gradient by hand: the partials of f by [variables] at [at] are [expected]. */
private data class Gradient(
    val name: String,
    val f: Expr,
    val at: Point,
    val variables: List<String>,
    val expected: List<Double>,
) : WithDataTestName {
    override fun dataTestName() = name
}

private val x: Expr = variable("x")
private val y: Expr = variable("y")

private val oneVariable = listOf(
    // powers and roots
    Slope("x^5: 5 x^4", x pow 5, 2.0, 5 * 16.0),
    Slope("sqrt x: 1 / (2 sqrt x)", sqrt(x), 4.0, 1.0 / 4),
    Slope("cbrt x: 1 / (3 cbrt(x)^2)", cbrt(x), 8.0, 1.0 / 12),
    Slope("cbrt x at -27: 1 / (3 * 9)", cbrt(x), -27.0, 1.0 / 27),
    Slope("1/x: -1/x^2", 1 / x, 2.0, -1.0 / 4),
    Slope("x^x: x^x (ln x + 1)", x powOf x, 2.0, 4 * (ln(2.0) + 1)),
    Slope("(sin x)^x: (sin x)^x (ln sin x + x cot x)", sin(x) powOf x, 1.0,
        sin(1.0) * (ln(sin(1.0)) + cos(1.0) / sin(1.0))),
    // exponentials and logarithms
    Slope("exp: e^x", exp(x), 1.0, E),
    Slope("expm1: e^x", expm1(x), 0.3, exp(0.3)),
    Slope("log: 1/x", ln(x), 4.0, 0.25),
    Slope("log1p: 1 / (1 + x)", log1p(x), 0.25, 0.8),
    Slope("log base 2: 1 / (x ln 2)", log(x, Expr.constant(2.0)), 4.0, 1 / (4 * ln(2.0))),
    // trigonometric
    Slope("sin: cos x", sin(x), PI / 3, 0.5),
    Slope("cos: -sin x", cos(x), PI / 3, -sqrt(3.0) / 2),
    Slope("tan: 1 + tan^2 x", tan(x), PI / 4, 2.0),
    Slope("asin: 1 / sqrt(1 - x^2)", asin(x), 0.5, 2 / sqrt(3.0)),
    Slope("acos: -1 / sqrt(1 - x^2)", acos(x), 0.5, -2 / sqrt(3.0)),
    Slope("atan: 1 / (1 + x^2)", atan(x), 2.0, 1.0 / 5),
    // hyperbolic
    Slope("sinh: cosh x = (e + 1/e)/2", sinh(x), 1.0, (E + 1 / E) / 2),
    Slope("cosh: sinh x = (e - 1/e)/2", cosh(x), 1.0, (E - 1 / E) / 2),
    Slope("tanh: 1 - tanh^2 x = 4 / (e^x + e^-x)^2", tanh(x), 0.5, 4 / (exp(0.5) + exp(-0.5)).pow(2)),
    Slope("asinh: 1 / sqrt(x^2 + 1) = 1 / 1.25", asinh(x), 0.75, 0.8),
    Slope("acosh: 1 / sqrt(x^2 - 1) = 1 / 0.75", acosh(x), 1.25, 4.0 / 3),
    Slope("atanh: 1 / (1 - x^2)", atanh(x), 0.5, 4.0 / 3),
    // special functions
    Slope("erf: (2/sqrt pi) e^-x^2 at 0", erf(x), 0.0, 2 / sqrt(PI)),
    Slope("erf: (2/sqrt pi) e^-x^2 at 1", erf(x), 1.0, 2 / sqrt(PI) * exp(-1.0)),
    Slope("erfc: -(2/sqrt pi) e^-x^2", erfc(x), 0.5, -2 / sqrt(PI) * exp(-0.25)),
    Slope("logGamma: psi(1) = -gamma", logGamma(x), 1.0, -EULER_GAMMA),
    Slope("logGamma: psi(1/2) = -gamma - 2 ln 2", logGamma(x), 0.5, -EULER_GAMMA - 2 * ln(2.0)),
    Slope("logGamma: psi(3) = 1 + 1/2 - gamma", logGamma(x), 3.0, 1.5 - EULER_GAMMA),
    // activations
    Slope("sigmoid: s (1 - s)", sigmoid(x), 0.5, s(0.5) * (1 - s(0.5))),
    Slope("softplus' = sigmoid", softplus(x), 1.5, s(1.5)),
    Slope("logSigmoid' = sigmoid(-x)", logSigmoid(x), 2.0, 1 / (1 + exp(2.0))),
    Slope("relu' at 1 = 1", relu(x), 1.0, 1.0),
    Slope("relu' at -1 = 0", relu(x), -1.0, 0.0),
    Slope("relu' at 0 = 0 (standard)", relu(x), 0.0, 0.0),
    Slope("abs' at -2 = -1", abs(x), -2.0, -1.0),
    Slope("abs' at 0 = 0 (standard)", abs(x), 0.0, 0.0),
    Slope("leakyRelu(0.1)' at -2 = 0.1", leakyRelu(x, 0.1), -2.0, 0.1),
    Slope("leakyRelu(0.1)' at 3 = 1", leakyRelu(x, 0.1), 3.0, 1.0),
    Slope("elu(1)' at -1 = e^-1", elu(x, 1.0), -1.0, exp(-1.0)),
    Slope("elu(2)' at -1 = 2 e^-1", elu(x, 2.0), -1.0, 2 * exp(-1.0)),
    Slope("elu' at 2 = 1", elu(x), 2.0, 1.0),
    Slope("gelu'(0) = Phi(0) = 1/2", gelu(x), 0.0, 0.5),
    // Phi(1) = (1 + erf(1/sqrt 2)) / 2, and erf(1/sqrt 2) = P(|Z| < 1) = 0.682689492137086 (the 68% rule)
    Slope("gelu'(1) = Phi(1) + phi(1)", gelu(x), 1.0, 0.5 * (1 + 0.682689492137086) + exp(-0.5) / sqrt(2 * PI)),
    Slope("swish'(0) = 1/2", swish(x), 0.0, 0.5),
    Slope("silu'(1) = s(1) (1 + 1 - s(1))", silu(x), 1.0, s(1.0) * (2 - s(1.0))),
    // mish' = tanh(sp) + x s(x) (1 - tanh^2(sp)), with tanh(ln(1 + e)) = (e^2 + 2e) / (e^2 + 2e + 2)
    Slope("mish'(1) closed form", mish(x), 1.0,
        ((E * E + 2 * E) / (E * E + 2 * E + 2)).let { t -> t + s(1.0) * (1 - t * t) }),
    Slope("hypot(x, 3)' at 4 = x / 5", hypot(x, Expr.constant(3.0)), 4.0, 0.8),
    // rules
    Slope("quotient: d/dx x/(1 + x^2) = (1 - x^2)/(1 + x^2)^2", x / (1 + x * x), 2.0, -3.0 / 25),
    Slope("chain: d/dx sin(x^3) = 3x^2 cos(x^3)", sin(x pow 3), 0.5, 0.75 * cos(0.125)),
    Slope("chain: d/dx exp(-x^2/2) = -x e^(-x^2/2)", exp(-(x pow 2) / 2), 1.0, -exp(-0.5)),
    Slope("chain: d/dx (1 + x^2)^10 = 20 x (1 + x^2)^9", (1 + (x pow 2)) pow 10, 1.0, 20.0 * 512),
    Slope("product: d/dx x sin x = sin x + x cos x", x * sin(x), 2.0, sin(2.0) + 2 * cos(2.0)),
    Slope("chain: d/dx log(cosh x) = tanh x", ln(cosh(x)), 0.7, tanh(0.7)),
)

private val severalVariables = listOf(
    Gradient("atan2(y, x): (x, -y) / (x^2 + y^2)", atan2(y, x), point("x" to 4.0, "y" to 3.0),
        listOf("y", "x"), listOf(4.0 / 25, -3.0 / 25)),
    Gradient("x^y: (y x^(y-1), x^y ln x)", x powOf y, point("x" to 2.0, "y" to 3.0),
        listOf("x", "y"), listOf(12.0, 8 * ln(2.0))),
    Gradient("hypot(x, y): (x, y) / hypot", hypot(x, y), point("x" to 3.0, "y" to 4.0),
        listOf("x", "y"), listOf(0.6, 0.8)),
    Gradient("log(x, b): (1 / (x ln b), -ln x / (b ln^2 b)) = (1/(8 ln 2), -3/(2 ln 2))",
        log(x, variable("b")), point("x" to 8.0, "b" to 2.0), listOf("x", "b"),
        listOf(1 / (8 * ln(2.0)), -3 / (2 * ln(2.0)))),
    Gradient("x/y: (1/y, -x/y^2)", x / y, point("x" to 3.0, "y" to 2.0), listOf("x", "y"), listOf(0.5, -0.75)),
    Gradient("max(x, y) with x > y: (1, 0)", max(x, y), point("x" to 2.0, "y" to 1.0),
        listOf("x", "y"), listOf(1.0, 0.0)),
    Gradient("min(x, y) with x > y: (0, 1)", min(x, y), point("x" to 2.0, "y" to 1.0),
        listOf("x", "y"), listOf(0.0, 1.0)),
    Gradient("max tie splits evenly: (1/2, 1/2)", max(x, y), point("x" to 1.0, "y" to 1.0),
        listOf("x", "y"), listOf(0.5, 0.5)),
    Gradient("min tie splits evenly: (1/2, 1/2)", min(x, y), point("x" to 1.0, "y" to 1.0),
        listOf("x", "y"), listOf(0.5, 0.5)),
    // f_x = 2xy + y cos(xy), f_y = x^2 + x cos(xy)
    Gradient("x^2 y + sin(xy): (2xy + y cos xy, x^2 + x cos xy)", (x pow 2) * y + sin(x * y),
        point("x" to 1.0, "y" to 2.0), listOf("x", "y"), listOf(4 + 2 * cos(2.0), 1 + cos(2.0))),
    Gradient("x y e^(x+y): (1 + x) y e^(x+y), x (1 + y) e^(x+y)", x * y * exp(x + y),
        point("x" to 1.0, "y" to -1.0), listOf("x", "y"), listOf(-2.0, 0.0)),
)

class DerivativeTableSpec : FunSpec({

    context("d/dx f at a point, by dual gradient, by the symbolic derivative, and by a Taylor jet") {
        withTests(oneVariable) { (_, f, a, expected, relative) ->
            val at = point("x" to a)
            f.gradientAt(at, listOf("x"))[0] shouldBe near(expected, relative)
            f.derivative("x").valueAt(at) shouldBe near(expected, relative)
            f.nthDerivativeAt(a, 1) shouldBe near(expected, relative)
        }
    }

    context("partial derivatives, by dual gradient and by the symbolic derivative") {
        withTests(severalVariables) { (_, f, at, variables, expected) ->
            val dual = f.gradientAt(at, variables)
            variables.forEachIndexed { i, v ->
                dual[i] shouldBe near(expected[i])
                f.derivative(v).valueAt(at) shouldBe near(expected[i])
            }
        }
    }

    context("kinks follow the convention chosen per evaluation") {
        val eager = Kinks(1.0, 0.0, 0.5)
        val origin = point("x" to 0.0)

        test("relu'(0) = 0 by the standard convention and 1 when heaviside(0) = 1") {
            relu(x).gradientAt(origin, listOf("x"))[0] shouldBe 0.0
            relu(x).gradientAt(origin, listOf("x"), eager)[0] shouldBe 1.0
            relu(x).derivative("x").valueAt(origin, eager) shouldBe 1.0
            relu(x).evaluate(mapOf("x" to Jet.variable(0.0, 1)), eager).derivative(1) shouldBe 1.0
            // the convention does not leak out of the evaluation that chose it
            relu(x).derivative("x").valueAt(origin) shouldBe 0.0
        }

        test("leakyRelu(0.1)'(0) = alpha + (1 - alpha) heaviside(0): 0.1, or 1 under the eager convention") {
            leakyRelu(x, 0.1).gradientAt(origin, listOf("x"))[0] shouldBe near(0.1)
            leakyRelu(x, 0.1).gradientAt(origin, listOf("x"), eager)[0] shouldBe near(1.0)
        }

        test("abs'(0) = sign(0): 0, or 1 when signAtZero = 1") {
            abs(x).gradientAt(origin, listOf("x"))[0] shouldBe 0.0
            abs(x).gradientAt(origin, listOf("x"), Kinks(0.0, 1.0, 0.5))[0] shouldBe 1.0
        }

        test("a tie in max gives tieShare to x and the rest to y; min swaps the roles") {
            val tie = point("x" to 1.0, "y" to 1.0)
            val favourFirst = Kinks(0.0, 0.0, 0.8)
            val maxDual = max(x, y).gradientAt(tie, listOf("x", "y"), favourFirst)
            maxDual[0] shouldBe near(0.8)
            maxDual[1] shouldBe near(0.2)
            val maxSymbolic = listOf("x", "y").map { max(x, y).derivative(it).valueAt(tie, favourFirst) }
            maxSymbolic[0] shouldBe near(0.8)
            maxSymbolic[1] shouldBe near(0.2)
            val minDual = min(x, y).gradientAt(tie, listOf("x", "y"), favourFirst)
            minDual[0] shouldBe near(0.2)
            minDual[1] shouldBe near(0.8)
            // the two arguments of max(x, x) both move: 0.8 + 0.2 = 1
            max(x, x).gradientAt(point("x" to 1.0), listOf("x"), favourFirst)[0] shouldBe near(1.0)
        }
    }

    context("higher derivatives") {
        test("d^5/dx^5 x^5 = 5! = 120, by a jet and by differentiating five times") {
            (x pow 5).nthDerivativeAt(1.7, 5) shouldBe near(120.0)
            var d = x pow 5
            repeat(5) { d = d.derivative("x") }
            d.toString() shouldBe "120"
            (x pow 5).nthDerivativeAt(1.7, 6) shouldBe 0.0
        }

        test("d^4/dx^4 sin x = sin x") {
            sin(x).nthDerivativeAt(0.7, 4) shouldBe near(sin(0.7))
            sin(x).derivative("x").derivative("x").derivative("x").derivative("x").toString() shouldBe "sin(x)"
        }

        test("d^n/dx^n e^(2x) = 2^n e^(2x) for n = 0..8") {
            for (n in 0..8) {
                exp(2 * x).nthDerivativeAt(0.3, n) shouldBe near(2.0.pow(n) * exp(0.6))
            }
        }

        test("sigmoid'' = s (1 - s) (1 - 2 s), by Hessian, by a jet and symbolically") {
            val a = 0.5
            val expected = s(a) * (1 - s(a)) * (1 - 2 * s(a))
            sigmoid(x).hessianAt(point("x" to a), listOf("x"))[0][0] shouldBe near(expected)
            sigmoid(x).nthDerivativeAt(a, 2) shouldBe near(expected)
            sigmoid(x).derivative("x").derivative("x").valueAt(point("x" to a)) shouldBe near(expected)
        }

        test("logGamma''(1) = trigamma(1) = pi^2 / 6") {
            logGamma(x).nthDerivativeAt(1.0, 2) shouldBe near(PI * PI / 6)
            logGamma(x).hessianAt(point("x" to 1.0), listOf("x"))[0][0] shouldBe near(PI * PI / 6)
        }

        test("(x^x)'' = x^x ((ln x + 1)^2 + 1/x) at x = 2") {
            val expected = 4 * ((ln(2.0) + 1).pow(2) + 0.5)
            (x powOf x).nthDerivativeAt(2.0, 2) shouldBe near(expected)
            (x powOf x).hessianAt(point("x" to 2.0), listOf("x"))[0][0] shouldBe near(expected)
        }

        test("Hessian of f = x^2 y + sin(xy) at (1, 2), by hand") {
            // f_xx = 2y - y^2 sin(xy), f_xy = 2x + cos(xy) - xy sin(xy), f_yy = -x^2 sin(xy)
            val f = (x pow 2) * y + sin(x * y)
            val at = point("x" to 1.0, "y" to 2.0)
            val expected = listOf(
                listOf(4 - 4 * sin(2.0), 2 + cos(2.0) - 2 * sin(2.0)),
                listOf(2 + cos(2.0) - 2 * sin(2.0), -sin(2.0)),
            )
            val hessian = f.hessianAt(at, listOf("x", "y"))
            val names = listOf("x", "y")
            for (i in 0..1) {
                for (j in 0..1) {
                    hessian[i][j] shouldBe near(expected[i][j])
                    f.derivative(names[i]).derivative(names[j]).valueAt(at) shouldBe near(expected[i][j])
                }
            }
        }
    }

    context("directional derivatives and Jacobians") {
        test("grad f . v for f = x^2 y + sin(xy) at (1, 2) along v = (0.6, 0.8) is 3.2 + 2 cos 2") {
            val f = (x pow 2) * y + sin(x * y)
            f.directionalDerivativeAt(point("x" to 1.0, "y" to 2.0), mapOf("x" to 0.6, "y" to 0.8)) shouldBe
                near(3.2 + 2 * cos(2.0))
        }

        test("Jacobian of (x^2 + y, x y, sin x + cos y) is [[2x, 1], [y, x], [cos x, -sin y]]") {
            val fs = listOf((x pow 2) + y, x * y, sin(x) + cos(y))
            val jacobian = Expr.jacobianAt(fs, point("x" to 1.0, "y" to 2.0), listOf("x", "y"))
            val expected = listOf(listOf(2.0, 1.0), listOf(2.0, 1.0), listOf(cos(1.0), -sin(2.0)))
            jacobian.size shouldBe 3
            for (i in 0..2) {
                for (j in 0..1) {
                    jacobian[i][j] shouldBe near(expected[i][j])
                }
            }
        }
    }

    context("numerical stability at |x| = 800: values and derivatives stay finite") {
        data class Extreme(val name: String, val f: Expr, val a: Double, val value: Double, val slope: Double) :
            WithDataTestName {
            override fun dataTestName() = name
        }
        val table = listOf(
            Extreme("sigmoid(800) = 1, sigmoid' = s(1 - s) = 0", sigmoid(x), 800.0, 1.0, 0.0),
            Extreme("sigmoid(-800) = 0, sigmoid' = 0", sigmoid(x), -800.0, 0.0, 0.0),
            Extreme("softplus(800) = 800, softplus' = sigmoid = 1", softplus(x), 800.0, 800.0, 1.0),
            // softplus(-800) = log(1 + e^-800) ~ e^-800, which underflows to 0
            Extreme("softplus(-800) ~ e^-800, softplus' = 0", softplus(x), -800.0, 0.0, 0.0),
            Extreme("logSigmoid(-800) = -800, logSigmoid' = sigmoid(800) = 1", logSigmoid(x), -800.0, -800.0, 1.0),
            Extreme("logSigmoid(800) ~ -e^-800, logSigmoid' = 0", logSigmoid(x), 800.0, 0.0, 0.0),
            Extreme("silu(-800) ~ -800 e^-800, silu' = 0", silu(x), -800.0, 0.0, 0.0),
            Extreme("mish(800) = 800, mish' = 1", mish(x), 800.0, 800.0, 1.0),
            Extreme("gelu(-800) = 0, gelu' = 0", gelu(x), -800.0, 0.0, 0.0),
            Extreme("elu(-800) = e^-800 - 1 = -1, elu' = e^-800 = 0", elu(x), -800.0, -1.0, 0.0),
            Extreme("tanh(800) = 1, tanh' = 0", tanh(x), 800.0, 1.0, 0.0),
        )
        withTests(table) { (_, f, a, value, slope) ->
            val at = point("x" to a)
            f.valueAt(at) shouldBe (value plusOrMinus 1e-300)
            f.gradientAt(at, listOf("x"))[0] shouldBe (slope plusOrMinus 1e-300)
            f.derivative("x").valueAt(at) shouldBe (slope plusOrMinus 1e-300)
            f.nthDerivativeAt(a, 1) shouldBe (slope plusOrMinus 1e-300)
            f.nthDerivativeAt(a, 2).isFinite() shouldBe true
            f.hessianAt(at, listOf("x"))[0][0].isFinite() shouldBe true
        }

        test("logSumExp(1000, 1001) = 1001 + log(1 + e^-1), and its gradient is (1, e) / (1 + e)") {
            logSumExp(DoubleReal(1000.0), DoubleReal(1001.0)).value() shouldBe near(1001 + ln(1 + exp(-1.0)))
            val (z1, z2) = variables("z1", "z2")
            val lse = logSumExp(z1, z2)
            val at = point("z1" to 1000.0, "z2" to 1001.0)
            lse.valueAt(at) shouldBe near(1001 + ln(1 + exp(-1.0)))
            val gradient = lse.gradientAt(at, listOf("z1", "z2"))
            gradient[0] shouldBe near(1 / (1 + E))
            gradient[1] shouldBe near(E / (1 + E))
        }

        test("softmax(1000, 1001) = (1, e) / (1 + e), with d p_i / d z_1 = p_i (delta_i1 - p_1)") {
            val (p1, p2) = softmax(Dual.variable(1000.0), Dual.constant(1001.0))
            val q1 = 1 / (1 + E)
            val q2 = E / (1 + E)
            p1.value() shouldBe near(q1)
            p2.value() shouldBe near(q2)
            p1.tangent() shouldBe near(q1 * (1 - q1))
            p2.tangent() shouldBe near(-q2 * q1)
        }
    }

    context("softmax with cross-entropy: grad_z [logsumexp(z) - sum_i y_i z_i] = softmax(z) - y") {
        val z = variables("z1", "z2", "z3", "z4")
        val names = listOf("z1", "z2", "z3", "z4")

        /** The loss written out: m = max(z), L = m + log(sum e^(z_i - m)) - sum y_i z_i. */
        fun lossByHand(labels: List<Double>): Expr {
            val m: Expr = max(max(z[0], z[1]), max(z[2], z[3]))
            val logSumExp = m + ln(z.map { exp(it - m) }.reduce(Expr::plus))
            return logSumExp - z.zip(labels).map { (zi, yi) -> yi * zi }.reduce(Expr::plus)
        }

        fun lossFromLibrary(labels: List<Double>): Expr =
            logSumExp(z) - z.zip(labels).map { (zi, yi) -> yi * zi }.reduce(Expr::plus)

        /** softmax(z) - y on doubles: p_i = e^(z_i - max) / sum_j e^(z_j - max). */
        fun expectedGradient(logits: List<Double>, labels: List<Double>): List<Double> {
            val top = logits.max()
            val weights = logits.map { exp(it - top) }
            return weights.map { it / weights.sum() }.zip(labels).map { (p, yi) -> p - yi }
        }

        data class Batch(val name: String, val logits: List<Double>, val labels: List<Double>) : WithDataTestName {
            override fun dataTestName() = name
        }

        val cases = listOf(
            Batch("small logits, one-hot label", listOf(1.0, 2.0, 3.0, 4.0), listOf(0.0, 0.0, 1.0, 0.0)),
            Batch("mixed logits, soft labels", listOf(-0.5, 0.25, 2.0, -1.0), listOf(0.1, 0.2, 0.3, 0.4)),
            Batch("huge logits do not overflow", listOf(1000.0, 1001.0, 1002.0, 999.0), listOf(0.0, 1.0, 0.0, 0.0)),
            Batch("a tie at the maximum", listOf(3.0, 3.0, 1.0, 0.0), listOf(1.0, 0.0, 0.0, 0.0)),
        )
        withTests(cases) { (_, logits, labels) ->
            val at = Point.of(names, logits.toDoubleArray())
            val expected = expectedGradient(logits, labels)
            for (loss in listOf(lossByHand(labels), lossFromLibrary(labels))) {
                val dual = loss.gradientAt(at, names)
                names.forEachIndexed { i, name ->
                    dual[i] shouldBe near(expected[i], 1e-12)
                    loss.derivative(name).valueAt(at) shouldBe near(expected[i], 1e-12)
                }
            }
        }

        test("the softmax of expressions has softmax_i (delta_ij - softmax_j) as its Jacobian") {
            val p = softmax(z)
            val logits = listOf(0.5, -1.0, 2.0, 0.0)
            val at = Point.of(names, logits.toDoubleArray())
            val weights = logits.map { exp(it) }
            val probability = weights.map { it / weights.sum() }
            val jacobian = Expr.jacobianAt(p, at, names)
            for (i in 0..3) {
                p[i].valueAt(at) shouldBe near(probability[i])
                for (j in 0..3) {
                    val delta = if (i == j) 1.0 else 0.0
                    jacobian[i][j] shouldBe near(probability[i] * (delta - probability[j]))
                }
            }
        }
    }
})
