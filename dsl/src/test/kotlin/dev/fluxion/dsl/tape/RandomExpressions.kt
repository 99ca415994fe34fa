package dev.fluxion.dsl.tape

import dev.fluxion.dsl.abs
import dev.fluxion.dsl.acos
import dev.fluxion.dsl.acosh
import dev.fluxion.dsl.asin
import dev.fluxion.dsl.asinh
import dev.fluxion.dsl.atan
import dev.fluxion.dsl.atan2
import dev.fluxion.dsl.atanh
import dev.fluxion.dsl.cbrt
import dev.fluxion.dsl.cos
import dev.fluxion.dsl.cosh
import dev.fluxion.dsl.erf
import dev.fluxion.dsl.erfc
import dev.fluxion.dsl.exp
import dev.fluxion.dsl.expm1
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.function.Binary
import dev.fluxion.dsl.function.Unary
import dev.fluxion.dsl.gelu
import dev.fluxion.dsl.hypot
import dev.fluxion.dsl.log
import dev.fluxion.dsl.log1p
import dev.fluxion.dsl.logGamma
import dev.fluxion.dsl.logSigmoid
import dev.fluxion.dsl.max
import dev.fluxion.dsl.min
import dev.fluxion.dsl.mish
import dev.fluxion.dsl.plus
import dev.fluxion.dsl.pow
import dev.fluxion.dsl.sigmoid
import dev.fluxion.dsl.sign
import dev.fluxion.dsl.silu
import dev.fluxion.dsl.sin
import dev.fluxion.dsl.sinh
import dev.fluxion.dsl.softplus
import dev.fluxion.dsl.sqrt
import dev.fluxion.dsl.tan
import dev.fluxion.dsl.tanh
import kotlin.random.Random

/**
 * A random scalar expression for property tests, with what a test needs to know about it.
 *
 * @property expression the expression
 * @property kinkArguments the arguments of its non-smooth and discontinuous functions (abs, relu, sign, max, the
 *   branch cut of atan2, ...); a test keeps only points where each lies away from 0, so every derivative there is
 *   classical and finite differences are meaningful
 * @property functions the names of the Unary and Binary functions it uses
 */
class RandomExpression(val expression: Expr, val kinkArguments: List<Expr>, val functions: Set<String>)

/**
 * Builds random expressions over the given variables in which every [Unary] and [Binary] function of the dsl
 * (and constant powers) can appear, each behind a wrapper that keeps its argument inside its domain and away
 * from overflow: log(1 + u^2), sqrt(u^2 + 0.5), asin(0.9 tanh u), u / (2 + sin v), exp(sin u)^v, and so on.
 * Leaves are the variables and small constants.
 */
class RandomExpressions(private val random: Random, private val variables: List<Expr>) {
    private val kinks = mutableListOf<Expr>()
    private val used = mutableSetOf<String>()

    /** A new expression of at most the given depth of wrapped functions. */
    fun next(depth: Int): RandomExpression {
        kinks.clear()
        used.clear()
        val e = build(depth)
        return RandomExpression(e, kinks.toList(), used.toSet())
    }

    /**
     * A long expression: a first term, then a number of further terms drawn from [count], each joined to what came
     * before by [join] (which may draw from the same random numbers); every term's depth is drawn from [depths]. The
     * draws come in that order: the first term's depth and the term, the count, then each term's depth, the term and
     * its join.
     */
    fun chain(depths: IntRange, count: IntRange, join: (Expr, Expr) -> Expr): Expr {
        var f = next(random.nextInt(depths.first, depths.last + 1)).expression
        repeat(random.nextInt(count.first, count.last + 1)) {
            f = join(f, next(random.nextInt(depths.first, depths.last + 1)).expression)
        }
        return f
    }

    private fun build(depth: Int): Expr {
        if (depth == 0 || random.nextDouble() < 0.15) {
            return leaf()
        }
        return if (random.nextDouble() < 0.6) {
            val (name, wrap) = unary[random.nextInt(unary.size)]
            used += name
            wrap(build(depth - 1))
        } else {
            val (name, wrap) = binary[random.nextInt(binary.size)]
            used += name
            wrap(build(depth - 1), build(depth - 1))
        }
    }

    private fun leaf(): Expr = if (random.nextDouble() < 0.75) {
        variables[random.nextInt(variables.size)]
    } else {
        Expr.constant(random.nextInt(-8, 9) / 4.0)
    }

    private fun kink(argument: Expr): Expr {
        kinks += argument
        return argument
    }

    private val unary: List<Pair<String, (Expr) -> Expr>> = listOf(
        Unary.NEG.name to { u -> -u },
        Unary.SQRT.name to { u -> sqrt((u pow 2) + 0.5) },
        Unary.CBRT.name to { u -> cbrt(sin(u) - 2.0) },
        Unary.EXP.name to { u -> exp(sin(u)) },
        Unary.EXPM1.name to { u -> expm1(sin(u)) },
        Unary.LOG.name to { u -> log(1.0 + (u pow 2)) },
        Unary.LOG1P.name to { u -> log1p(tanh(u) * 0.9) },
        Unary.SIN.name to { u -> sin(u) },
        Unary.COS.name to { u -> cos(u) },
        Unary.TAN.name to { u -> tan(tanh(u)) },
        Unary.ASIN.name to { u -> asin(tanh(u) * 0.9) },
        Unary.ACOS.name to { u -> acos(tanh(u) * 0.9) },
        Unary.ATAN.name to { u -> atan(u) },
        Unary.SINH.name to { u -> sinh(sin(u)) },
        Unary.COSH.name to { u -> cosh(sin(u)) },
        Unary.TANH.name to { u -> tanh(u) },
        Unary.ASINH.name to { u -> asinh(u) },
        Unary.ACOSH.name to { u -> acosh((u pow 2) + 1.5) },
        Unary.ATANH.name to { u -> atanh(tanh(u) * 0.9) },
        Unary.ABS.name to { u -> abs(kink(u)) },
        Unary.SIGN.name to { u -> sign(kink(u)) },
        Unary.HEAVISIDE.name to { u -> kink(u).heaviside() },
        Unary.ERF.name to { u -> erf(u) },
        Unary.ERFC.name to { u -> erfc(u) },
        Unary.LOG_GAMMA.name to { u -> logGamma((u pow 2) + 0.5) },
        Unary.SIGMOID.name to { u -> sigmoid(u) },
        Unary.LOG_SIGMOID.name to { u -> logSigmoid(u) },
        Unary.SOFTPLUS.name to { u -> softplus(u) },
        Unary.RELU.name to { u -> kink(u).relu() },
        Unary.GELU.name to { u -> gelu(u) },
        Unary.SILU.name to { u -> silu(u) },
        Unary.MISH.name to { u -> mish(u) },
        "POWER_2" to { u -> u pow 2 },
        "POWER_3" to { u -> u pow 3 },
        "POWER_-1.5" to { u -> ((u pow 2) + 1.0).pow(-1.5) },
    )

    private val binary: List<Pair<String, (Expr, Expr) -> Expr>> = listOf(
        Binary.ADD.name to { a, b -> a + b },
        Binary.SUB.name to { a, b -> a - b },
        Binary.MUL.name to { a, b -> a * b },
        Binary.DIV.name to { a, b -> a / (2.0 + sin(b)) },
        Binary.POW.name to { a, b -> exp(sin(a)).pow(b) },
        Binary.LOG_BASE.name to { a, b -> log(1.0 + (a pow 2), 2.5 + sin(b)) },
        Binary.ATAN2.name to { a, b -> atan2(kink(a), b) },
        Binary.HYPOT.name to { a, b -> hypot(kink(a), b) },
        Binary.MAX.name to { a, b -> kink(a - b); max(a, b) },
        Binary.MIN.name to { a, b -> kink(a - b); min(a, b) },
        Binary.GREATER.name to { a, b -> kink(a - b); a.apply(Binary.GREATER, b) },
        Binary.LEAKY_RELU.name to { a, b -> kink(a).apply(Binary.LEAKY_RELU, sigmoid(b)) },
        Binary.ELU.name to { a, b -> kink(a).apply(Binary.ELU, 0.5 + sigmoid(b)) },
    )

    /** The names of every function the generator can use. */
    val functionNames: Set<String> = (unary.map { it.first } + binary.map { it.first }).toSet()
}
