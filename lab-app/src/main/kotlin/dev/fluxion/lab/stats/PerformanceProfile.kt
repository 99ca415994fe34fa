package dev.fluxion.lab.stats

import dev.fluxion.lab.engine.RunResult

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
