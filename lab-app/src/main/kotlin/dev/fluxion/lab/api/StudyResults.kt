package dev.fluxion.lab.api

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.store.OutputFile
import dev.fluxion.lab.stats.PairSummary
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.LabException
import dev.fluxion.lab.study.RateRow
import dev.fluxion.lab.study.RatesStudy
import dev.fluxion.lab.report.HtmlReport
import dev.fluxion.lab.report.StudyReport
import java.nio.file.Path

/**
 * What a study built with a [StudyBuilder] gives back: every run with its trace ([runs], in the study's order),
 * one [PairSummary] per optimizer and landscape ([summaries]), the console table the `fluxion` command prints
 * ([table]), and [report], which writes the files the command writes.
 *
 * @property store the SQLite file holding the study
 */
class StudyResults internal constructor(
    val study: Study,
    val runs: List<RunResult>,
    val store: Path,
    private val engine: Engine,
) {
    /** One summary per (optimizer, landscape) pair, in the order the pairs first appear in [runs]. */
    val summaries: List<PairSummary> by lazy { PairSummary.of(runs) }

    /**
     * Of a rates study ([Rates]), one row per run in the order of [runs] (rule by rule, kappa by kappa): the rate
     * fitted on the run's trace beside the theory's, and the steps to the study's target beside the prediction, as
     * [RatesStudy.analyse] gives them and `fluxion rates` prints them.
     *
     * @throws LabException when the study is not a rates study
     */
    fun rateRows(): List<RateRow> {
        val rates = study as? RatesStudy ?: throw LabException("rate rows of study '${study.name}': it is not a rates study")
        return rates.analyse(runs, engine)
    }

    /** The console table and the HTML page, made from the store as `fluxion report` makes them. */
    private val rendered: StudyReport by lazy { ResultStore.open(store).use { StudyReport.of(study, it, engine) } }

    /** The table the `fluxion` command prints for the study. */
    val table: String get() = rendered.console

    /**
     * Writes `NAME.csv` (every run's summary), `NAME.html` and its plots as PNG beside it into [folder], as the
     * `fluxion` command does, and returns the files written: the CSV, the page, then the PNGs.
     */
    fun report(folder: Path): List<Path> {
        OutputFile.checkFolder(folder)
        val csv = folder.resolve("${study.name}.csv")
        val page = folder.resolve("${study.name}.html")
        OutputFile.check(csv, store)
        OutputFile.check(page, store)
        ResultStore.open(store).use { results -> OutputFile.writeText(csv) { results.writeCsv(it) } }
        val plots = HtmlReport.write(page, rendered.html)
        return listOf(csv, page) + plots
    }

    override fun toString(): String = "${study.name}: ${runs.size} runs in $store"
}
