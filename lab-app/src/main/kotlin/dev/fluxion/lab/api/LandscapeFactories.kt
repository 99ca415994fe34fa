/**
 * The Kotlin face of the landscapes a study names most: a function per landscape with named parameters, giving
 * the landscape its text spec gives (`rosenbrock(dim = 10)` is `LandscapeRegistry.standard().create(
 * "rosenbrock(dim=10)")`), so a study builder reads `landscapes(beale(), rosenbrock(dim = 10))`. Any other
 * landscape, a plugin's included, is [landscape] of its spec; a landscape of one's own is [landscape] of a dsl
 * expression, whose spec, and so whose identity in a store, holds the expression's printed form, or [landscape] of
 * a name and an [Objective] (code), whose identity holds a hash of the code ([CodeHash]).
 */
@file:JvmName("LandscapeFactories")

package dev.fluxion.lab.api

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.lab.LabException
import dev.fluxion.landscapes.Box
import dev.fluxion.landscapes.Facts
import dev.fluxion.landscapes.Landscape
import dev.fluxion.landscapes.LandscapeRegistry
import dev.fluxion.landscapes.Tag
import java.util.EnumSet
import java.util.Locale
import java.util.OptionalDouble

/**
 * The landscape of a spec, such as `"quadratic(dim=50, kappa=1000)"`, from the class path's landscapes as the
 * calling thread sees them ([LandscapeRegistry.standard]: in a script run with `--plugins`, the plugins' too).
 */
fun landscape(spec: String): Landscape = LandscapeRegistry.standard().create(spec)

/** Beale's function, `beale`: f* = 0 at (3, 0.5). */
fun beale(): Landscape = landscape("beale")

/** Rosenbrock's valley in [dim] variables, `rosenbrock(dim=...)`: f* = 0 at (1, ..., 1). */
fun rosenbrock(dim: Int = 2): Landscape = landscape("rosenbrock(dim=$dim)")

/** A quadratic with condition number [kappa] in [dim] variables, `quadratic(dim=..., kappa=...)`. */
fun quadratic(dim: Int = 2, kappa: Double = 10.0): Landscape = landscape("quadratic(dim=$dim, kappa=${number(kappa)})")

/** The sphere, `sphere(dim=...)`: f = |x|^2. */
fun sphere(dim: Int = 2): Landscape = landscape("sphere(dim=$dim)")

/** Rastrigin's function, `rastrigin(dim=...)`: many local minima, f* = 0 at 0. */
fun rastrigin(dim: Int = 2): Landscape = landscape("rastrigin(dim=$dim)")

/** Ackley's function, `ackley(dim=...)`: f* = 0 at 0. */
fun ackley(dim: Int = 2): Landscape = landscape("ackley(dim=$dim)")

/** Himmelblau's function, `himmelblau`: four minima with f* = 0. */
fun himmelblau(): Landscape = landscape("himmelblau")

/** Booth's function, `booth`: f* = 0 at (1, 3). */
fun booth(): Landscape = landscape("booth")

/** The hyperbolic saddle, `saddle`. */
fun saddle(): Landscape = landscape("saddle")

/**
 * The landscape of a dsl [expression], such as `landscape(formula("(x - 1)^2 + 10*(y - x^2)^2"))`, over the box
 * [[lower], [upper]] in every variable, starting at three quarters of the box: the spec `formula(expression="...",
 * ...)` with the expression's canonical printed form, which is so its identity in a store. [minimum] and
 * [minimizers] state what is known, if anything (runs then measure the gap f - f*).
 */
@JvmOverloads
fun landscape(expression: Expr, lower: Double = -5.0, upper: Double = 5.0, minimum: Double? = null,
              minimizers: List<DoubleArray> = emptyList()): Landscape {
    val known = buildString {
        if (minimum != null) append(", minimum=\"${number(minimum)}\"")
        if (minimizers.isNotEmpty()) {
            append(", minimizers=\"").append(minimizers.joinToString("; ") { p -> p.joinToString(" ") { number(it) } }).append('"')
        }
    }
    return landscape("formula(expression=\"$expression\", lower=${number(lower)}, upper=${number(upper)}$known)")
}

/**
 * The landscape given by code: [objective] computes f and its gradient (its Hessian too, if it has one), over the box
 * [[lower], [upper]] in every variable, starting at [start] (by default three quarters of the box, as a formula's).
 * [minimum] and [minimizers] state what is known, if anything. Nothing symbolic is known of it (no expression; no
 * smoothness or convexity constants unless [objective] states them); figures draw its contours by evaluating it.
 *
 * Its spec, and so its identity in a store, is `NAME(lower=..., upper=...)#HASH`, with the facts given and
 * [CodeHash]'s hash of the objective's code: changing the code changes the spec, so a resumed study recomputes
 * exactly its runs. Numbers the code holds in fields (not in its code) belong in [name], as `wave_k3`. Runs share
 * [objective] between threads, so it must be safe to call from several at once (a function of x alone is).
 *
 * ```kotlin
 * val bowl = object : Objective {
 *     override fun dimension() = 2
 *     override fun value(x: DoubleArray) = x[0] * x[0] + 4 * x[1] * x[1]
 *     override fun valueAndGradient(x: DoubleArray, g: DoubleArray): Double {
 *         g[0] = 2 * x[0]; g[1] = 8 * x[1]
 *         return value(x)
 *     }
 * }
 * compare { optimizers(adam(lr = 0.1), gd(lr = 0.1)); landscapes(landscape("bowl", bowl, minimum = 0.0)) }.run()
 * ```
 *
 * @throws LabException when [name] is not letters, digits and '_', or the box or start do not fit
 */
@JvmOverloads
fun landscape(name: String, objective: Objective, lower: Double = -5.0, upper: Double = 5.0, start: DoubleArray? = null,
              minimum: Double? = null, minimizers: List<DoubleArray> = emptyList()): Landscape {
    if (!name.matches(Regex("[A-Za-z_][A-Za-z0-9_]*"))) {
        throw LabException("a landscape given by code needs a name of letters, digits and '_', got '$name'")
    }
    val spec = buildString {
        append(name).append("(lower=").append(number(lower)).append(", upper=").append(number(upper))
        if (start != null) append(", start=\"").append(start.joinToString(" ") { number(it) }).append('"')
        if (minimum != null) append(", minimum=").append(number(minimum))
        if (minimizers.isNotEmpty()) {
            append(", minimizers=\"").append(minimizers.joinToString("; ") { p -> p.joinToString(" ") { number(it) } }).append('"')
        }
        append(")#").append(CodeHash.ofValue(objective))
    }
    return codeLandscape(name, spec, objective, lower, upper, start, minimum, minimizers)
}

/** The landscape given by [objective] under [spec] (its identity: the caller puts the code's hash in it), as [landscape]. */
internal fun codeLandscape(name: String, spec: String, objective: Objective, lower: Double = -5.0, upper: Double = 5.0,
                           start: DoubleArray? = null, minimum: Double? = null, minimizers: List<DoubleArray> = emptyList()): Landscape {
    if (!(lower < upper)) throw LabException("landscape $name: the box needs lower < upper, got $lower and $upper")
    val n = objective.dimension()
    if (n < 1) throw LabException("landscape $name: the objective's dimension is $n; it must be at least 1")
    val from = start ?: DoubleArray(n) { lower + 0.75 * (upper - lower) }
    if (from.size != n) throw LabException("landscape $name: the start has ${from.size} coordinates, the objective $n")
    val known = if (minimum != null) OptionalDouble.of(minimum) else
        minimizers.firstOrNull()?.let { OptionalDouble.of(objective.value(it)) } ?: objective.minimum()
    val tags = EnumSet.noneOf(Tag::class.java).apply { if (n == 1) add(Tag.ONE_DIMENSIONAL) }
    val facts = try {
        Facts(name, spec, "given by code: ${objective.javaClass.name}", n, Box.cube(n, lower, upper), known, minimizers,
            emptyList(), objective.smoothness(), objective.strongConvexity(), from, tags, listOf("user code"))
    } catch (e: RuntimeException) {
        throw LabException("landscape $name: ${e.message}", e)
    }
    return Landscape.of(facts, objective)
}

/** A number as a spec writes it: shortest round-tripping decimal. */
private fun number(value: Double): String = if (value == Math.rint(value) && Math.abs(value) < 1e15)
    String.format(Locale.ROOT, "%.1f", value) else value.toString()
