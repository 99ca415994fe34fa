package dev.fluxion.landscapes

import dev.fluxion.dsl.Objective
import kotlin.math.abs
import kotlin.math.cbrt
import kotlin.math.max
import kotlin.math.sqrt

/** The registry every spec reads from. */
val registry: LandscapeRegistry = LandscapeRegistry.standard()

fun landscape(spec: String): Landscape = registry.create(spec)

fun norm(v: DoubleArray): Double = sqrt(v.sumOf { it * it })

fun Objective.gradient(x: DoubleArray): DoubleArray = DoubleArray(dimension()).also { valueAndGradient(x, it) }

fun Objective.hessianAt(x: DoubleArray): Array<DoubleArray> =
    Array(dimension()) { DoubleArray(dimension()) }.also { hessian(x, it) }

/**
 * The gradient by centered differences, (f(x + h e_i) - f(x - h e_i)) / 2h, with h_i = eps^(1/3) max(1, |x_i|):
 * the step that balances the O(h^2) truncation error against the O(eps |f| / h) rounding error.
 */
fun Objective.centeredDifference(x: DoubleArray): DoubleArray {
    val step = cbrt(Math.ulp(1.0))
    return DoubleArray(dimension()) { i ->
        val h = step * max(1.0, abs(x[i]))
        val plus = x.copyOf().also { it[i] += h }
        val minus = x.copyOf().also { it[i] -= h }
        (value(plus) - value(minus)) / (2 * h)
    }
}

/** The largest eigenvalue magnitude of a Hessian: the curvature scale at which a gradient norm is judged. */
fun curvatureScale(objective: Objective, x: DoubleArray): Double =
    HessianSpectrum.of(objective.hessianAt(x), HessianSpectrum.DEFAULT_TOLERANCE).eigenvalues()
        .maxOf { abs(it) }
