package dev.fluxion.dsl.expr

import kotlin.math.abs
import kotlin.math.max

/**
 * A derivative estimated by finite differences, with the extrapolation's own estimate of its error.
 */
data class DifferenceEstimate(val derivative: Double, val error: Double)

/**
 * f'(x) by centered differences D(h) = (f(x + h) - f(x - h)) / 2h, Richardson-extrapolated in the Neville
 * tableau of Ridders' method: the step shrinks by [shrink] from [initialStep], each new D(h) eliminates one more
 * even power of h (D = f' + c1 h^2 + c2 h^4 + ...), and the entry whose change from its neighbours is smallest
 * is returned. The loop stops when the error grows past twice its best value, which is where rounding
 * (about eps |f| / h) starts to dominate the truncation error.
 *
 * Reference: C. J. F. Ridders, "Accurate computation of F'(x) and F'(x)F''(x)", Advances in Engineering
 * Software 4 (1982) 75-76; Numerical Recipes, 3rd ed., section 5.7.
 *
 * f is only evaluated in [x - initialStep, x + initialStep].
 */
fun richardsonDerivative(f: (Double) -> Double, x: Double, initialStep: Double, shrink: Double = 1.4,
                         levels: Int = 10): DifferenceEstimate {
    val shrinkSquared = shrink * shrink
    val tableau = Array(levels) { DoubleArray(levels) }
    var h = initialStep
    tableau[0][0] = (f(x + h) - f(x - h)) / (2 * h)
    var best = tableau[0][0]
    var bestError = Double.MAX_VALUE
    for (i in 1 until levels) {
        h /= shrink
        tableau[0][i] = (f(x + h) - f(x - h)) / (2 * h)
        var factor = shrinkSquared
        for (j in 1..i) {
            // Eliminates the h^(2j) term: (factor D(h) - D(h * shrink)) / (factor - 1) with factor = shrink^(2j).
            tableau[j][i] = (tableau[j - 1][i] * factor - tableau[j - 1][i - 1]) / (factor - 1)
            factor *= shrinkSquared
            val error = max(abs(tableau[j][i] - tableau[j - 1][i]), abs(tableau[j][i] - tableau[j - 1][i - 1]))
            if (error <= bestError) {
                bestError = error
                best = tableau[j][i]
            }
        }
        if (abs(tableau[i][i] - tableau[i - 1][i - 1]) >= 2 * bestError) {
            break
        }
    }
    return DifferenceEstimate(best, bestError)
}

/**
 * [richardsonDerivative] with the initial step chosen for the function: starting from [largestStep], the step
 * shrinks tenfold (to at most three times) while the extrapolation's error estimate stays above [targetError],
 * since a function that varies on a scale below the step (such as cos of a fast-growing argument) needs a
 * smaller one. The estimate with the smallest error is returned.
 */
fun richardsonDerivative(f: (Double) -> Double, x: Double, largestStep: Double, targetError: Double): DifferenceEstimate {
    var best = richardsonDerivative(f, x, largestStep)
    var step = largestStep
    repeat(3) {
        if (best.error <= targetError) {
            return best
        }
        step /= 10
        val next = richardsonDerivative(f, x, step)
        if (next.error < best.error) {
            best = next
        }
    }
    return best
}
