package dev.fluxion.lab.stats

import dev.fluxion.lab.engine.RunResult

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
