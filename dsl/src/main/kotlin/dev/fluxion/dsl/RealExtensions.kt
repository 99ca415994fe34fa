@file:JvmName("RealExtensions")

package dev.fluxion.dsl

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.expr.Variable
import dev.fluxion.dsl.number.Algebra

// Kotlin face of the dsl. The arithmetic operators come for free from Algebra's plus/minus/times/div/unaryMinus;
// this file adds numbers on the left (2.0 * x), Int constants, the functions as top-level calls (sin(x)),
// `pow`, and small builders, all generic in T so one Kotlin function serves doubles, duals, jets and
// expressions alike.

/** c + x. */
operator fun <T : Algebra<T>> Double.plus(x: T): T = x.plus(this)

/** c - x. */
operator fun <T : Algebra<T>> Double.minus(x: T): T = x.unaryMinus().plus(this)

/** c * x. */
operator fun <T : Algebra<T>> Double.times(x: T): T = x.times(this)

/** c / x. */
operator fun <T : Algebra<T>> Double.div(x: T): T = x.lift(this).div(x)

/** n + x. */
operator fun <T : Algebra<T>> Int.plus(x: T): T = x.plus(toDouble())

/** n - x. */
operator fun <T : Algebra<T>> Int.minus(x: T): T = x.unaryMinus().plus(toDouble())

/** n * x. */
operator fun <T : Algebra<T>> Int.times(x: T): T = x.times(toDouble())

/** n / x. */
operator fun <T : Algebra<T>> Int.div(x: T): T = x.lift(toDouble()).div(x)

/** x + n. */
operator fun <T : Algebra<T>> T.plus(n: Int): T = plus(n.toDouble())

/** x - n. */
operator fun <T : Algebra<T>> T.minus(n: Int): T = minus(n.toDouble())

/** x * n. */
operator fun <T : Algebra<T>> T.times(n: Int): T = times(n.toDouble())

/** x / n. */
operator fun <T : Algebra<T>> T.div(n: Int): T = div(n.toDouble())

/** x^n for a whole-number exponent: `x pow 2`. */
infix fun <T : Algebra<T>> T.pow(n: Int): T = pow(n.toDouble())

/** x^y for a variable exponent (positive base): `x pow y`. */
infix fun <T : Algebra<T>> T.powOf(y: T): T = pow(y)

/** The square root. */
fun <T : Algebra<T>> sqrt(x: T): T = x.sqrt()

/** The real cube root. */
fun <T : Algebra<T>> cbrt(x: T): T = x.cbrt()

/** e^x. */
fun <T : Algebra<T>> exp(x: T): T = x.exp()

/** e^x - 1. */
fun <T : Algebra<T>> expm1(x: T): T = x.expm1()

/** The natural logarithm. */
fun <T : Algebra<T>> ln(x: T): T = x.log()

/** The natural logarithm. */
fun <T : Algebra<T>> log(x: T): T = x.log()

/** The logarithm to a base. */
fun <T : Algebra<T>> log(x: T, base: T): T = x.log(base)

/** log(1 + x). */
fun <T : Algebra<T>> log1p(x: T): T = x.log1p()

/** The sine. */
fun <T : Algebra<T>> sin(x: T): T = x.sin()

/** The cosine. */
fun <T : Algebra<T>> cos(x: T): T = x.cos()

/** The tangent. */
fun <T : Algebra<T>> tan(x: T): T = x.tan()

/** The arcsine. */
fun <T : Algebra<T>> asin(x: T): T = x.asin()

/** The arccosine. */
fun <T : Algebra<T>> acos(x: T): T = x.acos()

/** The arctangent. */
fun <T : Algebra<T>> atan(x: T): T = x.atan()

/** The angle of the point (x, y). */
fun <T : Algebra<T>> atan2(y: T, x: T): T = y.atan2(x)

/** The hyperbolic sine. */
fun <T : Algebra<T>> sinh(x: T): T = x.sinh()

/** The hyperbolic cosine. */
fun <T : Algebra<T>> cosh(x: T): T = x.cosh()

/** The hyperbolic tangent. */
fun <T : Algebra<T>> tanh(x: T): T = x.tanh()

/** The inverse hyperbolic sine. */
fun <T : Algebra<T>> asinh(x: T): T = x.asinh()

/** The inverse hyperbolic cosine. */
fun <T : Algebra<T>> acosh(x: T): T = x.acosh()

/** The inverse hyperbolic tangent. */
fun <T : Algebra<T>> atanh(x: T): T = x.atanh()

/** The absolute value. */
fun <T : Algebra<T>> abs(x: T): T = x.abs()

/** The sign. */
fun <T : Algebra<T>> sign(x: T): T = x.sign()

/** The smaller of two. */
fun <T : Algebra<T>> min(x: T, y: T): T = x.min(y)

/** The larger of two. */
fun <T : Algebra<T>> max(x: T, y: T): T = x.max(y)

/** sqrt(x^2 + y^2). */
fun <T : Algebra<T>> hypot(x: T, y: T): T = x.hypot(y)

/** The error function. */
fun <T : Algebra<T>> erf(x: T): T = x.erf()

/** The complementary error function. */
fun <T : Algebra<T>> erfc(x: T): T = x.erfc()

/** log Gamma. */
fun <T : Algebra<T>> logGamma(x: T): T = x.logGamma()

/** The logistic sigmoid. */
fun <T : Algebra<T>> sigmoid(x: T): T = x.sigmoid()

/** log sigmoid. */
fun <T : Algebra<T>> logSigmoid(x: T): T = x.logSigmoid()

/** log(1 + e^x). */
fun <T : Algebra<T>> softplus(x: T): T = x.softplus()

/** max(x, 0). */
fun <T : Algebra<T>> relu(x: T): T = x.relu()

/** The leaky relu with slope alpha below 0. */
fun <T : Algebra<T>> leakyRelu(x: T, alpha: Double = 0.01): T = x.leakyRelu(alpha)

/** The exponential linear unit. */
fun <T : Algebra<T>> elu(x: T, alpha: Double = 1.0): T = x.elu(alpha)

/** The exact gelu x Phi(x). */
fun <T : Algebra<T>> gelu(x: T): T = x.gelu()

/** x sigmoid(x). */
fun <T : Algebra<T>> silu(x: T): T = x.silu()

/** x sigmoid(x). */
fun <T : Algebra<T>> swish(x: T): T = x.swish()

/** x tanh(softplus(x)). */
fun <T : Algebra<T>> mish(x: T): T = x.mish()

/** Variables by name, for destructuring: `val (x, y) = variables("x", "y")`. */
fun variables(vararg names: String): List<Variable> = names.map { Expr.variable(it) }

/** The variable with this name. */
fun variable(name: String): Variable = Expr.variable(name)

/** Parses a formula. */
fun formula(text: String): Expr = Expr.parse(text)

/** A point from pairs: `point("x" to 1.0, "y" to 2.0)`. */
fun point(vararg coordinates: Pair<String, Double>): Point = Point.of(linkedMapOf(*coordinates))

/** The value at a point: `f("x" to 1.0, "y" to 2.0)`. */
operator fun Expr.invoke(vararg coordinates: Pair<String, Double>): Double = valueAt(point(*coordinates))

/** The symbolic derivative by a variable: `f.d(x)`. */
fun Expr.d(variable: Variable): Expr = derivative(variable)
