package dev.fluxion.dsl.expr

import dev.fluxion.dsl.function.Binary
import dev.fluxion.dsl.function.BinaryFunction
import dev.fluxion.dsl.function.Polygamma
import dev.fluxion.dsl.function.PowerOf
import dev.fluxion.dsl.function.Unary
import dev.fluxion.dsl.function.UnaryFunction
import dev.fluxion.dsl.number.Dual
import io.kotest.property.Arb
import io.kotest.property.arbitrary.arbitrary
import io.kotest.property.arbitrary.map
import kotlin.math.PI
import kotlin.math.E
import kotlin.math.abs
import kotlin.math.round
import kotlin.math.sign
import kotlin.random.Random

// Random expressions for property-based specs.
//
// A generated expression is first a Recipe: the tree of function applications, with no simplification. The same
// recipe is then built either through the simplifying operations of Expr (what users get) or through the raw
// node constructors, so that a spec can compare the two. Arguments whose range is unknown go through a
// domain-mapping transform (log(u) becomes log(1 + u^2), asin(u) becomes asin(0.9 tanh u), ...), so every
// function is evaluated inside its domain and away from its singularities. Kinks (abs, relu, min, ...) are
// generated as they are; the points are then chosen away from them (see ExpressionSample).

/** The tree of a random expression, before it is built into an [Expr]. */
sealed interface Recipe {
    data class Var(val name: String) : Recipe
    data class Num(val value: Double) : Recipe
    data class Apply1(val function: UnaryFunction, val argument: Recipe) : Recipe
    data class Apply2(val function: BinaryFunction, val left: Recipe, val right: Recipe) : Recipe
}

/** How a recipe becomes an expression: through Expr's simplifying operations, or node by node as written. */
enum class Construction { SIMPLIFIED, RAW }

fun Recipe.build(construction: Construction = Construction.SIMPLIFIED): Expr = when (this) {
    is Recipe.Var -> Expr.variable(name)
    is Recipe.Num -> Expr.constant(value)
    is Recipe.Apply1 -> argument.build(construction).let { a ->
        if (construction == Construction.SIMPLIFIED) a.apply(function) else UnaryCall(function, a)
    }
    is Recipe.Apply2 -> {
        val a = left.build(construction)
        val b = right.build(construction)
        if (construction == Construction.SIMPLIFIED) a.apply(function, b) else BinaryCall(function, a, b)
    }
}

/** Every function a recipe applies, for checking that the generator covers the tables. */
fun Recipe.functions(): Set<Any> = when (this) {
    is Recipe.Var, is Recipe.Num -> emptySet()
    is Recipe.Apply1 -> argument.functions() + function
    is Recipe.Apply2 -> left.functions() + right.functions() + function
}

/**
 * Draws random recipes in the given variables, up to a depth, from a [Random].
 *
 * Each level picks one form uniformly: a unary function of [Unary] (NEG as unary minus), a binary function of
 * [Binary], an integer or fractional [PowerOf], a [Polygamma] of order 0..2, or arithmetic with a constant. A
 * leaf is a variable (70%) or a constant.
 */
class RandomExpressions(private val random: Random, private val variables: List<String>) {

    /** A recipe whose root is a function (never a bare leaf), with forms nested up to [depth] deep. */
    fun recipe(depth: Int): Recipe = form(depth)

    private fun u(depth: Int): Recipe =
        if (depth <= 0 || random.nextDouble() < LEAF_PROBABILITY) leaf() else form(depth)

    private fun form(depth: Int): Recipe {
        val d = depth - 1
        return when (random.nextInt(FORMS)) {
            0 -> neg(u(d))
            1 -> f(Unary.SQRT, add(sq(u(d)), c(0.5)))
            2 -> f(Unary.CBRT, if (random.nextBoolean()) add(c(0.5), sq(u(d))) else neg(add(c(0.5), sq(u(d)))))
            3 -> f(Unary.EXP, mul(f(Unary.TANH, u(d)), c(2.0)))
            4 -> f(Unary.EXPM1, mul(c(2.0), f(Unary.TANH, u(d))))
            5 -> f(Unary.LOG, positive(u(d)))
            6 -> f(Unary.LOG1P, if (random.nextBoolean()) unitInterval(u(d)) else sq(u(d)))
            7 -> f(Unary.SIN, u(d))
            8 -> f(Unary.COS, u(d))
            9 -> f(Unary.TAN, mul(c(1.2), f(Unary.TANH, u(d))))
            10 -> f(Unary.ASIN, unitInterval(u(d)))
            11 -> f(Unary.ACOS, unitInterval(u(d)))
            12 -> f(Unary.ATAN, u(d))
            13 -> f(Unary.SINH, mul(c(2.0), f(Unary.TANH, u(d))))
            14 -> f(Unary.COSH, mul(c(2.0), f(Unary.TANH, u(d))))
            15 -> f(Unary.TANH, u(d))
            16 -> f(Unary.ASINH, u(d))
            17 -> f(Unary.ACOSH, add(c(1.5), sq(u(d))))
            18 -> f(Unary.ATANH, unitInterval(u(d)))
            19 -> f(Unary.ABS, u(d))
            20 -> mul(f(Unary.SIGN, u(d)), u(d))
            21 -> add(mul(f(Unary.HEAVISIDE, u(d)), u(d)), u(d))
            22 -> f(Unary.ERF, u(d))
            23 -> f(Unary.ERFC, u(d))
            24 -> f(Unary.LOG_GAMMA, add(c(0.5), sq(u(d))))
            25 -> f(Unary.SIGMOID, u(d))
            26 -> f(Unary.LOG_SIGMOID, u(d))
            27 -> f(Unary.SOFTPLUS, u(d))
            28 -> f(Unary.RELU, u(d))
            29 -> f(Unary.GELU, u(d))
            30 -> f(Unary.SILU, u(d))
            31 -> f(Unary.MISH, u(d))
            32 -> add(u(d), u(d))
            33 -> sub(u(d), u(d))
            34 -> mul(u(d), u(d))
            35 -> g(Binary.DIV, u(d), if (random.nextBoolean()) add(c(1.0), sq(u(d))) else add(c(2.0), f(Unary.SIN, u(d))))
            36 -> g(Binary.POW, positive(u(d)), mul(c(2.0), f(Unary.TANH, u(d))))
            37 -> g(Binary.LOG_BASE, positive(u(d)), logBase(d))
            38 -> if (random.nextBoolean()) g(Binary.ATAN2, u(d), add(c(0.3), sq(u(d))))
                  else g(Binary.ATAN2, add(c(0.3), sq(u(d))), u(d))
            39 -> if (random.nextBoolean()) g(Binary.HYPOT, u(d), add(c(0.3), sq(u(d))))
                  else g(Binary.HYPOT, add(c(0.3), sq(u(d))), u(d))
            40 -> g(Binary.MIN, u(d), u(d))
            41 -> g(Binary.MAX, u(d), u(d))
            42 -> mul(g(Binary.GREATER, u(d), u(d)), u(d))
            43 -> g(Binary.LEAKY_RELU, u(d),
                    if (random.nextBoolean()) c(pick(0.01, 0.1, 0.3)) else mul(c(0.3), f(Unary.SIGMOID, u(d))))
            44 -> g(Binary.ELU, u(d),
                    if (random.nextBoolean()) c(pick(0.5, 1.0, 2.0)) else add(c(0.5), f(Unary.SIGMOID, u(d))))
            45 -> pick(-3.0, -2.0, -1.0, 2.0, 3.0, 4.0).let { n -> pow(if (n < 0) positive(u(d)) else u(d), n) }
            46 -> pow(positive(u(d)), pick(0.5, -0.5, 1.5, 1.0 / 3, -2.5, 2.7))
            47 -> f(Polygamma(random.nextInt(3)), add(c(0.5), sq(u(d))))
            48 -> mul(c(constant()), u(d))
            else -> add(u(d), c(constant()))
        }
    }

    private fun leaf(): Recipe =
        if (random.nextDouble() < 0.7) Recipe.Var(variables[random.nextInt(variables.size)]) else c(constant())

    /** A constant of a readable form: two decimals in [-2, 2], sometimes pi, e, or a whole number. */
    private fun constant(): Double = when (random.nextInt(8)) {
        0 -> PI
        1 -> E
        2 -> (random.nextInt(5) - 2).toDouble().let { if (it == 0.0) 3.0 else it }
        else -> round(random.nextDouble(-2.0, 2.0) * 100) / 100
    }

    /** Maps any real into (0, inf) with values not below 0.1: 1 + u^2, softplus(u) + 0.1, 2 + sin u, e^tanh u. */
    private fun positive(u: Recipe): Recipe = when (random.nextInt(4)) {
        0 -> add(c(1.0), sq(u))
        1 -> add(f(Unary.SOFTPLUS, u), c(0.1))
        2 -> add(c(2.0), f(Unary.SIN, u))
        else -> f(Unary.EXP, f(Unary.TANH, u))
    }

    /** Maps any real into (-0.9, 0.9). */
    private fun unitInterval(u: Recipe): Recipe = mul(c(0.9), f(Unary.TANH, u))

    /** A logarithm base bounded away from 1: in (2, 3) or (0.1, 0.6), or a constant 10 or 0.5. */
    private fun logBase(depth: Int): Recipe = when (random.nextInt(4)) {
        0 -> add(c(2.0), f(Unary.SIGMOID, u(depth)))
        1 -> add(c(0.1), mul(c(0.5), f(Unary.SIGMOID, u(depth))))
        2 -> c(10.0)
        else -> c(0.5)
    }

    private fun pick(vararg values: Double) = values[random.nextInt(values.size)]

    companion object {
        const val LEAF_PROBABILITY = 0.2
        const val FORMS = 50

        private fun c(value: Double): Recipe = Recipe.Num(value)
        private fun f(function: UnaryFunction, a: Recipe): Recipe = Recipe.Apply1(function, a)
        private fun g(function: BinaryFunction, a: Recipe, b: Recipe): Recipe = Recipe.Apply2(function, a, b)
        private fun neg(a: Recipe) = f(Unary.NEG, a)
        private fun pow(a: Recipe, p: Double) = f(PowerOf.of(p), a)
        private fun sq(a: Recipe) = pow(a, 2.0)
        private fun add(a: Recipe, b: Recipe) = g(Binary.ADD, a, b)
        private fun sub(a: Recipe, b: Recipe) = g(Binary.SUB, a, b)
        private fun mul(a: Recipe, b: Recipe) = g(Binary.MUL, a, b)
    }
}

/**
 * A random expression with a point at which every property is checked: inside every function's domain, at
 * least [KINK_MARGIN] from every kink, with no kink crossed within [STENCIL] of the point along any axis (so
 * finite differences never straddle one), and with every node's value and partial derivatives at most
 * [MAGNITUDE_LIMIT] in size.
 */
data class ExpressionSample(val recipe: Recipe, val expr: Expr, val point: Point, val variables: List<String>) {
    override fun toString() = "f = $expr at $point"

    /** The point moved by t along the variable's axis. */
    fun shifted(variable: String, t: Double): Point =
        Point.of(variables, DoubleArray(variables.size) { i -> point.get(variables[i]) + if (variables[i] == variable) t else 0.0 })

    companion object {
        const val KINK_MARGIN = 1e-3
        const val STENCIL = 0.02
        const val MAGNITUDE_LIMIT = 1e3
        const val POINT_TRIES = 20
    }
}

/** Counts of drawn expressions and of points turned down, reported by the specs so the filtering stays honest. */
object SamplingStatistics {
    @Volatile var expressions = 0L
    @Volatile var pointsTried = 0L
    @Volatile var pointsRejected = 0L

    override fun toString() = "so far in this test run, expressions drawn: $expressions, points tried: " +
        "$pointsTried, turned down: $pointsRejected (near a kink or too large)"
}

/** Random expressions in the given variables, depth up to [maxDepth], built through the simplifying operations. */
fun Arb.Companion.expression(variables: List<String> = listOf("x", "y", "z"), maxDepth: Int = 6): Arb<Expr> =
    recipe(variables, maxDepth).map { it.build() }

/** Random recipes in the given variables, depth up to [maxDepth]. */
fun Arb.Companion.recipe(variables: List<String> = listOf("x", "y", "z"), maxDepth: Int = 6): Arb<Recipe> =
    arbitrary { rs -> RandomExpressions(rs.random, variables).recipe(maxDepth) }

/** Random expressions with a point where they are smooth, each coordinate uniform in [-1.5, 1.5]. */
fun Arb.Companion.expressionSample(variables: List<String> = listOf("x", "y", "z"), maxDepth: Int = 6): Arb<ExpressionSample> =
    arbitrary { rs -> drawSample(rs.random, variables, maxDepth) }

/** Draws expressions until one has a point, among a few uniform draws, where it is smooth and moderate. */
fun drawSample(random: Random, variables: List<String>, maxDepth: Int): ExpressionSample {
    while (true) {
        val recipe = RandomExpressions(random, variables).recipe(maxDepth)
        val expr = recipe.build()
        SamplingStatistics.expressions++
        val kinks = kinkArguments(expr)
        for (attempt in 1..ExpressionSample.POINT_TRIES) {
            val point = Point.of(variables, DoubleArray(variables.size) { random.nextDouble(-1.5, 1.5) })
            val sample = ExpressionSample(recipe, expr, point, variables)
            SamplingStatistics.pointsTried++
            if (isSmoothAt(sample, kinks)) {
                return sample
            }
            SamplingStatistics.pointsRejected++
        }
    }
}

/**
 * The arguments whose sign decides a non-smooth function's branch: the argument of abs, sign, heaviside and
 * relu, the first argument of leakyRelu and elu, and left - right for min, max and greater.
 */
fun kinkArguments(e: Expr): List<Expr> = when (e) {
    is Constant, is Variable -> emptyList()
    is UnaryCall -> kinkArguments(e.argument()) +
        if (e.function() in setOf(Unary.ABS, Unary.SIGN, Unary.HEAVISIDE, Unary.RELU)) listOf(e.argument()) else emptyList()
    is BinaryCall -> kinkArguments(e.left()) + kinkArguments(e.right()) + when (e.function()) {
        Binary.LEAKY_RELU, Binary.ELU -> listOf(e.left())
        Binary.MIN, Binary.MAX, Binary.GREATER -> listOf(BinaryCall(Binary.SUB, e.left(), e.right()))
        else -> emptyList()
    }
    is Reduction -> error("random scalar expressions hold no vector reductions: $e")
}

private fun isSmoothAt(sample: ExpressionSample, kinks: List<Expr>): Boolean {
    val stencil = listOf(sample.point) + sample.variables.flatMap { v ->
        listOf(sample.shifted(v, ExpressionSample.STENCIL), sample.shifted(v, -ExpressionSample.STENCIL))
    }
    for (kink in kinks) {
        val atPoint = kink.valueAt(sample.point)
        if (!(abs(atPoint) >= ExpressionSample.KINK_MARGIN)) {
            return false
        }
        if (stencil.any { sign(kink.valueAt(it)) != sign(atPoint) }) {
            return false
        }
    }
    return sample.variables.all { v ->
        val seeds = sample.variables.associateWith { w -> Dual(sample.point.get(w), if (w == v) 1.0 else 0.0) }
        nodesAreModerate(sample.expr, seeds)
    }
}

/**
 * Whether every node of the expression, evaluated on the given duals, has a value and a slope of moderate size.
 * Bounding the inner nodes, not only the result, keeps out functions like cos(logGamma(u^6)) that oscillate
 * faster than any finite-difference step can follow.
 */
private fun nodesAreModerate(e: Expr, seeds: Map<String, Dual>): Boolean {
    fun walk(node: Expr): Dual? {
        val result = when (node) {
            is Constant -> Dual.constant(node.value())
            is Variable -> seeds.getValue(node.name())
            is UnaryCall -> walk(node.argument())?.apply(node.function())
            is BinaryCall -> walk(node.left())?.let { l -> walk(node.right())?.let { r -> l.apply(node.function(), r) } }
            is Reduction -> error("random scalar expressions hold no vector reductions: $node")
        } ?: return null
        val moderate = listOf(result.value(), result.tangent())
            .all { it.isFinite() && abs(it) <= ExpressionSample.MAGNITUDE_LIMIT }
        return if (moderate) result else null
    }
    return walk(e) != null
}
