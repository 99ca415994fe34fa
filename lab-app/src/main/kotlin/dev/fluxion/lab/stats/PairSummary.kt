package dev.fluxion.lab.stats

import dev.fluxion.lab.engine.RunResult

/**
 * The statistics of one (optimizer, landscape) pair over its starts and seeds, per target f - f* <= t:
 *
 * - success rate: the share of runs that reached t;
 * - steps and evaluations (values and gradients 1 each, a Hessian n) to reach t: quartiles over the successful runs;
 * - aRT, COCO's average runtime ([AverageRunningTime]): the evaluations of all runs (a successful run counted up to
 *   its hit, an unsuccessful one with everything it used) divided by the number of successes; infinite without a
 *   success (N. Hansen et al., "COCO: performance assessment", arXiv:1605.03560, section 3);
 *
 * and the median final gap and the count of each outcome.
 */
data class PairSummary(
    val optimizer: String,
    val landscape: String,
    val runs: Int,
    val targets: List<Double>,
    val successRate: List<Double>,
    val steps: List<Quartiles?>,
    val evaluations: List<Quartiles?>,
    val averageRuntime: List<Double>,
    val medianFinalGap: Double,
    val outcomes: Map<String, Int>,
    /** Whether f* is known, so that targets mean anything. */
    val hasTargets: Boolean,
) {
    companion object {
        /**
         * One summary per pair, in the order the pairs first appear in [results] (computed by [SummaryColumns],
         * which a report of a large study fills from the store row by row).
         */
        @JvmStatic
        fun of(results: List<RunResult>): List<PairSummary> = SummaryColumns.of(results).summaries()
    }
}
