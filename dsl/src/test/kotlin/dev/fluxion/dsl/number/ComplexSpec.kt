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

/** Points in all four quadrants, and the principal values there, from Python's cmath (an independent library). */
private val generalPoints = listOf(c(0.5, 0.5), c(-1.5, 0.7), c(-0.3, -2.0), c(2.5, -0.4), c(0.2, 3.0))

private fun c(real: Double, imaginary: Double) = Complex.of(real, imaginary)

private val principalValues = mapOf(
    Unary.SQRT to listOf(c(0.7768869870150187, 0.3217971264527913), c(0.27865259349653004, 1.2560442937501617), c(0.9280018431058391, -1.0775840667009855), c(1.5861585324667948, -0.12609080108087298), c(1.2662265349601907, 1.1846221498171012)),
    Unary.EXP to listOf(c(1.4468890365841693, 0.7904390832136149), c(0.17065935973706328, 0.14374439572379707), c(-0.3082891589931797, -0.673624101811466), c(11.220819996879685, -4.744086603362293), c(-1.2091795659056566, 0.17236436707590722)),
    Unary.LOG to listOf(c(-0.3465735902799726, 0.7853981633974483), c(0.5039789601999894, 2.704965493776252), c(0.7042724850273552, -1.719686274404394), c(0.9289296354662894, -0.1586552621864014), c(1.1008295872020426, 1.5042281630190728)),
    Unary.SIN to listOf(c(0.5406126857131534, 0.4573041531842493), c(-1.2520247904576618, 0.053660088298855685), c(-1.1118048481294358, -3.4648720885812345), c(0.64699170030571, 0.3290716033879797), c(2.000135671372039, 9.8181843973482)),
    Unary.COS to listOf(c(0.9895848833999199, -0.24982639750046154), c(0.08878714307836615, 0.7566834395044794), c(3.594162822923319, -1.0718105372587814), c(-0.8660942286425589, 0.24582382511889792), c(9.866979039064239, -1.9902445078171478)),
    Unary.TAN to listOf(c(0.40389645531602586, 0.5640831412674986), c(-0.12156023989318226, 1.6403580932846322), c(-0.02007006236624232, -0.9700126468041191), c(-0.5915279571294256, -0.5478425473611187), c(0.0019217562655240335, 0.9954423865009567)),
    Unary.SINH to listOf(c(0.4573041531842493, 0.5406126857131534), c(-1.6285627557746438, 1.5154638817677113), c(0.1267251567824359, -0.9505236210591543), c(5.572607353227216, -2.3880260037274095), c(-0.19932113181121128, 0.14395182877456658)),
    Unary.COSH to listOf(c(0.9895848833999199, 0.24982639750046154), c(1.7992221155117072, -1.3717194860439141), c(-0.4350143157756156, 0.27689951924768824), c(5.648212643652469, -2.3560605996348833), c(-1.0098584340944454, 0.028412538301340634)),
    Unary.TANH to listOf(c(0.5640831412674986, 0.40389645531602586), c(-0.9785346579475253, 0.09625761166375989), c(-1.1971187053822212, 1.423038287723179), c(0.9906090499682905, -0.009576666968472824), c(0.20122660287087327, -0.1368849984772431)),
    Unary.ASIN to listOf(c(0.45227844715119064, 0.5306375309525178), c(-1.0510782660947293, 1.1434825057507427), c(-0.13360214054359706, -1.4516490266745097), c(1.3984363751113238, -1.5830642777315043), c(0.06317398485736474, 1.8203409836110944)),
    Unary.ACOS to listOf(c(1.1185178796437059, -0.5306375309525178), c(2.621874592889626, -1.1434825057507427), c(1.7043984673384938, 1.4516490266745097), c(0.17235995168357277, 1.5830642777315043), c(1.5076223419375319, -1.8203409836110944)),
    Unary.ATAN to listOf(c(0.5535743588970452, 0.40235947810852507), c(-1.0481900601732534, 0.19672553752436592), c(-1.474902255801544, -0.5302493029870837), c(1.197779675476077, -0.054192317400185486), c(1.5459411984102869, 0.3447102276163274)),
    Unary.ASINH to listOf(c(0.5306375309525178, 0.45227844715119064), c(-1.256224290548298, 0.37763751260048967), c(-1.333822790480945, -1.4000958553587002), c(1.6574026509870519, -0.14769524749264357), c(1.7653901676183827, 1.5002250015995107)),
    Unary.ACOSH to listOf(c(0.5306375309525178, 1.1185178796437059), c(1.1434825057507427, 2.621874592889626), c(1.4516490266745097, -1.7043984673384938), c(1.5830642777315043, -0.17235995168357277), c(1.8203409836110944, 1.5076223419375319)),
    Unary.ATANH to listOf(c(0.40235947810852507, 0.5535743588970452), c(-0.5522912544270343, 1.2320272579322145), c(-0.05921438659601915, -1.114271306805941), c(0.40971896292848803, -1.4973911344930801), c(0.019930868458009603, 1.2502419423650437)),
    Unary.EXPM1 to listOf(c(0.44688903658416934, 0.7904390832136149), c(-0.8293406402629367, 0.14374439572379707), c(-1.3082891589931798, -0.673624101811466), c(10.220819996879685, -4.744086603362293), c(-2.2091795659056563, 0.17236436707590722)),
    Unary.LOG1P to listOf(c(0.45814536593707755, 0.3217505543966422), c(-0.1505525463919608, 2.191045812777718), c(0.7509263508770815, -1.2341215074081695), c(1.2592512996082579, -0.11379200714370807), c(1.1728222912272463, 1.1902899496825317)),
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
    override fun <T : Real<T>> derivative(x: T): T = x.times(x).times(3.0)
}

/** x y^2 with its rules, a two-argument function the complex type does not know. */
private object TimesSquare : BinaryFunction {
    override fun symbol() = "timesSquare"
    override fun value(x: Double, y: Double) = x * y * y
    override fun <T : Real<T>> partialFirst(x: T, y: T): T = y.times(y)
    override fun <T : Real<T>> partialSecond(x: T, y: T): T = x.times(y).times(2.0)
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

    "exp(i pi) = -1, log(-1) = i pi, sqrt(-4) = 2i, log1p(-2) = i pi, expm1(i pi) = -2" {
        Complex.of(0.0, PI).exp().shouldBeNear(Complex.of(-1.0, 0.0))
        Complex.real(-1.0).log() shouldBe Complex.of(0.0, PI)
        Complex.real(-4.0).sqrt() shouldBe Complex.of(0.0, 2.0)
        Complex.of(-3.0, 4.0).sqrt() shouldBe Complex.of(1.0, 2.0)
        Complex.real(-2.0).log1p() shouldBe Complex.of(0.0, PI)
        Complex.of(0.0, PI).expm1().shouldBeNear(Complex.of(-2.0, 0.0))
        Complex.of(1.0, 1.0).log().shouldBeNear(Complex.of(0.5 * LN2, PI / 4))
    }

    "sin(i) = i sinh 1, cos(i) = cosh 1, sinh(i pi/2) = i, cosh(i pi) = -1" {
        Complex.I.sin() shouldBe Complex.of(0.0, sinh(1.0))
        Complex.I.cos().shouldBeNear(Complex.of(cosh(1.0), 0.0))
        Complex.of(0.0, PI / 2).sinh().shouldBeNear(Complex.of(0.0, 1.0))
        Complex.of(0.0, PI).cosh().shouldBeNear(Complex.of(-1.0, 0.0))
        // sin(1 + i) = sin 1 cosh 1 + i cos 1 sinh 1
        Complex.of(1.0, 1.0).sin().shouldBeNear(Complex.of(sin(1.0) * cosh(1.0), cos(1.0) * sinh(1.0)))
    }

    "tanh(1000 + i) = 1 and tan(1000 i) = i, with no overflow" {
        Complex.of(1000.0, 1.0).tanh().shouldBeNear(Complex.of(1.0, 0.0))
        Complex.of(-1000.0, 1.0).tanh().shouldBeNear(Complex.of(-1.0, 0.0))
        Complex.of(0.3, 1000.0).tan().shouldBeNear(Complex.of(0.0, 1.0))
        // tan(pi/4 + i ln 2): (1 + i tanh(ln 2)) / (1 - i tanh(ln 2)) with tanh(ln 2) = 3/5, so 8/17 + 15/17 i
        Complex.of(PI / 4, LN2).tan().shouldBeNear(Complex.of(8.0 / 17, 15.0 / 17))
    }

    "inverse functions on their principal branches" {
        val lnTwoPlusRootThree = ln(2 + sqrt(3.0))
        Complex.real(2.0).asin().shouldBeNear(Complex.of(PI / 2, lnTwoPlusRootThree))
        Complex.real(2.0).acos().shouldBeNear(Complex.of(0.0, -lnTwoPlusRootThree))
        Complex.I.asin().shouldBeNear(Complex.of(0.0, ln(1 + sqrt(2.0))))
        Complex.of(0.0, 0.5).asinh().shouldBeNear(Complex.of(0.0, PI / 6))
        Complex.real(0.5).acosh().shouldBeNear(Complex.of(0.0, PI / 3))
        Complex.real(-2.0).acosh().shouldBeNear(Complex.of(lnTwoPlusRootThree, PI))
        Complex.real(2.0).atanh().shouldBeNear(Complex.of(0.5 * ln(3.0), PI / 2))
        Complex.of(1.0, 1.0).atan().shouldBeNear(Complex.of(1.0172219678978514, 0.4023594781085251))
        // asin of a huge argument: pi/2 - arg z + i ln(2|z|)
        Complex.of(1e200, 1e200).asin().shouldBeNear(Complex.of(PI / 4, LN2 + ln(sqrt(2.0)) + 200 * ln(10.0)), 1e-13)
    }

    "cube roots: the real cube root for real arguments and the principal root about a positive real part" {
        Complex.real(-8.0).cbrt() shouldBe Complex.of(-2.0, 0.0)
        Complex.of(0.0, 8.0).cbrt().shouldBeNear(Complex.of(sqrt(3.0), 1.0))
        Complex.of(0.0, 8.0).pow(1.0 / 3).shouldBeNear(Complex.of(sqrt(3.0), 1.0))
    }

    "powers: (1 + i)^8 = 16, i^2 = -1, i^i = e^(-pi/2), (1 + i)^-2 = -i/2, hypot(3i, 4) = sqrt 7" {
        Complex.of(1.0, 1.0).pow(8.0) shouldBe Complex.of(16.0, 0.0)
        Complex.I.pow(2.0) shouldBe Complex.of(-1.0, 0.0)
        Complex.of(1.0, 1.0).pow(-2.0) shouldBe Complex.of(0.0, -0.5)
        Complex.I.pow(Complex.I).shouldBeNear(Complex.of(exp(-PI / 2), 0.0))
        Complex.of(0.0, 3.0).hypot(Complex.real(4.0)).shouldBeNear(Complex.of(sqrt(7.0), 0.0))
        Complex.real(0.0).pow(-1.0) shouldBe Complex.of(Double.POSITIVE_INFINITY, 0.0)
        Complex.real(8.0).log(Complex.real(2.0)).shouldBeNear(Complex.of(3.0, 0.0))
    }

    "away from the real axis every elementary function is the principal branch (checked against cmath)" {
        for ((f, expected) in principalValues) {
            generalPoints.zip(expected).forEach { (z, value) ->
                z.apply(f).shouldBeNear(value, 4e-15 * value.modulus())
            }
        }
        // (1.5 - 0.5i)^(0.3 + 0.7i), (-2 + i)^2.5, hypot(1 + 2i, 3 - i), and the cube root on both sides of Re = 0
        c(1.5, -0.5).pow(c(0.3, 0.7)).shouldBeNear(c(1.4011987173232896, 0.3194859038511661), 1e-15)
        c(-2.0, 1.0).pow(2.5).shouldBeNear(c(6.852069010068956, 2.9917970717860145), 1e-14)
        c(1.0, 2.0).hypot(c(3.0, -1.0)).shouldBeNear(c(2.27872385417085, -0.4388421169022545), 1e-15)
        c(1.0, 2.0).cbrt().shouldBeNear(c(1.2196165079717578, 0.47171126778938893), 1e-15)
        c(-1.0, 2.0).cbrt().shouldBeNear(c(-1.2196165079717578, 0.47171126778938893), 1e-15)
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
        fun <T : Real<T>> f(x: T): T = sin(x) * exp(x) / (1 + x * x)
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
        Kinks(1.0, -1.0, 1.0).within {
            zero.relu() shouldBe Complex.of(0.0, h)
            zero.abs().imaginary shouldBe -h
            Complex.of(1.0, h).max(Complex.real(1.0)) shouldBe Complex.of(1.0, h)
            Complex.of(1.0, h).min(Complex.real(1.0)) shouldBe Complex.real(1.0)
            zero.leakyRelu(0.1) shouldBe Complex.of(0.0, h)
            zero.elu(2.0).imaginary shouldBe h
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
