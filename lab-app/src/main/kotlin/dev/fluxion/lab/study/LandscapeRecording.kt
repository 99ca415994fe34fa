package dev.fluxion.lab.study

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.report.Figures
import dev.fluxion.lab.report.HtmlReport
import dev.fluxion.lab.store.LandscapeRecord
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.suite.SuiteStudy
import dev.fluxion.lab.tune.SuiteTuneStudy
import dev.fluxion.lab.tune.TuneStudy
import dev.fluxion.landscapes.LandscapeRegistry

/**
 * Records in [store] what a report needs of each landscape of [study] given by code or by a plugin
 * ([LandscapeRecord]), so that `fluxion report` rebuilds the study's plan, table and page from the store alone,
 * without the script that gave the code or the plugin's jar: the landscape's facts, and for a two-dimensional one whose runs a comparison draws (start 0, seed 0: see
 * [HtmlReport.plotted]), its values on the contour grid of those runs ([Figures.contourGrid]), sampled with its code
 * now. A landscape the class path's own providers make is not recorded (a report makes it again), nor one recorded
 * already (by an earlier computation of the study: the spec of one given by code holds its code's hash). Each
 * record is stored under the label the study names its landscape by. [Studies.compute] calls this once every run
 * of the study is stored.
 */
internal fun recordLandscapes(study: Study, store: ResultStore, engine: Engine) =
    recordLandscapes(study, store, engine, store::load, store::summaries)

/**
 * [recordLandscapes] into [records] for a study whose runs are kept elsewhere (a dataset's files: see
 * [dev.fluxion.lab.store.ResultDataset.record]), read by [load] with their traces (the few runs a contour figure
 * draws) and by [summaries] without (a tune study's search, from which its tuned runs are planned).
 */
internal fun recordLandscapes(study: Study, records: ResultStore, engine: Engine, load: (List<RunSpec>) -> List<RunResult>,
                              summaries: (List<RunSpec>) -> List<RunResult>) {
    if (study is SuiteStudy || study is SuiteTuneStudy) return // a suite's landscapes are the registries'
    val labels = when (study) {
        is CompareStudy -> study.landscapes
        is TuneStudy -> study.landscapes
        else -> study.runs(engine).map { it.landscapeLabel }.distinct()
    }
    val classPath by lazy { LandscapeRegistry.load(LandscapeRegistry::class.java.classLoader) }
    val unmade = labels.distinct().filter { label ->
        engine.extensions.landscape(engine.landscape(label).spec()) != null || try {
            classPath.create(label)
            false
        } catch (e: RuntimeException) {
            true // a plugin's
        }
    }
    if (unmade.isEmpty()) return
    val recorded = records.landscapeRecords()
    val drawn: List<RunSpec> by lazy {
        when (study) {
            is CompareStudy -> study.runs(engine).filter { HtmlReport.plotted(it) }
            is TuneStudy -> study.evaluationRuns(engine, study.tuned(engine, summaries)).filter { HtmlReport.plotted(it) }
            else -> emptyList()
        }
    }
    for (label in unmade) {
        if (label in recorded) continue
        val landscape = engine.landscape(label)
        val runs = if (landscape.dimension() == 2) {
            load(drawn.filter { it.landscapeLabel == label }).filter { it.trace.size > 0 && it.trace.hasPositions }
        } else {
            emptyList()
        }
        val record = if (runs.isEmpty()) {
            LandscapeRecord(landscape.facts(), landscape.variables())
        } else {
            val grid = Figures.contourGrid(landscape, runs)
            LandscapeRecord(landscape.facts(), landscape.variables(), grid, grid.sample { x, y -> landscape.value(doubleArrayOf(x, y)) })
        }
        records.putLandscapeRecord(label, record)
    }
}
