package dev.fluxion.lab.suite

import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.stats.RuntimeEcdf
import dev.fluxion.lab.engine.StableHash

/**
 * One cell of a suite's aRT table: what the runs of a row spent on one target.
 *
 * @property target the target delta (f - f* <= delta)
 * @property runtimes the runs' runtimes to it, whose [Runtimes.averageRunningTime] the cell shows
 * @property percentiles COCO's 10/50/90 percentiles of simulated run lengths ([Bootstrap]); null without a success,
 *   and null in a group's row
 * @property functionsReached how many of the row's functions had a run reach the target
 */
data class TargetCell(val target: Double, val runtimes: Runtimes, val percentiles: RunLengthPercentiles?,
                      val functionsReached: Int) {
    /** COCO's aRT of the cell. */
    val averageRunningTime: Double get() = runtimes.averageRunningTime
}

/**
 * One row of a suite's aRT tables: one optimizer on one function (pooled over its instances, starts and seeds) or
 * on one function group (pooled over its functions too), within one slice of the report (a dimension).
 *
 * @property function the function, or null in a group's row
 * @property functions the number of functions the row pools
 * @property cells one per table target ([SuiteTargets.TABLE])
 * @property finest the runtimes to the finest target, 1e-8, whose successes COCO's tables count
 */
data class SuiteRow(val slice: String, val group: String, val function: String?, val title: String, val optimizer: String,
                    val functions: Int, val cells: List<TargetCell>, val finest: Runtimes)

/**
 * The runtime ECDF of one optimizer on a group of functions in one slice: over every (run, target) pair of the
 * group's runs and COCO's 51 targets, the share reached within a budget of b evaluations per dimension (each run's
 * evaluations divided by its landscape's dimension), as COCO's `pprldmany` draws it without its simulated restarts.
 *
 * @property group the group, or [ALL] for every function of the slice
 * @property longestRun the most evaluations per dimension any of the runs used, where the curve's last level ends
 */
data class SuiteEcdf(val slice: String, val group: String, val ecdf: RuntimeEcdf, val longestRun: Double) {
    companion object {
        /** The group name of an ECDF over all functions of a slice. */
        const val ALL = "all functions"
    }
}

/**
 * The statistics of a suite study: per slice (dimension), the aRT rows of every (function, optimizer) and every
 * (group, optimizer), and the runtime ECDFs of every (group, optimizer) and of all functions.
 *
 * A group's aRT pools its functions' runs: the evaluations of all of them over all of their successes, the
 * evaluations a success costs on the group. A function no run solves adds its evaluations and no success, so the
 * pooled aRT stays finite while any function of the group is solved; [TargetCell.functionsReached] says how many.
 */
data class SuiteSummary(val slices: List<String>, val functionRows: List<SuiteRow>, val groupRows: List<SuiteRow>,
                        val ecdfs: List<SuiteEcdf>) {
    companion object {
        /**
         * The summary of [results] (every run of a suite study, traces not needed) on [problems], for [optimizers]
         * (labels, in the order of the tables), in the order of [groups]. Each cell's simulated restarts draw from a
         * generator seeded by [seed] and the cell's slice, function, optimizer and target, so the summary is the
         * same whatever order computed it.
         */
        @JvmStatic
        fun of(problems: List<SuiteProblem>, groups: List<String>, optimizers: List<String>, results: List<RunResult>,
               seed: Long): SuiteSummary {
            val problemOf = problems.associateBy { it.spec }
            val runsOf = results.filter { it.spec.landscapeLabel in problemOf }
                .groupBy { problemOf.getValue(it.spec.landscapeLabel).function to it.spec.optimizerLabel }
            val slices = problems.map { it.slice }.distinct()
            val functionRows = ArrayList<SuiteRow>()
            val groupRows = ArrayList<SuiteRow>()
            val ecdfs = ArrayList<SuiteEcdf>()
            for (slice in slices) {
                val inSlice = problems.filter { it.slice == slice }
                val sliceRuns = results.filter { problemOf[it.spec.landscapeLabel]?.slice == slice }
                for (group in groups) {
                    val functions = inSlice.filter { it.group == group }.map { it.function to it.title }.distinct()
                    if (functions.isEmpty()) continue
                    val rows = functions.flatMap { (function, title) ->
                        optimizers.map { optimizer ->
                            val runs = runsOf[function to optimizer].orEmpty().filter { problemOf.getValue(it.spec.landscapeLabel).slice == slice }
                            val cells = SuiteTargets.TABLE.map { t ->
                                val runtimes = Runtimes.of(runs, t)
                                TargetCell(SuiteTargets.COCO[t], runtimes,
                                    Bootstrap.percentiles(runtimes, StableHash.of(seed, "simulated restarts", slice, function, optimizer, t)),
                                    if (runtimes.successCount > 0) 1 else 0)
                            }
                            SuiteRow(slice, group, function, title, optimizer, 1, cells, Runtimes.of(runs, SuiteTargets.COCO.size - 1))
                        }
                    }
                    functionRows += rows
                    for (optimizer in optimizers) {
                        val own = rows.filter { it.optimizer == optimizer }
                        val cells = SuiteTargets.TABLE.indices.map { c ->
                            TargetCell(SuiteTargets.COCO[SuiteTargets.TABLE[c]], Runtimes.pooled(own.map { it.cells[c].runtimes }),
                                null, own.sumOf { it.cells[c].functionsReached })
                        }
                        groupRows += SuiteRow(slice, group, null, group, optimizer, own.size, cells, Runtimes.pooled(own.map { it.finest }))
                    }
                    val groupSpecs = inSlice.filter { it.group == group }.map { it.spec }.toSet()
                    ecdfs += ecdfsOf(slice, group, optimizers, sliceRuns.filter { it.spec.landscapeLabel in groupSpecs }, problemOf)
                }
                ecdfs += ecdfsOf(slice, SuiteEcdf.ALL, optimizers, sliceRuns, problemOf)
            }
            return SuiteSummary(slices, functionRows, groupRows, ecdfs)
        }

        /** One ECDF per optimizer over the (run, target) pairs of [runs], in evaluations per dimension. */
        private fun ecdfsOf(slice: String, group: String, optimizers: List<String>, runs: List<RunResult>,
                            problemOf: Map<String, SuiteProblem>): List<SuiteEcdf> = optimizers.map { optimizer ->
            val own = runs.filter { it.spec.optimizerLabel == optimizer }
            val perDimension = own.flatMap { r ->
                val dimension = problemOf.getValue(r.spec.landscapeLabel).dimension.toDouble()
                r.hitEvaluations.filter { it >= 0 }.map { it / dimension }
            }
            val pairs = own.sumOf { it.hitEvaluations.size }
            val longestRun = own.maxOfOrNull { it.evaluations / problemOf.getValue(it.spec.landscapeLabel).dimension.toDouble() } ?: 0.0
            SuiteEcdf(slice, group, RuntimeEcdf.of(optimizer, perDimension.toDoubleArray(), pairs), longestRun)
        }
    }
}
