package dev.fluxion.lab.report

import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.store.KeyIndex
import dev.fluxion.lab.stats.PairSummary
import dev.fluxion.lab.study.RatesStudy
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.study.ScanStudy
import dev.fluxion.lab.study.Studies
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.stats.SummaryColumns
import dev.fluxion.lab.suite.SuiteStudy

/**
 * The console table and the HTML page of any study, from its runs: what `fluxion compare`, `rates` and `scan`
 * print and write after computing, and what `fluxion report` rebuilds from a store. A scan's bisection runs are
 * looked up in [store], where [Studies.compute] put them (and computed only if missing: a store a scan was
 * interrupted in).
 *
 * @property console the text for the terminal
 * @property html the self-contained page
 */
data class StudyReport(val console: String, val html: String) {
    companion object {
        /**
         * The report of [study] from [store], which holds every run of it. A comparison streams the summaries of
         * its runs from the store into [SummaryColumns] (a few primitives a run, no result object) and reads the
         * traces of the runs it plots ([HtmlReport.plotted]) only, so its memory grows neither with the length of
         * the runs nor by more than about 100 bytes a run with their number; a rates study and a scan, whose runs
         * are few (rules x kappas, grid points), read theirs whole.
         */
        @JvmStatic
        fun of(study: Study, store: ResultStore, engine: Engine): StudyReport {
            if (study is dev.fluxion.lab.tune.TuneStudy) return TuneReport.of(study, store, engine)
            if (study is dev.fluxion.lab.tune.SuiteTuneStudy) return SuiteTuneReport.of(study, store, engine)
            val runs = study.runs(engine)
            if (study is SuiteStudy) return SuiteReport.of(study, store.summaries(runs), engine)
            if (study !is CompareStudy) return of(study, store.load(runs), engine, store)
            // each run's spec made twice: for the index of the plan's keys, and (by position, without hashing) for its
            // summary, where the plotted runs are picked out too
            val columns = SummaryColumns()
            val plottedAt = java.util.TreeMap<Int, RunSpec>()
            store.forEachSummary(runs, KeyIndex.ofRuns(runs)) { position, result ->
                columns.add(position, result)
                if (HtmlReport.plotted(result.spec)) plottedAt[position] = result.spec
            }
            val plotted = store.load(plottedAt.values.toList())
            return StudyReport(ConsoleTable.comparison(columns.summaries()), HtmlReport.render(study, columns, plotted, engine))
        }

        /** The report of [study] with its [results] (in the study's run order). */
        @JvmStatic
        fun of(study: Study, results: List<RunResult>, engine: Engine, store: ResultStore): StudyReport = when (study) {
            is CompareStudy -> StudyReport(ConsoleTable.comparison(PairSummary.of(results)),
                HtmlReport.render(study, results, engine))
            is RatesStudy -> {
                val rows = study.analyse(results, engine)
                StudyReport(ConsoleTable.rates(rows, study.target), RatesReport.render(study, rows, results))
            }
            is ScanStudy -> {
                val outcome = study.analyse(results, engine) { Studies.storedOrRun(it, store, engine) }
                StudyReport(ConsoleTable.scan(outcome), ScanReport.render(study, outcome))
            }
            is SuiteStudy -> SuiteReport.of(study, results, engine)
            else -> StudyReport("(no report for ${study.javaClass.simpleName})\n", HtmlReport.head(study.name) + HtmlReport.FOOT)
        }
    }
}
