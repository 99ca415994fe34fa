package dev.fluxion.dsl.number

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.exp
import dev.fluxion.dsl.function.Binary
import dev.fluxion.dsl.function.BinaryFunction
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.function.Polygamma
import dev.fluxion.dsl.function.PowerOf
import dev.fluxion.dsl.function.Unary
import dev.fluxion.dsl.function.UnaryFunction
import dev.fluxion.dsl.plus
import dev.fluxion.dsl.sin
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.E
import kotlin.math.PI
import kotlin.math.abs
import kotlin.math.cbrt
import kotlin.math.cos
import kotlin.math.cosh
import kotlin.math.exp
import kotlin.math.expm1
import kotlin.math.ln
import kotlin.math.ln1p
import kotlin.math.max
import kotlin.math.sin
import kotlin.math.sinh
import kotlin.math.sqrt
import kotlin.math.tan
import kotlin.math.tanh
import kotlin.math.withSign

private const val EULER_GAMMA = 0.5772156649015329
private val LN2 = ln(2.0)
private val SQRT_PI = sqrt(PI)

/** |actual - expected| <= relative * |expected|, with a floor for an expected 0. */
private fun close(actual: Double, expected: Double, relative: Double): Boolean =
    actual == expected || abs(actual - expected) <= relative * max(abs(expected), 1e-300)

private fun Complex.shouldBeNear(expected: Complex, absolute: Double = 1e-15) {
    withClue("$this should be within $absolute of $expected") {
        (abs(real - expected.real) <= absolute && abs(imaginary - expected.imaginary) <= absolute) shouldBe true
    }
}

private fun sigma(x: Double) = 1 / (1 + exp(-x))
private fun softplusOf(x: Double) = if (x > 0) x + ln1p(exp(-x)) else ln1p(exp(x))
private fun normalDensity(x: Double) = exp(-x * x / 2) / sqrt(2 * PI)

/** Phi(x), the standard normal CDF, at the few points the tests use (tabulated to 16 digits). */
private val normalCdf = mapOf(0.0 to 0.5, 1.0 to 0.8413447460685429, -0.5 to 0.3085375387259869)

/**
 * One complex-step check: f is the complex function, and value and slope are f and f' in closed form,
 * written here independently of the library's rules.
 */
private class StepCase(
    val name: String,
    val points: List<Double>,
    val value: (Double) -> Double,
    val slope: (Double) -> Double,
    val valueTolerance: Double,
    val valueFloor: Double,
    val f: (Complex) -> Complex,
)

/**
 * The real part is checked to valueTolerance relative, with an absolute floor (1e-30 unless given) for the
 * h^2 f''/2 that Re f(x + ih) carries when f(x) = 0.
 */
private fun unary(
    f: UnaryFunction,
    points: List<Double>,
    value: (Double) -> Double,
    slope: (Double) -> Double,
    valueTolerance: Double = 1.6e-15,
    valueFloor: Double = 1e-30,
) = StepCase(f.symbol() + (if (f is PowerOf) "${f.exponent()}" else ""), points, value, slope, valueTolerance,
    valueFloor) {
    it.apply(f)
}

private val unaryCases = listOf(
    unary(Unary.NEG, listOf(1.5, -2.0), { -it }, { -1.0 }),
    unary(Unary.SQRT, listOf(0.25, 2.0, 1e6), ::sqrt, { 1 / (2 * sqrt(it)) }),
    unary(Unary.CBRT, listOf(8.0, -8.0, 0.3, -1e-3), ::cbrt, { 1 / (3 * cbrt(it) * cbrt(it)) }),
    unary(Unary.EXP, listOf(-1.0, 0.0, 2.5), ::exp, ::exp),
    unary(Unary.EXPM1, listOf(1e-8, -0.5, 3.0), ::expm1, ::exp),
    unary(Unary.LOG, listOf(0.5, 1.0, 1e-3, 1e5), ::ln, { 1 / it }),
    unary(Unary.LOG1P, listOf(1e-10, -0.5, 3.0, -0.9), ::ln1p, { 1 / (1 + it) }),
    unary(Unary.SIN, listOf(0.7, -2.0, 10.0), ::sin, ::cos),
    unary(Unary.COS, listOf(0.7, -2.0, 10.0), ::cos, { -sin(it) }),
    unary(Unary.TAN, listOf(0.7, -2.0, 1.5707), ::tan, { 1 / (cos(it) * cos(it)) }),
    unary(Unary.SINH, listOf(0.5, -3.0, 20.0), ::sinh, ::cosh),
    unary(Unary.COSH, listOf(0.5, -3.0, 20.0), ::cosh, ::sinh),
    unary(Unary.TANH, listOf(0.5, -3.0, 20.0), ::tanh, { 1 / (cosh(it) * cosh(it)) }),
    unary(Unary.ASIN, listOf(0.3, -0.9, 0.999, 0.0), Math::asin, { 1 / sqrt((1 - it) * (1 + it)) }),
    unary(Unary.ACOS, listOf(0.3, -0.9, 0.999, 0.0), Math::acos, { -1 / sqrt((1 - it) * (1 + it)) }),
    unary(Unary.ATAN, listOf(0.3, -5.0, 1e8), Math::atan, { 1 / (1 + it * it) }),
    // asinh x = sign(x) log1p(|x| + x^2 / (1 + sqrt(1 + x^2))), acosh x = log1p(x - 1 + sqrt((x - 1)(x + 1))),
    // atanh x = log1p(2x / (1 - x)) / 2: the closed forms, written so that they are accurate near 0 and 1.
    unary(Unary.ASINH, listOf(0.3, -5.0, 1e-9), {
        val a = abs(it)
        ln1p(a + a * a / (1 + sqrt(1 + a * a))).withSign(it)
    }, { 1 / sqrt(it * it + 1) }),
    unary(Unary.ACOSH, listOf(2.0, 1.0001, 1e6), { ln1p(it - 1 + sqrt((it - 1) * (it + 1))) },
        { 1 / sqrt((it - 1) * (it + 1)) }),
    unary(Unary.ATANH, listOf(0.5, -0.99, 1e-6), { 0.5 * ln1p(2 * it / (1 - it)) }, { 1 / ((1 - it) * (1 + it)) }),
    unary(Unary.SIGMOID, listOf(0.0, 3.0, -40.0), ::sigma, { sigma(it) * sigma(-it) }),
    unary(Unary.LOG_SIGMOID, listOf(0.0, 2.0, -30.0), { -softplusOf(-it) }, { sigma(-it) }),
    unary(Unary.SOFTPLUS, listOf(0.0, 2.0, -30.0, 50.0), ::softplusOf, ::sigma),
    unary(Unary.SILU, listOf(0.0, 1.5, -2.0), { it * sigma(it) }, { sigma(it) * (1 + it * sigma(-it)) }),
    unary(Unary.MISH, listOf(0.0, 1.5, -2.0), { it * tanh(softplusOf(it)) }, {
        val t = tanh(softplusOf(it))
        t + it * sigma(it) * (1 - t * t)
    }),
    unary(Unary.GELU, listOf(0.0, 1.0, -0.5), { it * normalCdf.getValue(it) },
        { normalCdf.getValue(it) + it * normalDensity(it) }),
    unary(Unary.ERF, listOf(0.5, 1.0, -0.3),
        mapOf(0.5 to 0.5204998778130465, 1.0 to 0.8427007929497149, -0.3 to -0.3286267594591274)::getValue,
        { 2 / SQRT_PI * exp(-it * it) }),
    // The real erfc of the library is 1 - erf below 2.5, accurate to about 5e-14 relative at 2.
    unary(Unary.ERFC, listOf(0.5, 2.0), mapOf(0.5 to 0.4795001221869535, 2.0 to 0.004677734981047266)::getValue,
        { -2 / SQRT_PI * exp(-it * it) }, valueTolerance = 1e-13),
    // The library's real logGamma(1) is 3.6e-15, not 0, hence the absolute floor on the value.
    // log Gamma at half-integers and integers, and digamma by psi(x + 1) = psi(x) + 1/x from psi(1) = -gamma
    // and psi(1/2) = -gamma - 2 ln 2.
    unary(Unary.LOG_GAMMA, listOf(0.5, 1.0, 2.0, 4.5),
        mapOf(0.5 to ln(SQRT_PI), 1.0 to 0.0, 2.0 to 0.0, 4.5 to ln(6.5625 * SQRT_PI))::getValue,
        mapOf(0.5 to -EULER_GAMMA - 2 * LN2, 1.0 to -EULER_GAMMA, 2.0 to 1 - EULER_GAMMA,
            4.5 to -EULER_GAMMA - 2 * LN2 + 2 + 2.0 / 3 + 2.0 / 5 + 2.0 / 7)::getValue,
        valueTolerance = 1e-14, valueFloor = 1e-14),
    unary(Polygamma(0), listOf(1.0, 0.5), mapOf(1.0 to -EULER_GAMMA, 0.5 to -EULER_GAMMA - 2 * LN2)::getValue,
        mapOf(1.0 to PI * PI / 6, 0.5 to PI * PI / 2)::getValue, valueTolerance = 1e-14),
    unary(PowerOf.of(3.0), listOf(-2.0, 0.7), { it * it * it }, { 3 * it * it }),
    unary(PowerOf.of(-2.0), listOf(-0.5, 3.0), { 1 / (it * it) }, { -2 / (it * it * it) }),
    unary(PowerOf.of(2.5), listOf(4.0, 0.3), { it * it * sqrt(it) }, { 2.5 * it * sqrt(it) }),
    unary(PowerOf.of(0.5), listOf(9.0), ::sqrt, { 0.5 / sqrt(it) }),
    unary(PowerOf.of(1.0 / 3), listOf(8.0), { 2.0 }, { 1.0 / 12 }),
    unary(Unary.ABS, listOf(2.0, -3.0), ::abs, { if (it > 0) 1.0 else -1.0 }),
    unary(Unary.RELU, listOf(2.0, -3.0), { max(it, 0.0) }, { if (it > 0) 1.0 else 0.0 }),
    unary(Unary.SIGN, listOf(2.0, -3.0), { if (it > 0) 1.0 else -1.0 }, { 0.0 }),
    unary(Unary.HEAVISIDE, listOf(2.0, -3.0), { if (it > 0) 1.0 else 0.0 }, { 0.0 }),
)

/** A two-argument check: the value and both partial derivatives in closed form at a point. */
private class BinaryCase(
    val f: BinaryFunction,
    val x: Double,
    val y: Double,
    val value: Double,
    val partialX: Double,
    val partialY: Double,
)

private val binaryCases = listOf(
    BinaryCase(Binary.ADD, 1.5, -2.0, -0.5, 1.0, 1.0),
    BinaryCase(Binary.SUB, 1.5, -2.0, 3.5, 1.0, -1.0),
    BinaryCase(Binary.MUL, 1.5, -2.0, -3.0, -2.0, 1.5),
    BinaryCase(Binary.DIV, 3.0, -2.0, -1.5, -0.5, -0.75),
    BinaryCase(Binary.POW, 2.0, 3.0, 8.0, 12.0, 8 * LN2),
    BinaryCase(Binary.POW, 0.5, 2.5, 0.5 * 0.5 * sqrt(0.5), 2.5 * 0.5 * sqrt(0.5), 0.5 * 0.5 * sqrt(0.5) * -LN2),
    BinaryCase(Binary.LOG_BASE, 8.0, 2.0, 3.0, 1 / (8 * LN2), -3 * LN2 / (2 * LN2 * LN2)),
    // atan2(y, x) in all four quadrants and on both sides of |x| = |y|: partials x/r^2 and -y/r^2.
    BinaryCase(Binary.ATAN2, 1.0, 1.0, PI / 4, 0.5, -0.5),
    BinaryCase(Binary.ATAN2, 1.0, -2.0, PI - Math.atan(0.5), -2.0 / 5, -1.0 / 5),
    BinaryCase(Binary.ATAN2, -1.0, -2.0, Math.atan(0.5) - PI, -2.0 / 5, 1.0 / 5),
    BinaryCase(Binary.ATAN2, 3.0, 0.5, PI / 2 - Math.atan(0.5 / 3), 0.5 / 9.25, -3.0 / 9.25),
    BinaryCase(Binary.ATAN2, -4.0, -0.5, -PI / 2 - Math.atan(0.5 / 4), -0.5 / 16.25, 4.0 / 16.25),
    BinaryCase(Binary.HYPOT, 3.0, 4.0, 5.0, 0.6, 0.8),
    BinaryCase(Binary.HYPOT, 1e200, 1e200, sqrt(2.0) * 1e200, sqrt(0.5), sqrt(0.5)),
    BinaryCase(Binary.MAX, 2.0, 1.0, 2.0, 1.0, 0.0),
    BinaryCase(Binary.MAX, -2.0, 1.0, 1.0, 0.0, 1.0),
    BinaryCase(Binary.MIN, 2.0, 1.0, 1.0, 0.0, 1.0),
    BinaryCase(Binary.MIN, -2.0, 1.0, -2.0, 1.0, 0.0),
    BinaryCase(Binary.GREATER, 2.0, 1.0, 1.0, 0.0, 0.0),
    BinaryCase(Binary.LEAKY_RELU, 2.0, 0.1, 2.0, 1.0, 0.0),
    BinaryCase(Binary.LEAKY_RELU, -3.0, 0.1, -0.3, 0.1, -3.0),
    BinaryCase(Binary.ELU, 2.0, 2.0, 2.0, 1.0, 0.0),
    BinaryCase(Binary.ELU, -1.0, 2.0, 2 * (exp(-1.0) - 1), 2 * exp(-1.0), exp(-1.0) - 1),
)

/** x^3 with its rule, a function the complex type does not know. */
private object Cube : UnaryFunction {
    override fun symbol() = "cube"
    override fun value(x: Double) = x * x * x
    override fun <T : Algebra<T>> derivative(x: T): T = x.times(x).times(3.0)
}

/** x y^2 with its rules, a two-argument function the complex type does not know. */
private object TimesSquare : BinaryFunction {
    override fun symbol() = "timesSquare"
    override fun value(x: Double, y: Double) = x * y * y
    override fun <T : Algebra<T>> partialFirst(x: T, y: T): T = y.times(y)
    override fun <T : Algebra<T>> partialSecond(x: T, y: T): T = x.times(y).times(2.0)
}

class ComplexSpec : StringSpec({

    "(1 + 2i)(3 - i) = 5 + 5i, and (5 + 5i) / (3 - i) = 1 + 2i" {
        Complex.of(1.0, 2.0) * Complex.of(3.0, -1.0) shouldBe Complex.of(5.0, 5.0)
        (Complex.of(5.0, 5.0) / Complex.of(3.0, -1.0)).shouldBeNear(Complex.of(1.0, 2.0))
        Complex.of(1.0, 2.0) + Complex.of(3.0, -1.0) shouldBe Complex.of(4.0, 1.0)
        Complex.of(1.0, 2.0) - Complex.of(3.0, -1.0) shouldBe Complex.of(-2.0, 3.0)
        -Complex.of(1.0, 2.0) shouldBe Complex.of(-1.0, -2.0)
        Complex.real(2.5) shouldBe Complex.of(2.5, 0.0)
        Complex.of(1.0, 2.0).lift(3.0) shouldBe Complex.of(3.0, 0.0)
        Complex.of(1.0, 2.0).value() shouldBe 1.0
    }

    "division by i is multiplication by -i, and (4 + 2i) / (1 + i) = 3 - i" {
        Complex.real(1.0) / Complex.I shouldBe Complex.of(0.0, -1.0)
        Complex.of(4.0, 2.0) / Complex.of(1.0, 1.0) shouldBe Complex.of(3.0, -1.0)
        Complex.of(6.0, 8.0) / 2.0 shouldBe Complex.of(3.0, 4.0)
        Complex.of(6.0, 8.0) * 0.5 shouldBe Complex.of(3.0, 4.0)
        Complex.of(6.0, 8.0) + 1.0 shouldBe Complex.of(7.0, 8.0)
        Complex.of(6.0, 8.0) - 1.0 shouldBe Complex.of(5.0, 8.0)
    }

    "Smith's division does not overflow: (1e300 + 1e300 i) / (1e300 + 1e300 i) = 1 and 1e300 / (1e300 i) = -i" {
        Complex.of(1e300, 1e300) / Complex.of(1e300, 1e300) shouldBe Complex.of(1.0, 0.0)
        Complex.real(1e300) / Complex.of(0.0, 1e300) shouldBe Complex.of(0.0, -1.0)
        Complex.of(1e-300, 2e-300) / Complex.of(1e-300, 2e-300) shouldBe Complex.of(1.0, 0.0)
    }

    "functions hold in the complex-step regime only: exp(i pi) is refused with the limit, exp(1 + 1e-3 i) is right" {
        shouldThrow<DslException> { Complex.of(0.0, PI).exp() }.message shouldContain "|Im|"
        shouldThrow<DslException> { Complex.of(0.3, 1000.0).tan() }.message shouldContain "tan"
        // e^(1 + i b) = e (cos b + i sin b) at the edge of the regime, |b| = 1e-3 (1 + |a|) with a = 1
        Complex.of(1.0, 2e-3).exp().shouldBeNear(Complex.of(E * cos(2e-3), E * sin(2e-3)), 2e-15)
    }

    "toString reads 1.0 + 2.0i and 1.0 - 2.0i" {
        Complex.of(1.0, 2.0).toString() shouldBe "1.0 + 2.0i"
        Complex.of(1.0, -2.0).toString() shouldBe "1.0 - 2.0i"
    }

    for (case in unaryCases) {
        "complex step of ${case.name}: Im f(x + ih)/h = f'(x) and Re f(x + ih) = f(x), h = 1e-200 and 1e-20" {
            for (h in listOf(1e-200, 1e-20)) {
                for (x in case.points) {
                    val z = case.f(Complex.of(x, h))
                    withClue("${case.name} at x = $x, h = $h: $z") {
                        close(z.imaginary / h, case.slope(x), 1e-14) shouldBe true
                        val expected = case.value(x)
                        (abs(z.real - expected) <= max(case.valueTolerance * abs(expected), case.valueFloor)) shouldBe true
                    }
                }
            }
        }
    }

    for (case in binaryCases) {
        "complex step of ${case.f.symbol()} at (${case.x}, ${case.y}) in each argument" {
            for (h in listOf(1e-200, 1e-20)) {
                val alongX = Complex.of(case.x, h).apply(case.f, Complex.real(case.y))
                val alongY = Complex.real(case.x).apply(case.f, Complex.of(case.y, h))
                withClue("along x: $alongX, along y: $alongY, h = $h") {
                    close(alongX.imaginary / h, case.partialX, 1e-14) shouldBe true
                    close(alongY.imaginary / h, case.partialY, 1e-14) shouldBe true
                    close(alongX.real, case.value, 1.6e-15) shouldBe true
                    close(alongY.real, case.value, 1.6e-15) shouldBe true
                }
            }
        }
    }

    "a tiny imaginary part survives the inverse functions: Im asin(0.3 + 1e-200 i) = 1e-200 / sqrt(0.91)" {
        Complex.of(0.3, 1e-200).asin().imaginary shouldBe (1e-200 / sqrt(0.91) plusOrMinusRelative 1e-15)
        Complex.of(0.5, 1e-200).atanh().imaginary shouldBe (1e-200 / 0.75 plusOrMinusRelative 1e-15)
        Complex.of(2.0, 1e-200).acosh().imaginary shouldBe (1e-200 / sqrt(3.0) plusOrMinusRelative 1e-15)
        Complex.of(1e-8, 1e-200).expm1().imaginary shouldBe (1e-200 * exp(1e-8) plusOrMinusRelative 1e-15)
        Complex.of(1e-10, 1e-200).log1p().imaginary shouldBe (1e-200 / (1 + 1e-10) plusOrMinusRelative 1e-15)
    }

    "the complex step works through a generic Kotlin function: d/dx sin(x) e^x / (1 + x^2)" {
        fun <T : Algebra<T>> f(x: T): T = sin(x) * exp(x) / (1 + x * x)
        val x = 0.8
        val h = 1e-200
        val expected = (cos(x) + sin(x)) * exp(x) / (1 + x * x) - sin(x) * exp(x) * 2 * x / ((1 + x * x) * (1 + x * x))
        close(f(Complex.of(x, h)).imaginary / h, expected, 1e-14) shouldBe true
    }

    "a function outside the tables goes through its Taylor series: cube(1 + 0.001i) = (1 + 0.001i)^3" {
        val z = Complex.of(1.0, 1e-3)
        z.apply(Cube).shouldBeNear(Complex.of(1 - 3e-6, 3e-3 - 1e-9), 1e-16)
        val w = Complex.of(-2.0, 1e-3)
        z.apply(TimesSquare, w).shouldBeNear(z * w * w, 1e-15)
        val step = Complex.of(1.5, 1e-200).apply(TimesSquare, Complex.real(-2.0))
        close(step.imaginary / 1e-200, 4.0, 1e-15) shouldBe true
    }

    "erf(1 + 0.001i) matches its Taylor polynomial from the Hermite derivatives of e^(-x^2)" {
        // erf^(n)(1) = P_n(1) c with c = (2/sqrt(pi)) e^-1 and P = 1, -2, 2, 4, -20 for n = 1..5.
        val b = 1e-3
        val c = 2 / SQRT_PI * exp(-1.0)
        val expected = Complex.of(0.8427007929497149 + c * b * b + c * b * b * b * b / 6,
            c * b - c * b * b * b / 3 - c * b * b * b * b * b / 6)
        Complex.of(1.0, b).erf().shouldBeNear(expected, 1e-15)
    }

    "the Taylor series refuses an imaginary part beyond the complex-step limit or near a pole" {
        shouldThrow<DslException> { Complex.of(1.0, 0.5).erf() }.message shouldContain "erf"
        shouldThrow<DslException> { Complex.of(1.0, 0.5).apply(Cube) }.message shouldContain "|Im|"
        shouldThrow<DslException> { Complex.of(1e-4, 1.5e-4).logGamma() }.message shouldContain "did not converge"
    }

    "at the kink the slope follows Kinks: relu'(0) = heaviside(0), abs'(0) = sign(0), max splits a tie" {
        val h = 1e-200
        val zero = Complex.of(0.0, h)
        zero.relu() shouldBe Complex.of(0.0, 0.0)
        zero.abs() shouldBe Complex.of(0.0, 0.0)
        val tie = Complex.of(1.0, h).max(Complex.real(1.0))
        close(tie.imaginary / h, 0.5, 0.0) shouldBe true
        with(Kinks(1.0, -1.0, 1.0)) {
            zero.apply(bind(Unary.RELU)) shouldBe Complex.of(0.0, h)
            zero.apply(bind(Unary.ABS)).imaginary shouldBe -h
            Complex.of(1.0, h).apply(bind(Binary.MAX), Complex.real(1.0)) shouldBe Complex.of(1.0, h)
            Complex.of(1.0, h).apply(bind(Binary.MIN), Complex.real(1.0)) shouldBe Complex.real(1.0)
            zero.apply(bind(Binary.LEAKY_RELU), zero.lift(0.1)) shouldBe Complex.of(0.0, h)
            zero.apply(bind(Binary.ELU), zero.lift(2.0)).imaginary shouldBe h
        }
        zero.leakyRelu(0.1).imaginary shouldBe (0.1 * h plusOrMinusRelative 1e-15)
        zero.elu(2.0).imaginary shouldBe (2.0 * h plusOrMinusRelative 1e-15)
        zero.sign() shouldBe Complex.of(0.0, 0.0)
        zero.heaviside() shouldBe Complex.of(0.0, 0.0)
    }

    "on the real axis the complex functions give the real values, such as erf(0.5) and logGamma(4.5)" {
        Complex.real(0.5).erf().real shouldBe (0.5204998778130465 plusOrMinusRelative 1e-15)
        Complex.real(4.5).logGamma().real shouldBe (ln(6.5625 * SQRT_PI) plusOrMinusRelative 1e-15)
        Complex.real(E).log() shouldBe Complex.of(1.0, 0.0)
    }
})

private infix fun Double.plusOrMinusRelative(relative: Double) = this plusOrMinus abs(this) * relative
