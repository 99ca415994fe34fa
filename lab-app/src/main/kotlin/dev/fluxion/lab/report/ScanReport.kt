package dev.fluxion.lab.report

import dev.fluxion.lab.ConsoleTable
import dev.fluxion.lab.ScanOutcome
import dev.fluxion.lab.ScanStudy

/**
 * The page of a step-size scan: the summary (edge against 2/L, best step against 2/(L + mu)) and the scan curve,
 * final gap against learning rate on log-log axes, with 2/L (and the located edge) marked by vertical lines. The
 * frame stops at 10^4 times the starting gap; the grid points above it are marked at its top.
 */
object ScanReport {

    /** The page for a scan's [outcome]. */
    fun render(study: ScanStudy, outcome: ScanOutcome): String {
        val html = StringBuilder(HtmlReport.head("Fluxion: ${study.name}"))
        html.append("<h1>Fluxion step-size scan: ${Html.escape(study.name)}</h1>\n<p>")
        html.append("<code>${Html.escape(study.template)}</code> on <code>${Html.escape(study.landscape)}</code> from its default start, ")
        html.append("${study.points} learning rates from ${ConsoleTable.g(study.low)} to ${ConsoleTable.g(study.high)} (log grid), ")
        html.append("${study.steps} steps each. A run grows when it diverges or ends above its starting gap; the edge is refined ")
        html.append("by bisection between the last learning rate that does not grow and the first that does.</p>\n")
        html.append("<pre>").append(Html.escape(ConsoleTable.scan(outcome))).append("</pre>\n<div class=\"plots\">\n")
        val markers = buildList {
            if (!outcome.smoothness.isNaN()) add(Marker(outcome.theoreticalEdge, "2/L"))
            if (!outcome.lastStable.isNaN() && (outcome.smoothness.isNaN() || outcome.edgeError > 0.05)) add(Marker(outcome.edge, "edge"))
        }
        val gaps = outcome.grid.map { it.finalGap.let { g -> if (g.isNaN()) it.finalValue else g } }
        val refined = outcome.refinements.sortedBy { lr(it.spec.optimizerLabel, study) }
        // blown-up runs would stretch the axis to 1e100 and beyond: show up to 1e4 times the starting gap
        val first = outcome.grid.first()
        val gap0 = first.trace.loss[0] - (first.finalValue - first.finalGap)
        val finite = (gaps + refined.map { it.finalGap }).filter { it.isFinite() && it > 0 }
        val yRange = if (gap0.isFinite() && gap0 > 0 && finite.isNotEmpty()) minOf(finite.min(), gap0) / 10 to gap0 * 1e4 else null
        // the grid points the frame cuts off (grown past its top, or blown up to infinity or NaN): marked just
        // under the top edge, so that the page shows where the runs grew, not a line leaving the frame
        val beyond = if (yRange == null) emptyList() else outcome.learningRates.indices.filter { !(gaps[it] <= yRange.second) }
        val title = "Final gap after ${study.steps} steps against learning rate"
        html.append(Figure.html(title) {
            LetsPlotFigures.lines(title, "learning rate", "f - f* after ${study.steps} steps", listOf(
                Series("grid", outcome.learningRates.toDoubleArray(), gaps.toDoubleArray(), dots = true, colour = 0),
                Series("bisection", refined.map { lr(it.spec.optimizerLabel, study) }.toDoubleArray(),
                    refined.map { it.finalGap }.toDoubleArray(), dots = true, line = false, colour = 1),
                Series(BEYOND, beyond.map { outcome.learningRates[it] }.toDoubleArray(),
                    DoubleArray(beyond.size) { yRange!!.second / 2 }, dots = true, line = false, colour = 2),
            ).filter { it.x.isNotEmpty() }, logX = true, logY = true, yRange = yRange, markers = markers)
        })
        return html.append("</div>\n").append(HtmlReport.FOOT).toString()
    }

    /** The legend entry of the grid points above the frame, drawn at its top. */
    const val BEYOND = "grid, above the frame"

    /** The learning rate written into a run's label by the study's template. */
    private fun lr(label: String, study: ScanStudy): Double {
        val prefix = study.template.substringBefore("{lr}")
        val suffix = study.template.substringAfter("{lr}")
        return label.removePrefix(prefix).removeSuffix(suffix).toDouble()
    }
}
