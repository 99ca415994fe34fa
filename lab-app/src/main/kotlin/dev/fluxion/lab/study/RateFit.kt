package dev.fluxion.lab.study

import dev.fluxion.lab.engine.StepRule
import dev.fluxion.lab.engine.Trace
import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.sqrt

/**
 * The linear rate of a run, fitted on its trace: the least-squares slope s of ln(f_k - f*) against the step k
 * over the steady part of the run, the second half (in decades) of the way from the starting gap f_0 - f* down
 * to [floor], and at least [skipDecades] decades below the start: from the first kept step where the gap is
 * at most min(gap0 10^-skipDecades, sqrt(gap0 floor)) to the last one still above [floor] (well above rounding,
 * so machine precision never flattens the fit). Skipping the first half lets the faster eigen-directions die out,
 * so the slope is the slowest one's.
 *
 * The gap contracts by [gapFactor] = e^s per step; since f - f* is quadratic in x - x* near the minimizer, the
 * error ||x_k - x*|| contracts by [rate] = sqrt(e^s) = e^(s/2), which is what theory states (see [StepRule]).
 *
 * A run that falls below the floor too soon to fit a slope (fewer than three points in the window, as at
 * kappa = 1 where the step 1/L is exact) gets the rate of its first drop instead,
 * rho = ((f_k - f*)/(f_0 - f*))^(1/(2k)) at the first such step k, and [fromSlope] is false.
 *
 * @property firstStep the first step of the window
 * @property lastStep the last step of the window
 * @property points the number of trace points in the window
 */
data class RateFit(val gapFactor: Double, val firstStep: Long, val lastStep: Long, val points: Int, val fromSlope: Boolean) {
    /** The contraction of ||x_k - x*|| per step. */
    val rate: Double get() = sqrt(gapFactor)

    companion object {
        /** The fit of [trace] for a landscape with minimum [minimum]; null when the trace has no finite start. */
        @JvmStatic
        @JvmOverloads
        fun of(trace: Trace, minimum: Double, floor: Double, skipDecades: Double = 2.0): RateFit? {
            if (trace.size == 0) return null
            val gap0 = trace.loss[0] - minimum
            if (!(gap0 > floor) || !gap0.isFinite()) return null
            val start = minOf(gap0 * Math.pow(10.0, -skipDecades), Math.sqrt(gap0 * floor))
            fun gap(i: Int) = trace.loss[i] - minimum
            val from = (0 until trace.size).firstOrNull { gap(it) <= start } ?: trace.size
            val end = (from until trace.size).firstOrNull { !(gap(it) >= floor) } ?: trace.size
            val used = (from until end).toList()
            if (used.size >= 3) {
                val ks = used.map { trace.steps[it].toDouble() }
                val logs = used.map { ln(trace.loss[it] - minimum) }
                val kMean = ks.average()
                val logMean = logs.average()
                val slope = ks.indices.sumOf { (ks[it] - kMean) * (logs[it] - logMean) } /
                    ks.indices.sumOf { (ks[it] - kMean) * (ks[it] - kMean) }
                return RateFit(exp(slope), trace.steps[used.first()], trace.steps[used.last()], used.size, true)
            }
            val first = (1 until trace.size).firstOrNull { trace.loss[it] - minimum < floor } ?: return null
            val k = trace.steps[first]
            val drop = maxOf(trace.loss[first] - minimum, 0.0) / gap0
            return RateFit(Math.pow(drop, 1.0 / k), 0, k, 2, false)
        }
    }
}
