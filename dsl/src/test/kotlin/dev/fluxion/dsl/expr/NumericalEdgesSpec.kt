package dev.fluxion.dsl.expr

import dev.fluxion.dsl.function.Kinks
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.arbitrary.double
import io.kotest.property.checkAll
import kotlin.math.abs
import kotlin.math.max
import kotlin.math.pow

/**
 * The numerical edges found by fuzzing against high-precision arithmetic (issue 21), each checked on every face of
 * the dsl (dual numbers, hyper-duals, jets, the compiled tape, the symbolic derivative) against references computed
 * independently: closed forms, or 60-digit series ([HighPrecision]).
 */
class NumericalEdgesSpec : FunSpec({

    val x = listOf("x")

    fun at(value: Double) = Point.of(x, doubleArrayOf(value))

    fun compiledGradient(f: Expr, value: Double): Double {
        val g = DoubleArray(1)
        f.compile("x").valueAndGradient(doubleArrayOf(value), g)
        return g[0]
    }

    fun compiledHessian(f: Expr, order: List<String>, point: DoubleArray, kinks: Kinks = Kinks.STANDARD): Array<DoubleArray> {
        val h = Array(order.size) { DoubleArray(order.size) }
        f.compile(order, kinks).hessian(point, h)
        return h
    }

    fun relativeError(got: Double, expected: Double) =
        if (got == expected) 0.0 else abs(got - expected) / abs(expected)

    context("leakyRelu and elu with a variable alpha: one symmetric Hessian at x = 0 on every face") {
        // With h = heaviside(0): d/dx = h + (1 - h) alpha takes the branch h picks, and d/dalpha = min(x, 0) with
        // the slope 1 - h there, so d2/dx dalpha = 1 - h both ways; elu''(0) = alpha (1 - h)^2, leakyRelu''(0) = 0.
        val alpha = 0.3
        val order = listOf("x", "a")
        for (h in listOf(0.0, 0.5, 1.0)) {
            val kinks = Kinks(h, 0.0, 0.5)
            val cases = mapOf(
                "leakyRelu(x, a)" to arrayOf(doubleArrayOf(0.0, 1 - h), doubleArrayOf(1 - h, 0.0)),
                "elu(x, a)" to arrayOf(doubleArrayOf(alpha * (1 - h).pow(2), 1 - h), doubleArrayOf(1 - h, 0.0)),
            )
            for ((text, expected) in cases) {
                test("$text at x = 0, alpha = $alpha, heaviside(0) = $h: Hessian ${expected.map { it.toList() }}") {
                    val f = Expr.parse(text)
                    val point = Point.of(order, doubleArrayOf(0.0, alpha))
                    run {
                        val faces = mapOf(
                            "hessianAt" to f.hessianAt(point, order, kinks),
                            "compiled" to compiledHessian(f, order, doubleArrayOf(0.0, alpha), kinks),
                            "d/dx_j (d/dx_i f)" to Array(2) { i ->
                                DoubleArray(2) { j -> f.derivative(order[i]).derivative(order[j]).valueAt(point, kinks) }
                            },
                        )
                        for ((face, hessian) in faces) {
                            for (i in 0..1) for (j in 0..1) {
                                withClue("$face [$i][$j]") { hessian[i][j] shouldBe (expected[i][j] plusOrMinus 1e-15) }
                            }
                        }
                    }
                    Unit
                }
            }
        }
    }

    context("tanh' = sech^2 keeps its relative accuracy for a large |x|") {
        test("at x = -10.21 and -20 (1.1e-8 and 100% off with 1 - tanh^2) every face is within 4 ulp") {
            val f = Expr.parse("tanh(x)")
            for (value in listOf(-10.21, -20.0, 20.0, -30.5, 0.5)) {
                val expected = HighPrecision.tanhSlope(value)
                val faces = mapOf(
                    "gradientAt" to f.gradientAt(at(value))[0],
                    "compiled" to compiledGradient(f, value),
                    "jet" to f.nthDerivativeAt(value, 1),
                    "symbolic" to f.derivative("x").valueAt(at(value)),
                )
                for ((face, got) in faces) {
                    withClue("tanh'($value) by $face = $got, expected $expected") {
                        relativeError(got, expected) shouldBe (0.0 plusOrMinus 1e-15)
                    }
                }
            }
        }

        test("property: tanh' and tanh'' on [-40, 40] match 60-digit references") {
            val f = Expr.parse("tanh(x)")
            checkAll(propertyConfig(500), Arb.double(-40.0, 40.0, includeNaNs = false)) { value ->
                val slope = HighPrecision.tanhSlope(value)
                withClue("tanh'($value)") {
                    relativeError(f.gradientAt(at(value))[0], slope) shouldBe (0.0 plusOrMinus 1e-15)
                    relativeError(compiledGradient(f, value), slope) shouldBe (0.0 plusOrMinus 1e-15)
                }
                val curvature = HighPrecision.tanhCurvature(value)
                val hessian = f.hessianAt(at(value), x)[0][0]
                withClue("tanh''($value) = $hessian, expected $curvature") {
                    // relative to the curvature, or to the slope where tanh'' itself passes through 0
                    abs(hessian - curvature) shouldBe (0.0 plusOrMinus 1e-15 * max(abs(curvature), slope))
                }
            }
        }
    }

    context("acosh near 1 through log1p") {
        test("acosh(1 + 2^-52) = sqrt(2^-51) (1 - 2^-52 / 12 + ...) to the last bit (4e-9 off through log)") {
            val t = 2.0.pow(-52)
            val expected = HighPrecision.acoshOfOnePlus(t)
            relativeError(Expr.parse("acosh(x)").valueAt(at(1 + t)), expected) shouldBe (0.0 plusOrMinus 2.3e-16)
        }

        test("property: acosh and acosh' on (1, 3] match 60-digit references to 2 ulp") {
            val f = Expr.parse("acosh(x)")
            checkAll(propertyConfig(500), Arb.double(-52.0, 1.0, includeNaNs = false)) { exponent ->
                val value = 1 + 2.0.pow(exponent)
                val t = value - 1 // exact: Sterbenz
                val expected = HighPrecision.acoshOfOnePlus(t)
                withClue("acosh($value)") {
                    relativeError(f.valueAt(at(value)), expected) shouldBe (0.0 plusOrMinus 4.5e-16)
                }
                // acosh'(x) = 1 / sqrt((x - 1)(x + 1)), from the exact t
                val exact = java.math.BigDecimal(t)
                val slope = java.math.BigDecimal.ONE.divide(
                    HighPrecision.sqrt(exact.multiply(exact.add(java.math.BigDecimal(2)), HighPrecision.context)),
                    HighPrecision.context).toDouble()
                withClue("acosh'($value)") {
                    relativeError(f.gradientAt(at(value))[0], slope) shouldBe (0.0 plusOrMinus 1e-15)
                }
            }
        }

        test("cosh(acosh(t)) = t has Hessian 0 near 1 (1.15e-6 with the log form), to rounding of its 1/(t^2 - 1) terms") {
            val f = Expr.parse("cosh(acosh(x))")
            for (t in listOf(1 + 6e-8, 1 + 1e-12, 1.5)) {
                // f'' = cosh(u) u'^2 + sinh(u) u'' with u = acosh t: two terms of size t / (t^2 - 1) that cancel
                val scale = t / ((t - 1) * (t + 1))
                f.hessianAt(at(t), x)[0][0] shouldBe (0.0 plusOrMinus 1e-15 * scale)
                compiledHessian(f, x, doubleArrayOf(t))[0][0] shouldBe (0.0 plusOrMinus 1e-15 * scale)
                f.gradientAt(at(t))[0] shouldBe (1.0 plusOrMinus 1e-15 * scale)
            }
        }
    }

    context("second derivatives through a tiny value do not form 1/w^2") {
        test("log(exp(x)) = x has Hessian 0 at x = -400 on every face (-Infinity before)") {
            val f = Expr.parse("log(exp(x))")
            for (value in listOf(-400.0, -700.0, 300.0)) {
                f.hessianAt(at(value), x)[0][0] shouldBe (0.0 plusOrMinus 1e-15)
                compiledHessian(f, x, doubleArrayOf(value))[0][0] shouldBe (0.0 plusOrMinus 1e-15)
                f.nthDerivativeAt(value, 2) shouldBe (0.0 plusOrMinus 1e-15)
                f.derivative("x").derivative("x").valueAt(at(value)) shouldBe (0.0 plusOrMinus 1e-15)
            }
        }

        test("exp(x) / exp(2x) = exp(-x): hyper-dual division by a tiny value, at x = -300") {
            val f = Expr.parse("exp(x) / exp(2*x)")
            val expected = kotlin.math.exp(300.0)
            relativeError(f.hessianAt(at(-300.0), x)[0][0], expected) shouldBe (0.0 plusOrMinus 1e-14)
            relativeError(f.nthDerivativeAt(-300.0, 2), expected) shouldBe (0.0 plusOrMinus 1e-14)
        }

        test("property: log(exp(x)) and log1p(expm1(x)) have Hessian 0 for x in [-700, 700]") {
            val f = Expr.parse("log(exp(x))")
            val g = Expr.parse("log1p(expm1(x))")
            checkAll(propertyConfig(300), Arb.double(-700.0, 700.0, includeNaNs = false)) { value ->
                withClue("x = $value") {
                    f.hessianAt(at(value), x)[0][0] shouldBe (0.0 plusOrMinus 1e-15)
                    f.nthDerivativeAt(value, 2) shouldBe (0.0 plusOrMinus 1e-15)
                    if (value > -30) {
                        // below, expm1(x) = -1 to double precision and log1p(expm1(x)) = -inf: no Hessian to check
                        g.hessianAt(at(value), x)[0][0] shouldBe (0.0 plusOrMinus 1e-15 * max(1.0, kotlin.math.exp(-value)))
                    }
                }
            }
        }
    }

    context("second derivatives past an overflowing intermediate: seeds scaled by 2^-k (SeedScaling)") {
        fun compiledHessianVectorProduct(f: Expr, order: List<String>, point: DoubleArray, u: DoubleArray) =
            DoubleArray(order.size).also { f.compile(order).hessianVectorProduct(point, u, it) }

        fun unit(n: Int, j: Int) = DoubleArray(n) { if (it == j) 1.0 else 0.0 }

        test("x ln x has f'' = 1/x at 1e-160, 1e-200 and 1e-300 on every face (-Infinity through ln'' = -1/x^2)") {
            val f = Expr.parse("x*log(x)")
            for (value in listOf(1e-160, 1e-200, 1e-300)) {
                val expected = 1 / value
                val faces = mapOf(
                    "hessianAt" to f.hessianAt(at(value), x)[0][0],
                    "compiled Hessian" to compiledHessian(f, x, doubleArrayOf(value))[0][0],
                    "compiled H u" to compiledHessianVectorProduct(f, x, doubleArrayOf(value), doubleArrayOf(1.0))[0],
                    "jet" to f.nthDerivativeAt(value, 2),
                    "symbolic" to f.derivative("x").derivative("x").valueAt(at(value)),
                )
                for ((face, got) in faces) {
                    withClue("(x ln x)''($value) by $face = $got, expected $expected") {
                        relativeError(got, expected) shouldBe (0.0 plusOrMinus 1e-15)
                    }
                }
            }
        }

        test("x ln y at y = 1e-160: d2/dx dy = 1/y, and d2/dy2 = -x/y^2, -Infinity for x = 1 (beyond doubles)") {
            val f = Expr.parse("x*log(y)")
            val order = listOf("x", "y")
            val y = 1e-160
            for (xValue in listOf(1.0, 1e-160, 3.0)) {
                val curvature = -xValue / y / y
                val expected = arrayOf(doubleArrayOf(0.0, 1 / y), doubleArrayOf(1 / y, curvature))
                val point = doubleArrayOf(xValue, y)
                val faces = mapOf(
                    "hessianAt" to f.hessianAt(Point.of(order, point), order),
                    "compiled Hessian" to compiledHessian(f, order, point),
                    "compiled H e_j" to Array(2) { i ->
                        DoubleArray(2) { j ->
                            compiledHessianVectorProduct(f, order, point, unit(2, j))[i]
                        }
                    },
                )
                for ((face, hessian) in faces) {
                    for (i in 0..1) for (j in 0..1) {
                        withClue("$face [$i][$j] at x = $xValue: ${hessian[i][j]}, expected ${expected[i][j]}") {
                            if (expected[i][j].isInfinite()) {
                                hessian[i][j] shouldBe expected[i][j]
                            } else {
                                relativeError(hessian[i][j], expected[i][j]) shouldBe (0.0 plusOrMinus 1e-15)
                            }
                        }
                    }
                }
            }
            (-1.0 / y / y) shouldBe Double.NEGATIVE_INFINITY
        }

        test("ln'' = -1/x^2 itself stays -Infinity at 1e-160 on every face, and a NaN (ln of -1) stays NaN") {
            val f = Expr.parse("log(x)")
            f.hessianAt(at(1e-160), x)[0][0] shouldBe Double.NEGATIVE_INFINITY
            compiledHessian(f, x, doubleArrayOf(1e-160))[0][0] shouldBe Double.NEGATIVE_INFINITY
            f.nthDerivativeAt(1e-160, 2) shouldBe Double.NEGATIVE_INFINITY
            val g = Expr.parse("x*log(x)")
            g.hessianAt(at(-1e-160), x)[0][0].isNaN() shouldBe true
            compiledHessian(g, x, doubleArrayOf(-1e-160))[0][0].isNaN() shouldBe true
            g.nthDerivativeAt(-1e-160, 2).isNaN() shouldBe true
        }

        test("x^2 / y at (1e-110, 1e-170): the tape divides by y twice, not by y^2 = 0 (NaN and -Infinity before)") {
            val f = Expr.parse("x^2/y")
            val order = listOf("x", "y")
            val point = doubleArrayOf(1e-110, 1e-170)
            // 2/y, -2x/y^2 and 2x^2/y^3 from the exact decimal inputs, rounded once
            val (x0, y0) = point.map { java.math.BigDecimal(it) }
            fun exact(numerator: java.math.BigDecimal, denominator: java.math.BigDecimal) =
                numerator.divide(denominator, HighPrecision.context).toDouble()
            val two = java.math.BigDecimal(2)
            val expected = arrayOf(
                doubleArrayOf(exact(two, y0), exact(two.negate().multiply(x0), y0.pow(2))),
                doubleArrayOf(exact(two.negate().multiply(x0), y0.pow(2)), exact(two.multiply(x0.pow(2)), y0.pow(3))),
            )
            val faces = mapOf(
                "hessianAt" to f.hessianAt(Point.of(order, point), order),
                "compiled Hessian" to compiledHessian(f, order, point),
                "compiled H e_j" to Array(2) { i ->
                    DoubleArray(2) { j -> compiledHessianVectorProduct(f, order, point, unit(2, j))[i] }
                },
            )
            for ((face, hessian) in faces) {
                for (i in 0..1) for (j in 0..1) {
                    withClue("$face [$i][$j] = ${hessian[i][j]}, expected ${expected[i][j]}") {
                        relativeError(hessian[i][j], expected[i][j]) shouldBe (0.0 plusOrMinus 1e-15)
                    }
                }
            }
        }

        test("higher jet derivatives of x ln x at 1e-100: (-1)^n (n - 2)! / x^(n - 1) while it is representable") {
            val f = Expr.parse("x*log(x)")
            val value = 1e-100
            relativeError(f.nthDerivativeAt(value, 3), -1 / value / value) shouldBe (0.0 plusOrMinus 1e-15)
            relativeError(f.nthDerivativeAt(value, 4), 2 / value / value / value) shouldBe (0.0 plusOrMinus 1e-15)
        }
    }
})
