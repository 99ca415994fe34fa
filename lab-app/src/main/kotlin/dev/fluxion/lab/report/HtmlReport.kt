package dev.fluxion.lab.report

import dev.fluxion.optimizers.Evaluations
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.store.OutputFile
import dev.fluxion.lab.stats.PairSummary
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.TracePolicy
import dev.fluxion.lab.stats.SummaryColumns
import dev.fluxion.landscapes.Landscape
import java.nio.file.Files
import java.nio.file.Path

/**
 * One self-contained HTML page per study: the spec, the per-pair table for every target, and the plots as inline
 * SVG drawn by Lets-Plot ([LetsPlotFigures]; no scripts, nothing fetched), so it reads offline and is byte-for-byte
 * reproducible: filled contours of each two-dimensional landscape with every optimizer's trajectory, the loss
 * (f - f*) against the step on a log scale for each landscape, the runtime ECDFs and the Dolan-Moré performance
 * profiles.
 *
 * Trajectories and loss curves show each optimizer's run from the first start with the first seed ([plotted]),
 * so the page needs the traces of one run per (optimizer, landscape) pair and only the summaries of the others:
 * a study of 10,000 long runs reports in the memory of a few.
 */
object HtmlReport {

    /** Whether the page plots the trace of the run of [spec]: the first start with the first seed. */
    @JvmStatic
    fun plotted(spec: RunSpec): Boolean = spec.startIndex == 0 && spec.seedIndex == 0

    /** The page for a comparison's results, all with their traces. */
    fun render(study: CompareStudy, results: List<RunResult>, engine: Engine): String =
        render(study, results, results.filter { plotted(it.spec) }, engine)

    /**
     * The page for a comparison: [results] are every run (their traces are not read, so they may be
     * [dev.fluxion.lab.store.ResultStore.summaries]), [plotted] the runs whose traces are drawn, with their traces.
     */
    fun render(study: CompareStudy, results: List<RunResult>, plotted: List<RunResult>, engine: Engine): String =
        render(study, SummaryColumns.of(results), plotted, engine)

    /**
     * The page for a comparison: [columns] hold the summaries of every run (filled from the store row by row, so a
     * study of a million runs reports in a small heap), [plotted] the runs whose traces are drawn, with their traces.
     */
    fun render(study: CompareStudy, columns: SummaryColumns, plotted: List<RunResult>, engine: Engine): String {
        val summaries = columns.summaries()
        val html = StringBuilder(head("Fluxion: ${study.name}"))
        html.append("<h1>Fluxion comparison: ${Html.escape(study.name)}</h1>\n<p>")
        html.append("Optimizers: ${study.optimizers.joinToString(", ") { "<code>${Html.escape(it)}</code>" }}<br>")
        html.append("Landscapes: ${study.landscapes.joinToString(", ") { "<code>${Html.escape(it)}</code>" }}<br>")
        html.append("Starts <code>${Html.escape(study.starts.text)}</code>, ${study.seeds} seed(s), study seed ${study.seed}, ")
        html.append("budget ${study.budget.maxSteps} steps, targets f - f* &le; ${study.budget.targets.joinToString(", ") { ConsoleTable.g(it) }}; ")
        html.append("${columns.runs} runs.</p>\n")
        html.append("<p>Cost model: ${Html.escape(Evaluations.COST_MODEL)}</p>\n")

        html.append("<h2>Summary</h2>\n<pre>").append(Html.escape(ConsoleTable.comparison(summaries))).append("</pre>\n")
        html.append("<h2>Success rate and aRT (evaluations) per target</h2>\n")
        html.append(targetTable(summaries))

        html.append("<h2>Landscapes</h2>\n")
        if (study.traces == TracePolicy.NONE) {
            html.append("<p>This study kept no traces (<code>--traces none</code>), so there are no trajectories or loss " +
                "curves; the tables and the runtime distributions come from the runs' summaries.</p>\n")
        }
        val perPair = summaries.maxOfOrNull { it.runs } ?: 0
        if (perPair > 1 && study.traces != TracePolicy.NONE) {
            html.append("<p>Trajectories and loss curves are a sample: one run per pair (start 0, seed 0) of up to " +
                "$perPair; the tables and the runtime distributions count every run.</p>\n")
        }
        for (label in study.landscapes) {
            val runs = plotted.filter { it.spec.landscapeLabel == label }
            if (runs.isEmpty()) continue
            val landscape = engine.landscape(runs.first().spec.landscapeSpec)
            html.append("<h3><code>${Html.escape(landscape.spec())}</code></h3>\n<p>${Html.escape(landscape.facts().description())}</p>\n")
            // a run that failed or timed out before its first step has no trace to draw
            val drawn = runs.filter { it.trace.size > 0 }
            if (drawn.isNotEmpty()) {
                html.append("<div class=\"plots\">\n")
                if (landscape.dimension() == 2) html.append(trajectories(landscape, drawn))
                html.append(lossCurves(landscape, drawn))
                html.append("</div>\n")
            }
            for ((kind, title) in listOf("diverged" to "Diverged runs", "failed" to "Failed runs", "timeout" to "Timed-out runs")) {
                val ended = columns.ended(label, kind)
                if (ended.isEmpty()) continue
                html.append("<p>$title:</p><ul>")
                ended.forEach { html.append("<li>${Html.escape(it.summary())}</li>") }
                html.append("</ul>\n")
            }
        }

        html.append("<h2>Runtime distributions</h2>\n<div class=\"plots\">\n")
        val ecdfs = columns.ecdfs()
        if (ecdfs.isNotEmpty() && ecdfs.all { it.budgets.isEmpty() }) {
            html.append("<p>No run reached any target, so there is no runtime distribution to draw.</p>\n")
        } else if (ecdfs.isNotEmpty()) {
            val title = "ECDF of runtime over targets and problems"
            html.append(Figure.html(title) { Figures.ecdfs(ecdfs, title) })
        }
        val middle = minOf(5, study.budget.targets.size - 1)
        val profiles = columns.profiles(middle)
        if (profiles.isNotEmpty() && profiles.all { it.taus.isEmpty() }) {
            html.append("<p>No run reached f - f* &lt;= ${ConsoleTable.g(study.budget.targets[middle])}, so there is no " +
                "performance profile to draw.</p>\n")
        } else if (profiles.isNotEmpty()) {
            val title = "Performance profile at f - f* <= ${ConsoleTable.g(profiles.first().target)}"
            html.append(Figure.html(title) { Figures.performanceProfiles(profiles) })
        }
        html.append("</div>\n").append(FOOT)
        return html.toString()
    }

    /** The start of a page: doctype, title, the one style sheet, and the opened body. */
    internal fun head(title: String): String = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
        Html.escape(title) + "</title>\n<style>" +
        "body{font-family:sans-serif;margin:24px;max-width:1400px}table{border-collapse:collapse;font-size:13px;margin:12px 0}" +
        "td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}td:first-child,td:nth-child(2),th{text-align:left}" +
        ".plots{display:flex;flex-wrap:wrap;gap:16px}.plots figure{margin:0}.plots svg{border:1px solid #eee;display:block}code{background:#f4f4f4;padding:1px 4px}pre{font-size:11px;overflow-x:auto}</style></head><body>\n"

    /** The end of a page. */
    internal const val FOOT = "<p>Plots are drawn with Lets-Plot as inline SVG, so the page needs nothing online; " +
        "each is also a PNG beside the page.</p>\n</body></html>\n"

    /**
     * Writes the page to [path], creating its folder, and each of its plots ([Figure.onPage]) beside it as a PNG
     * ([SvgToPng]), named after the page, the plot's position and its title: `compare.html` gets `compare-01-beale-
     * trajectories-from-start-0.png`, and so on. A plot whose PNG cannot be made with its text (no fonts, say) is
     * written without it ([SvgToPng.withoutText]), and one that cannot be made at all is left out: either costs one
     * line to [warn], never the page. Every file goes through [OutputFile]: checked first (a folder or another
     * SQLite file is refused before anything is written), then written whole, so an interrupted write never leaves
     * half a page. Returns the PNG files written, in the page's order.
     */
    fun write(path: Path, page: String, warn: (String) -> Unit = { System.err.println(it) }): List<Path> {
        OutputFile.check(path)
        if (OutputFile.writtenInPlace(path)) {
            throw LabException("$path is not a plain file: a page goes into a folder, with its plots as PNG beside it")
        }
        val base = path.fileName.toString().removeSuffix(".html")
        val plots = Figure.onPage(page).mapIndexedNotNull { i, plot ->
            val png = path.resolveSibling(pngName(base, i + 1, plot.title))
            try {
                SvgToPng.write(plot.svg, png)
                png
            } catch (e: Throwable) {
                if (e is OutOfMemoryError) throw e
                try {
                    // no fonts, say: the picture without its words is still worth having
                    SvgToPng.write(SvgToPng.withoutText(plot.svg), png)
                    warn("fluxion: warning: plot ${i + 1} '${plot.title}' as PNG without its labels: $e")
                    png
                } catch (again: Throwable) {
                    if (again is OutOfMemoryError) throw again
                    Files.deleteIfExists(png)
                    warn("fluxion: warning: no PNG for plot ${i + 1} '${plot.title}': $e")
                    null
                }
            }
        }
        // the page names its PNGs, so that the next page of the same name (a replaced study's) removes the ones it
        // does not write again, and only those: never a file this lab did not make
        val earlier = earlierPlots(path)
        OutputFile.write(path, page + "$PLOTS_MARK${plots.joinToString(" ") { it.fileName.toString() }} -->\n")
        val written = plots.map { it.fileName.toString() }.toSet()
        earlier.filter { it !in written }.forEach { Files.deleteIfExists(path.resolveSibling(it)) }
        return plots
    }

    /** The comment at the end of a page that names its PNG files. */
    private const val PLOTS_MARK = "<!-- fluxion plots: "

    /** The PNG files the page at [path] names (none when there is no such page, or it is not one of ours). */
    private fun earlierPlots(path: Path): List<String> {
        if (!Files.isRegularFile(path)) return emptyList()
        val tail = try {
            Files.readString(path).takeLast(20_000)
        } catch (e: java.io.IOException) {
            return emptyList()
        }
        val line = tail.substringAfterLast(PLOTS_MARK, "").substringBefore("-->", "")
        return line.split(' ').map { it.trim() }.filter { it.endsWith(".png") && !it.contains('/') && !it.contains('\\') }
    }

    /** The PNG file name of the [index]th plot (from 1), titled [title], of the page `[base].html`. */
    internal fun pngName(base: String, index: Int, title: String): String {
        val slug = title.lowercase().replace(Regex("[^a-z0-9]+"), "-").trim('-').take(48).trimEnd('-')
        return String.format(java.util.Locale.ROOT, "%s-%02d-%s.png", base, index, slug.ifEmpty { "plot" })
    }

    private fun targetTable(summaries: List<PairSummary>): String {
        val targets = summaries.firstOrNull()?.targets ?: return ""
        val html = StringBuilder("<table><tr><th>optimizer</th><th>landscape</th>")
        targets.forEach { html.append("<th>${ConsoleTable.g(it)}: success / aRT / median steps</th>") }
        html.append("</tr>\n")
        for (s in summaries) {
            html.append("<tr><td>${Html.escape(s.optimizer)}</td><td>${Html.escape(s.landscape)}</td>")
            targets.indices.forEach { t ->
                if (!s.hasTargets) html.append("<td>n/a</td>")
                else html.append("<td>${Math.round(100 * s.successRate[t])}% / ${ConsoleTable.g(s.averageRuntime[t])} / " +
                    "${s.steps[t]?.let { ConsoleTable.g(it.median) } ?: "-"}</td>")
            }
            html.append("</tr>\n")
        }
        return html.append("</table>\n").toString()
    }

    private fun trajectories(landscape: Landscape, runs: List<RunResult>): String {
        val title = "${landscape.name()}: trajectories from start 0"
        return Figure.html(title) { Figures.trajectories(landscape, runs, title) }
    }

    private fun lossCurves(landscape: Landscape, runs: List<RunResult>): String {
        val title = "${landscape.name()}: ${if (landscape.facts().minimum().isPresent) "f - f*" else "f"} against step"
        return Figure.html(title) { Figures.lossCurves(landscape, runs, title) }
    }
}
