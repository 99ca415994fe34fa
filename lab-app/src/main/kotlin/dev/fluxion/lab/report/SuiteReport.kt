package dev.fluxion.lab.report

import dev.fluxion.optimizers.Evaluations
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.suite.Bootstrap
import dev.fluxion.lab.suite.SuiteEcdf
import dev.fluxion.lab.suite.SuiteRow
import dev.fluxion.lab.suite.SuiteStudy
import dev.fluxion.lab.suite.SuiteSummary
import dev.fluxion.lab.suite.SuiteTargets
import dev.fluxion.lab.suite.TargetCell

/**
 * The report of a suite study ([SuiteStudy]), in COCO's manner: for each slice (a dimension of bbob; mgh's sizes
 * together), a table per function group and a table per function of aRT at COCO's table targets, each function's
 * cell with the 10th and 90th percentiles of simulated restarts ([Bootstrap]), the successes at 1e-8, and the
 * runtime ECDFs per group over evaluations per dimension. It reads the runs' summaries only: no traces.
 */
object SuiteReport {

    /** The console table and the page of [study] from [results], every run of it. */
    @JvmStatic
    fun of(study: SuiteStudy, results: List<RunResult>, engine: Engine): StudyReport {
        val expansion = study.expansion(engine)
        val summary = SuiteSummary.of(expansion.problems, study.suite.groups(), study.optimizers, results, study.seed)
        return StudyReport(console(summary), html(study, summary, expansion.problems.size, expansion.leftOut, results.size))
    }

    /**
     * Per slice, group and optimizer: aRT at each table target and the successes at 1e-8; then per optimizer and
     * slice, the share of (run, target) pairs reached within the budget over all functions.
     */
    fun console(summary: SuiteSummary): String {
        val header = listOf("slice", "group", "optimizer") + SuiteTargets.TABLE.map { "aRT ${ConsoleTable.target(SuiteTargets.COCO[it])}" } +
            "success 1e-8"
        val rows = summary.groupRows.map { row ->
            listOf(row.slice, row.group, row.optimizer) + row.cells.map { ConsoleTable.g(it.averageRunningTime) } +
                "${row.finest.successCount}/${row.finest.runs}"
        }
        return ConsoleTable.render(header, rows) + ConsoleTable.costModel() + "\nShare of (run, target) pairs reached within the budget, all functions:\n" +
            reachedTable(summary)
    }

    /**
     * Per optimizer, and slice: the share of (run, target) pairs its runs reached within their budget over every
     * function of the slice, the last level of its runtime ECDF.
     */
    private fun reachedTable(summary: SuiteSummary): String {
        val all = summary.ecdfs.filter { it.group == SuiteEcdf.ALL }
        val optimizers = all.map { it.ecdf.optimizer }.distinct()
        return ConsoleTable.render(listOf("optimizer") + summary.slices, optimizers.map { o ->
            listOf(o) + summary.slices.map { slice ->
                val ecdf = all.first { it.slice == slice && it.ecdf.optimizer == o }.ecdf
                "%.3f".format(java.util.Locale.ROOT, ecdf.shares.lastOrNull() ?: 0.0)
            }
        })
    }

    private fun html(study: SuiteStudy, summary: SuiteSummary, landscapes: Int, leftOut: List<String>, runs: Int): String {
        val html = StringBuilder(HtmlReport.head("Fluxion: ${study.name}"))
        html.append("<h1>Fluxion suite study: ${Html.escape(study.name)}</h1>\n<p>")
        html.append("Suite <code>${Html.escape(study.suite.toString())}</code>: $landscapes landscapes. ")
        html.append("Optimizers: ${study.optimizers.joinToString(", ") { "<code>${Html.escape(it)}</code>" }}.<br>")
        html.append("Starts <code>${Html.escape(study.starts.text)}</code> per landscape, ${study.seeds} seed(s), study seed " +
            "${study.seed}, budget ${study.budget.maxSteps} steps; $runs runs.</p>\n")
        if (leftOut.isNotEmpty()) {
            html.append("<p>Left out (no stated minimum to set targets by, or a start its provider refuses):</p><ul>")
            leftOut.forEach { html.append("<li>${Html.escape(it)}</li>") }
            html.append("</ul>\n")
        }
        html.append("<p>Targets are relative to each landscape's f* (bbob's f_opt, mgh's published minimum): a run " +
            "reaches &delta; when f - f* &le; &delta;, for COCO's 51 targets &delta; = 10^(2 - k/5), k = 0..50 (100 down " +
            "to 1e-8). aRT (COCO's average running time) is the evaluations of all runs, each successful run counted to " +
            "its hit and each unsuccessful one whole, over the number of successful runs; &infin; without one. The " +
            "brackets hold the 10th and 90th percentiles of ${Bootstrap.SAMPLES} simulated restarts (runs drawn with " +
            "replacement, unsuccessful ones added up until a successful one ends the sum), the dispersion COCO's tables " +
            "print; seeded by the study seed, so the page is reproducible. A group's aRT pools its functions' runs " +
            "(evaluations per success over the group); beside it, the number of functions with a run reaching the " +
            "target. ECDFs count (run, target) pairs reached against evaluations divided by the dimension.</p>\n")
        html.append("<p>Cost model: ${Html.escape(Evaluations.COST_MODEL)}</p>\n")
        for (slice in summary.slices) {
            html.append("<h2>${Html.escape(slice)}</h2>\n<h3>Function groups</h3>\n")
            html.append(table(summary.groupRows.filter { it.slice == slice }, grouped = true))
            html.append("<div class=\"plots\">\n")
            for (ecdf in summary.ecdfs.filter { it.slice == slice }.groupBy { it.group }) html.append(figure(slice, ecdf.key, ecdf.value))
            html.append("</div>\n<h3>Functions</h3>\n")
            html.append(table(summary.functionRows.filter { it.slice == slice }, grouped = false))
        }
        html.append(HtmlReport.FOOT)
        return html.toString()
    }

    private fun table(rows: List<SuiteRow>, grouped: Boolean): String {
        val html = StringBuilder("<table><tr><th>${if (grouped) "group" else "function"}</th><th>optimizer</th>")
        SuiteTargets.TABLE.forEach { html.append("<th>aRT ${ConsoleTable.target(SuiteTargets.COCO[it])}</th>") }
        html.append("<th>#succ 1e-8</th></tr>\n")
        for (row in rows) {
            val name = if (grouped) "${row.group} (${row.functions} function${if (row.functions == 1) "" else "s"})"
            else "${row.function} ${row.title}"
            html.append("<tr><td>${Html.escape(name)}</td><td>${Html.escape(row.optimizer)}</td>")
            row.cells.forEach { html.append("<td>${cell(it, grouped, row.functions)}</td>") }
            html.append("<td>${row.finest.successCount}/${row.finest.runs}</td></tr>\n")
        }
        return html.append("</table>\n").toString()
    }

    private fun cell(cell: TargetCell, grouped: Boolean, functions: Int): String {
        val art = ConsoleTable.g(cell.averageRunningTime)
        if (grouped) return "$art (${cell.functionsReached}/$functions)"
        val p = cell.percentiles ?: return art
        return "$art [${ConsoleTable.g(p.p10)}, ${ConsoleTable.g(p.p90)}]"
    }

    private fun figure(slice: String, group: String, ecdfs: List<SuiteEcdf>): String {
        if (ecdfs.all { it.ecdf.budgets.isEmpty() }) {
            return "<p>${Html.escape("$slice, $group")}: no run reached any target.</p>\n"
        }
        val title = "$slice, $group: ECDF of runtimes"
        return Figure.html(title) {
            LetsPlotFigures.lines(title, "evaluations / dimension", "share of (run, target) pairs reached",
                ecdfs.map { e ->
                    // the last level goes on to the longest run's budget, so a curve that stops rising is seen to
                    val end = e.ecdf.budgets.isNotEmpty() && e.longestRun > e.ecdf.budgets.last()
                    val x = if (end) e.ecdf.budgets + e.longestRun else e.ecdf.budgets
                    val y = if (end) e.ecdf.shares + e.ecdf.shares.last() else e.ecdf.shares
                    Series(e.ecdf.optimizer, x.toDoubleArray(), y.toDoubleArray(), stepped = true)
                },
                logX = true, logY = false, yRange = 0.0 to 1.0)
        }
    }
}
