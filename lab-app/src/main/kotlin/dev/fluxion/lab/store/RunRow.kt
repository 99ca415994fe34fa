package dev.fluxion.lab.store

import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.Trace
import dev.fluxion.lab.study.StartPlan
import java.nio.file.Path

/**
 * One stored run as a typed row: what a [ResultStore] holds of it, read without rebuilding its study (so without
 * the optimizers' and landscapes' registries, plugins or not), for any store and any kind of study. It is a Kotlin
 * data class and, on the JVM, a Java record: Java reads `row.optimizer()`, Kotlin `row.optimizer`.
 *
 * ```kotlin
 * val rows = RunRow.read(Path.of("results/compare.sqlite"))
 * rows.filter { it.optimizer == "adam" }.map { it.finalGap }
 * ```
 *
 * @property key the run's key ([RunSpec.key])
 * @property optimizer the optimizer as the study named it (its label)
 * @property landscape the landscape as the study named it
 * @property startIndex the run's start, by its index in the study's [StartPlan]
 * @property seedIndex the run's seed, by its index (0 to seeds - 1)
 * @property seed the run's own seed ([RunSpec.seed])
 * @property outcome how it ended: `reached`, `diverged`, `stalled`, `budget`, `failed` or `timeout` ([Outcome.kind])
 * @property outcomeStep the step at which it ended
 * @property cause why it diverged, failed or timed out ("" otherwise)
 * @property steps the steps taken
 * @property evaluations the evaluations used, in the cost model of [RunResult.evaluations]
 * @property finalValue f at the last point
 * @property finalGap f - f* at the last point (NaN when f* is unknown)
 * @property finalPoint the last point
 * @property targets the targets of the study's budget, coarsest first (empty when the store's study record cannot
 *   be read)
 * @property hitSteps for each target, the steps taken before f - f* first fell to it, or -1
 * @property hitEvaluations likewise in evaluations, or -1
 * @property trace the kept steps of the run ([Trace]; its columns are arrays), or [Trace.EMPTY] when read without
 *   traces or when the study kept none
 */
@JvmRecord
data class RunRow(
    val key: String,
    val optimizer: String,
    val landscape: String,
    val startIndex: Int,
    val seedIndex: Int,
    val seed: Long,
    val outcome: String,
    val outcomeStep: Long,
    val cause: String,
    val steps: Long,
    val evaluations: Long,
    val finalValue: Double,
    val finalGap: Double,
    val finalPoint: List<Double>,
    val targets: List<Double>,
    val hitSteps: List<Long>,
    val hitEvaluations: List<Long>,
    val trace: Trace,
) {
    companion object {
        /**
         * Every run stored in [store], ordered by key, with their traces when [withTraces] (a trace is most of a
         * run's bytes: leave them out for tables over many runs).
         *
         * @throws LabException when the store is damaged, naming the run and the column
         */
        @JvmStatic
        @JvmOverloads
        fun read(store: ResultStore, withTraces: Boolean = true): List<RunRow> =
            ArrayList<RunRow>().also { rows -> store.forEachRow(withTraces) { rows.add(it) } }

        /**
         * Every run stored in the store at [path], opened read-only (nothing is written to it), as [read] gives them.
         *
         * @throws LabException when there is no store at [path], or it is not one
         */
        @JvmStatic
        @JvmOverloads
        fun read(path: Path, withTraces: Boolean = true): List<RunRow> =
            ResultStore.openReadOnly(path).use { read(it, withTraces) }
    }
}
