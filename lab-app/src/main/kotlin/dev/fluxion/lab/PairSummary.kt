package dev.fluxion.lab

/** The first quartile, the median and the third quartile of a sample (linear interpolation between ranks). */
data class Quartiles(val q1: Double, val median: Double, val q3: Double) {
    companion object {
        /** The quartiles of [values], or null for an empty sample. */
        @JvmStatic
        fun of(values: List<Double>): Quartiles? {
            if (values.isEmpty()) return null
            val sorted = values.sorted()
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
 * - aRT, COCO's average runtime: the evaluations of all runs (a successful run counted up to its hit, an
 *   unsuccessful one with everything it used) divided by the number of successes; infinite without a success
 *   (N. Hansen et al., "COCO: performance assessment", arXiv:1605.03560, section 3);
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
        /** One summary per pair, in the order the pairs first appear in [results]. */
        @JvmStatic
        fun of(results: List<RunResult>): List<PairSummary> =
            results.groupBy { it.spec.optimizerLabel to it.spec.landscapeLabel }.map { (pair, runs) ->
                val targets = runs.first().spec.budget.targets
                val indices = targets.indices
                PairSummary(
                    pair.first, pair.second, runs.size, targets,
                    indices.map { t -> runs.count { it.hit(t) }.toDouble() / runs.size },
                    indices.map { t -> Quartiles.of(runs.filter { it.hit(t) }.map { it.hitSteps[t].toDouble() }) },
                    indices.map { t -> Quartiles.of(runs.filter { it.hit(t) }.map { it.hitEvaluations[t].toDouble() }) },
                    indices.map { t -> averageRuntime(runs, t) },
                    Quartiles.of(runs.map { it.finalGap }.filter { !it.isNaN() })?.median ?: Double.NaN,
                    runs.groupingBy { it.outcome.kind }.eachCount().toSortedMap(),
                    runs.any { it.knowsMinimum },
                )
            }

        /** aRT for target index [t]: total evaluations until the hit or the end, over the number of hits. */
        @JvmStatic
        fun averageRuntime(runs: List<RunResult>, t: Int): Double {
            val successes = runs.count { it.hit(t) }
            val total = runs.sumOf { if (it.hit(t)) it.hitEvaluations[t] else it.evaluations }
            return if (successes == 0) Double.POSITIVE_INFINITY else total.toDouble() / successes
        }
    }
}

/**
 * The empirical cumulative distribution of runtimes, as in COCO's data profiles: for one optimizer, over every
 * (run, target) pair of the landscapes with a known f*, the share of pairs reached within a budget of b gradient
 * evaluations. [budgets] are the distinct runtimes where the curve steps up, [shares] its values there.
 */
data class RuntimeEcdf(val optimizer: String, val budgets: List<Double>, val shares: List<Double>, val pairs: Int) {
    companion object {
        /** One ECDF per optimizer, in the order the optimizers appear. */
        @JvmStatic
        fun of(results: List<RunResult>): List<RuntimeEcdf> =
            results.filter { it.knowsMinimum }.groupBy { it.spec.optimizerLabel }.map { (optimizer, runs) ->
                val runtimes = runs.flatMap { r -> r.hitEvaluations.filter { it >= 0 }.map { it.toDouble() } }.sorted()
                val pairs = runs.sumOf { it.hitEvaluations.size }
                val budgets = ArrayList<Double>()
                val shares = ArrayList<Double>()
                runtimes.forEachIndexed { i, b ->
                    if (budgets.isNotEmpty() && budgets.last() == b) shares[shares.size - 1] = (i + 1).toDouble() / pairs
                    else { budgets.add(b); shares.add((i + 1).toDouble() / pairs) }
                }
                RuntimeEcdf(optimizer, budgets, shares, pairs)
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
        /** The profiles of every optimizer at target index [t], at ratios tau from 1 to the largest finite one. */
        @JvmStatic
        fun of(results: List<RunResult>, t: Int): List<PerformanceProfile> {
            val withTargets = results.filter { it.knowsMinimum }
            if (withTargets.isEmpty()) return emptyList()
            val target = withTargets.first().spec.budget.targets[t]
            val problems = withTargets.groupBy { Triple(it.spec.landscapeLabel, it.spec.startIndex, it.spec.seedIndex) }
            val optimizers = withTargets.map { it.spec.optimizerLabel }.distinct()
            val ratios = optimizers.associateWith { ArrayList<Double>() }
            for (runs in problems.values) {
                val cost = runs.associate { it.spec.optimizerLabel to if (it.hit(t)) it.hitEvaluations[t].toDouble() else Double.POSITIVE_INFINITY }
                val best = cost.values.minOrNull() ?: Double.POSITIVE_INFINITY
                for (o in optimizers) {
                    val c = cost[o] ?: Double.POSITIVE_INFINITY
                    ratios.getValue(o).add(if (best.isInfinite() || c.isInfinite()) Double.POSITIVE_INFINITY else c / maxOf(best, 1.0))
                }
            }
            val largest = ratios.values.flatten().filter { it.isFinite() }.maxOrNull() ?: 1.0
            val taus = (0..60).map { Math.pow(maxOf(largest, 2.0), it / 60.0) }
            return optimizers.map { o ->
                val r = ratios.getValue(o)
                PerformanceProfile(o, target, taus, taus.map { tau -> r.count { it <= tau }.toDouble() / problems.size })
            }
        }
    }
}
