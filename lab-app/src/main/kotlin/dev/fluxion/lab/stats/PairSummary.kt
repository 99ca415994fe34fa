package dev.fluxion.lab.stats

import dev.fluxion.lab.engine.RunResult

/** The first quartile, the median and the third quartile of a sample (linear interpolation between ranks). */
data class Quartiles(val q1: Double, val median: Double, val q3: Double) {
    companion object {
        /** The quartiles of [values], or null for an empty sample. */
        @JvmStatic
        fun of(values: List<Double>): Quartiles? = of(values.toDoubleArray())

        /** The quartiles of [values] (which it sorts in place), or null for an empty sample. */
        @JvmStatic
        fun of(values: DoubleArray): Quartiles? {
            if (values.isEmpty()) return null
            val sorted = values
            sorted.sort()
            fun at(p: Double): Double {
                val position = p * (sorted.size - 1)
                val low = position.toInt()
                val high = minOf(low + 1, sorted.size - 1)
                val w = position - low
                return if (w == 0.0 || sorted[low] == sorted[high]) sorted[low] else sorted[low] + w * (sorted[high] - sorted[low])
            }
            return Quartiles(at(0.25), at(0.5), at(0.75))
        }
    }
}

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

/**
 * The empirical cumulative distribution of runtimes, as in COCO's data profiles: for one optimizer, over every
 * (run, target) pair of the landscapes with a known f*, the share of pairs reached within a budget of b gradient
 * evaluations. [budgets] are the distinct runtimes where the curve steps up, [shares] its values there.
 */
data class RuntimeEcdf(val optimizer: String, val budgets: List<Double>, val shares: List<Double>, val pairs: Int) {
    companion object {
        /** One ECDF per optimizer, in the order the optimizers appear ([SummaryColumns.ecdfs]). */
        @JvmStatic
        fun of(results: List<RunResult>): List<RuntimeEcdf> = SummaryColumns.of(results).ecdfs()

        /**
         * The ECDF of [optimizer] over [pairs] (run, target) pairs, of which those reached took [runtimes] (in any
         * order; sorted here, in place): a step of 1 / pairs at each runtime, steps at one runtime merged.
         */
        @JvmStatic
        fun of(optimizer: String, runtimes: DoubleArray, pairs: Int): RuntimeEcdf {
            runtimes.sort()
            val budgets = ArrayList<Double>()
            val shares = ArrayList<Double>()
            runtimes.forEachIndexed { i, b ->
                if (budgets.isNotEmpty() && budgets.last() == b) shares[shares.size - 1] = (i + 1).toDouble() / pairs
                else { budgets.add(b); shares.add((i + 1).toDouble() / pairs) }
            }
            return RuntimeEcdf(optimizer, budgets, shares, pairs)
        }
    }
}

/**
 * A Dolan-Moré performance profile (E. D. Dolan and J. J. Moré, "Benchmarking optimization software with
 * performance profiles", Math. Program. 91, 2002): a problem is one (landscape, start, seed), the cost of an
 * optimizer on it the evaluations to reach the target (infinite if never); rho(tau) is the share of
 * problems an optimizer solves within tau times the best optimizer's cost.
 */
data class PerformanceProfile(val optimizer: String, val target: Double, val taus: List<Double>, val shares: List<Double>) {
    companion object {
        /**
         * The profiles of every optimizer at target index [t], at ratios tau from 1 to the largest finite one
         * ([SummaryColumns.profiles]).
         */
        @JvmStatic
        fun of(results: List<RunResult>, t: Int): List<PerformanceProfile> = SummaryColumns.of(results).profiles(t)
    }
}
