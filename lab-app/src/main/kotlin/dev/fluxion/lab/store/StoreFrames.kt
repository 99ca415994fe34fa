package dev.fluxion.lab.store

import org.jetbrains.kotlinx.dataframe.AnyFrame
import org.jetbrains.kotlinx.dataframe.api.dataFrameOf
import org.jetbrains.kotlinx.dataframe.api.toColumn
import java.nio.file.Path

/**
 * A store's runs as Kotlin DataFrames (`org.jetbrains.kotlinx:dataframe`), the table of Kotlin's data-science
 * stack: [runs] one row per run, [traces] one row per kept step of every run. The columns are named as the
 * properties of [RunRow], from which both are made:
 *
 * ```kotlin
 * val runs = StoreFrames.runs(Path.of("results/compare.sqlite"))
 * runs.groupBy("optimizer", "landscape").aggregate { median("finalGap") into "median final gap" }
 * ```
 */
object StoreFrames {

    /**
     * One row per run of [rows], in their order, with the columns `key`, `optimizer`, `landscape`, `startIndex`,
     * `seedIndex`, `seed`, `outcome`, `outcomeStep`, `cause`, `steps`, `evaluations`, `finalValue`, `finalGap`, and
     * the lists `finalPoint`, `targets`, `hitSteps` and `hitEvaluations`; when some row has a trace, its columns as
     * lists too: `traceSteps`, `traceLoss`, `traceGradientNorm`, `traceStepLength` (empty lists for runs without).
     */
    @JvmStatic
    fun runs(rows: List<RunRow>): AnyFrame {
        val columns = mutableListOf(
            rows.map { it.key }.toColumn("key"),
            rows.map { it.optimizer }.toColumn("optimizer"),
            rows.map { it.landscape }.toColumn("landscape"),
            rows.map { it.startIndex }.toColumn("startIndex"),
            rows.map { it.seedIndex }.toColumn("seedIndex"),
            rows.map { it.seed }.toColumn("seed"),
            rows.map { it.outcome }.toColumn("outcome"),
            rows.map { it.outcomeStep }.toColumn("outcomeStep"),
            rows.map { it.cause }.toColumn("cause"),
            rows.map { it.steps }.toColumn("steps"),
            rows.map { it.evaluations }.toColumn("evaluations"),
            rows.map { it.finalValue }.toColumn("finalValue"),
            rows.map { it.finalGap }.toColumn("finalGap"),
            rows.map { it.finalPoint }.toColumn("finalPoint"),
            rows.map { it.targets }.toColumn("targets"),
            rows.map { it.hitSteps }.toColumn("hitSteps"),
            rows.map { it.hitEvaluations }.toColumn("hitEvaluations"),
        )
        if (rows.any { it.trace.size > 0 }) {
            columns += rows.map { it.trace.steps.toList() }.toColumn("traceSteps")
            columns += rows.map { it.trace.loss.toList() }.toColumn("traceLoss")
            columns += rows.map { it.trace.gradientNorm.toList() }.toColumn("traceGradientNorm")
            columns += rows.map { it.trace.stepLength.toList() }.toColumn("traceStepLength")
        }
        return dataFrameOf(columns)
    }

    /** [runs] of every run in [store], without their traces. */
    @JvmStatic
    fun runs(store: ResultStore): AnyFrame = runs(RunRow.read(store, withTraces = false))

    /** [runs] of every run in the store at [path] (opened read-only), without their traces. */
    @JvmStatic
    fun runs(path: Path): AnyFrame = runs(RunRow.read(path, withTraces = false))

    /**
     * One row per kept step of each of [rows] (long format, for plotting and grouping by step): the run's `key`,
     * `optimizer`, `landscape`, `startIndex` and `seedIndex`, then `step`, `loss`, `gradientNorm`, `stepLength`,
     * and `x` and `y`, the position, for two-dimensional landscapes (null otherwise). Rows without a trace add none.
     */
    @JvmStatic
    fun traces(rows: List<RunRow>): AnyFrame {
        val points = rows.flatMap { row -> List(row.trace.size) { row to it } }
        fun position(row: RunRow, i: Int, axis: Int): Double? = if (row.trace.hasPositions) row.trace.positions[2 * i + axis] else null
        return dataFrameOf(listOf(
            points.map { (row, _) -> row.key }.toColumn("key"),
            points.map { (row, _) -> row.optimizer }.toColumn("optimizer"),
            points.map { (row, _) -> row.landscape }.toColumn("landscape"),
            points.map { (row, _) -> row.startIndex }.toColumn("startIndex"),
            points.map { (row, _) -> row.seedIndex }.toColumn("seedIndex"),
            points.map { (row, i) -> row.trace.steps[i] }.toColumn("step"),
            points.map { (row, i) -> row.trace.loss[i] }.toColumn("loss"),
            points.map { (row, i) -> row.trace.gradientNorm[i] }.toColumn("gradientNorm"),
            points.map { (row, i) -> row.trace.stepLength[i] }.toColumn("stepLength"),
            points.map { (row, i) -> position(row, i, 0) }.toColumn("x"),
            points.map { (row, i) -> position(row, i, 1) }.toColumn("y"),
        ))
    }

    /** [traces] of every run in [store]. */
    @JvmStatic
    fun traces(store: ResultStore): AnyFrame = traces(RunRow.read(store, withTraces = true))

    /** [traces] of every run in the store at [path] (opened read-only). */
    @JvmStatic
    fun traces(path: Path): AnyFrame = traces(RunRow.read(path, withTraces = true))
}
