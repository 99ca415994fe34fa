/**
 * The Kotlin face of the landscapes a study names most: a function per landscape with named parameters, giving
 * the landscape its text spec gives (`rosenbrock(dim = 10)` is `LandscapeRegistry.standard().create(
 * "rosenbrock(dim=10)")`), so a study builder reads `landscapes(beale(), rosenbrock(dim = 10))`. Any other
 * landscape, a plugin's included, is [landscape] of its spec; a landscape of one's own is [landscape] of a dsl
 * expression, whose spec, and so whose identity in a store, holds the expression's printed form.
 */
@file:JvmName("LandscapeFactories")

package dev.fluxion.lab.api

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.landscapes.Landscape
import dev.fluxion.landscapes.LandscapeRegistry
import java.util.Locale

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

/** A number as a spec writes it: shortest round-tripping decimal. */
private fun number(value: Double): String = if (value == Math.rint(value) && Math.abs(value) < 1e15)
    String.format(Locale.ROOT, "%.1f", value) else value.toString()
