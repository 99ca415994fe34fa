package dev.fluxion.lab.report

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.tune.ScoredTrial
import dev.fluxion.lab.tune.Search
import dev.fluxion.lab.tune.SuiteTuneStudy
import dev.fluxion.lab.tune.Tuning

/**
 * The report of a tuned suite study ([SuiteTuneStudy]), from its store: the tuning budget spent (runs and
 * evaluations), the tuned setting of each optimizer per function group and dimension with its score (the share of
 * (run, target) pairs reached on the tuning instances), the sensitivity plot of each group (that share against the
 * first tuned hyperparameter, `lr` when it is tuned, from the first rung's runs), then the suite comparison at the
 * tuned settings with the sections of [SuiteReport] (aRT tables and ECDFs per group).
 */
object SuiteTuneReport {

    /** The report of [study], every run of which [store] holds. */
    @JvmStatic
    fun of(study: SuiteTuneStudy, store: ResultStore, engine: Engine): StudyReport {
        val results = { specs: List<RunSpec> -> store.summaries(specs) }
        val tuning = study.tuning(engine)
        val rungs = tuning.rungs
        val scored = rungs.indices.map { tuning.scored(it, engine, results) }
        val tuned = tuning.tuned(engine, results)
        val tuningRuns = store.summaries(scored.flatten().flatMap { it.trial.runs }.distinctBy { it.key })
        val evaluations = tuningRuns.sumOf { it.evaluations }
        val comparison = SuiteReport.of(study.comparison(engine), store.summaries(study.evaluationRuns(engine, tuned)), engine)

        val notes = tuning.notes(engine)
        val table = tunedTable(tuning, tuned)
        val budgetText = "The tuning spent ${tuningRuns.size} runs and $evaluations evaluations on ${study.tuningSuite} (" +
            rungs.joinToString("; ") { "rung ${it.index}: ${it.configurations} settings x ${it.steps} steps" } + ")."
        val console = notes.joinToString("") { "note: $it\n" } +
            "Tuned settings (${study.search.text} search over ${study.space.texts.joinToString(", ")}), per dimension and group:\n" +
            table + budgetText + "\n\nThe suite comparison at the tuned settings:\n" + comparison.console

        val html = StringBuilder("<h2>Tuning</h2>\n<p>")
        html.append("${Html.escape(study.search.text)} search over ${study.space.texts.joinToString(", ") { "<code>${Html.escape(it)}</code>" }}: ")
        html.append("${tuning.settings.size} settings, the same for every optimizer")
        if (study.search == Search.HALVING) html.append(", in ${rungs.size} rungs of successive halving (eta ${study.eta})")
        html.append(". Each optimizer is tuned per function group and dimension, on the tuning instances " +
            "<code>${Html.escape(study.tuningSuite.toString())}</code>, which the comparison below does not evaluate " +
            "(it runs <code>${Html.escape(study.suite.toString())}</code>), from the tuning starts " +
            "<code>${Html.escape(study.tuningStarts.text)}</code> with the tuning seed ${study.tuningSeed} (the comparison " +
            "uses the study seed ${study.seed}). The score of a setting is the share of (run, target) pairs it reaches " +
            "within the budget, over the group's functions, the tuning instances and starts and COCO's 51 targets; ties " +
            "go to the fewer mean evaluations per pair (a missed target counting its run's whole evaluations, at least its " +
            "step budget), then to " +
            "the setting tried first. ")
        html.append(Html.escape(budgetText)).append("</p>\n")
        if (notes.isNotEmpty()) html.append("<p>${notes.joinToString("; ") { Html.escape(it) }}.</p>\n")
        html.append("<h3>Tuned settings</h3>\n<pre>").append(Html.escape(table)).append("</pre>\n")
        val x = study.space.parameters.first().name
        html.append("<h3>Sensitivity</h3>\n<p>The share of (run, target) pairs reached after ${rungs[0].steps} steps by " +
            "each setting the first rung tried, against $x, per group and dimension.</p>\n<div class=\"plots\">\n")
        for ((g, unit) in tuning.units.withIndex()) {
            val title = "Sensitivity to $x: ${unit.title}"
            val series = SensitivitySeries.of(study.optimizers, scored[0], g, x, study.space.parameters.size == 1) { 1 - it }
            if (series.isEmpty()) continue
            html.append(Figure.html(title) {
                LetsPlotFigures.lines(title, x, "share of (run, target) pairs reached", series, logX = true, logY = false,
                    yRange = 0.0 to 1.0)
            })
        }
        html.append("</div>\n<h2>Suite comparison at the tuned settings</h2>\n")
        val page = comparison.html
        val h1 = Regex("<h1>[^\n]*</h1>\n").find(page)
        val whole = if (h1 == null) page else page.substring(0, h1.range.first) +
            "<h1>Fluxion tuned suite study: ${Html.escape(study.name)}</h1>\n" + html + page.substring(h1.range.last + 1)
        return StudyReport(console, whole)
    }

    /** Per dimension and group, and optimizer: the tuned setting, the share of targets it reached, its mean evaluations. */
    private fun tunedTable(tuning: Tuning, tuned: List<ScoredTrial>): String =
        ConsoleTable.render(listOf("dimension, group", "optimizer", "setting", "targets reached", "evaluations per pair"),
            tuned.map {
                listOf(tuning.units[it.trial.group].title, it.trial.optimizer,
                    if (it.trial.untuned) TuneReport.UNTUNED else it.trial.configuration.text,
                    if (it.trial.untuned) "-" else "%.3f".format(java.util.Locale.ROOT, 1 - it.score),
                    if (it.trial.untuned) "-" else ConsoleTable.g(it.tieBreak))
            })
}
