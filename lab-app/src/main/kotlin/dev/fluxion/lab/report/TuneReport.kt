package dev.fluxion.lab.report

import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.stats.PairSummary
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.tune.ScoredTrial
import dev.fluxion.lab.tune.Search
import dev.fluxion.lab.tune.TuneStudy

/**
 * The report of a tune study, from its store: the tuning budget spent (runs and evaluations), the tuned setting of
 * each optimizer (a table), the sensitivity plot of each tuning unit (the score, the mean final gap over the tuning
 * starts, against the first tuned hyperparameter, `lr` when it is tuned, on log-log axes, from the first rung's
 * runs), then the comparison at the tuned settings with the sections of [HtmlReport].
 */
object TuneReport {

    /** The report of [study], every run of which [store] holds. */
    @JvmStatic
    fun of(study: TuneStudy, store: ResultStore, engine: Engine): StudyReport {
        val results = { specs: List<RunSpec> -> store.summaries(specs) }
        val rungs = study.rungs
        val scored = rungs.indices.map { study.scored(it, engine, results) }
        val tuned = study.tuned(engine, results)
        val tuningRuns = store.summaries(scored.flatten().flatMap { it.trial.runs }.distinctBy { it.key })
        val evaluations = tuningRuns.sumOf { it.evaluations }
        val runs = study.evaluationRuns(engine, tuned)
        val summaries = store.summaries(runs)
        val plotted = store.load(runs.filter { HtmlReport.plotted(it) })
        val comparison = CompareStudy(study.optimizers, study.landscapes, study.starts, study.seeds, study.budget,
            study.seed, study.name, study.traces)

        val table = tunedTable(study, tuned)
        val budgetText = "The tuning spent ${tuningRuns.size} runs and $evaluations evaluations (" +
            rungs.joinToString("; ") { "rung ${it.index}: ${it.configurations} settings x ${it.steps} steps" } + ")."
        val notes = study.tuning.notes(engine)
        val console = notes.joinToString("") { "note: $it\n" } + "Tuned settings (${study.search.text} search over ${study.space.texts.joinToString(", ")}):\n" +
            table + budgetText + "\n\nThe comparison at the tuned settings:\n" + ConsoleTable.comparison(PairSummary.of(summaries))

        val tuning = StringBuilder()
        tuning.append("<h2>Tuning</h2>\n<p>")
        tuning.append("${Html.escape(study.search.text)} search over ${study.space.texts.joinToString(", ") { "<code>${Html.escape(it)}</code>" }}: ")
        tuning.append("${study.settings.size} settings, the same for every optimizer")
        if (study.search == Search.HALVING) tuning.append(", in ${rungs.size} rungs of successive halving (eta ${study.eta})")
        tuning.append(". Each setting is scored on ${if (study.groups.size == 1 && study.landscapes.size > 1) "all the landscapes together" else "each landscape alone"} ")
        tuning.append("from the tuning starts <code>${Html.escape(study.tuningStarts.text)}</code>, drawn with the tuning seed ${study.tuningSeed} ")
        tuning.append("(the comparison below uses its own starts and the study seed ${study.seed}). The score is the mean final gap ")
        tuning.append("f(x<sub>T</sub>) - f* over those runs (the final value where f* is unknown); a setting with a diverged run scores +inf. ")
        tuning.append(Html.escape(budgetText)).append("</p>\n")
        if (notes.isNotEmpty()) tuning.append("<p>${notes.joinToString("; ") { Html.escape(it) }}.</p>\n")
        tuning.append("<h3>Tuned settings</h3>\n<pre>").append(Html.escape(table)).append("</pre>\n")
        val x = study.space.parameters.first().name
        val steps = rungs[0].steps
        tuning.append("<h3>Sensitivity</h3>\n<p>The mean final gap after ${rungs[0].steps} steps of each setting the " +
            "first rung tried, against $x (settings scoring +inf, with a diverged run, are left out).</p>\n<div class=\"plots\">\n")
        for ((g, group) in study.groups.withIndex()) {
            val title = "Sensitivity to $x: ${group.joinToString(", ")}"
            val series = SensitivitySeries.of(study.optimizers, scored[0], g, x, study.space.parameters.size == 1) { it }
            if (series.all { s -> s.y.none { it.isFinite() && it > 0 } }) {
                tuning.append("<p>${Html.escape(title)}: no setting ended with a finite positive gap, so there is nothing to draw.</p>\n")
                continue
            }
            tuning.append(Figure.html(title) {
                LetsPlotFigures.lines(title, x, "mean f - f* after $steps steps", series, logX = true, logY = true)
            })
        }
        tuning.append("</div>\n<h2>Comparison at the tuned settings</h2>\n")
        val page = HtmlReport.render(comparison, summaries, plotted, engine)
        val h1 = Regex("<h1>[^\n]*</h1>\n").find(page)
        val html = if (h1 == null) page else page.substring(0, h1.range.first) +
            "<h1>Fluxion tuned comparison: ${Html.escape(study.name)}</h1>\n" + tuning + page.substring(h1.range.last + 1)
        return StudyReport(console, html)
    }

    /** The tuned settings: per optimizer and unit, the setting, its score and the spec the comparison runs. */
    private fun tunedTable(study: TuneStudy, tuned: List<ScoredTrial>): String =
        ConsoleTable.render(listOf("optimizer", "tuned on", "setting", "score (mean final gap)"),
            tuned.sortedWith(compareBy({ it.trial.group }, { study.optimizers.indexOf(it.trial.optimizer) })).map {
                listOf(it.trial.optimizer, study.groups[it.trial.group].joinToString(", "),
                    if (it.trial.untuned) UNTUNED else it.trial.configuration.text, if (it.trial.untuned) "-" else ConsoleTable.g(it.score))
            }) + (if (tuned.any { it.score == Double.POSITIVE_INFINITY }) "(inf: every setting tried had a run that " +
            "diverged or failed; the first setting is kept)\n" else "")

    /** What the tuned-settings tables show for an optimizer that declares none of the tuned hyperparameters. */
    internal const val UNTUNED = "untuned: its declared settings"
}
