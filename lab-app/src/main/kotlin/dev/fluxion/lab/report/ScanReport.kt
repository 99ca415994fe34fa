package dev.fluxion.lab.report

import dev.fluxion.lab.study.ScanOutcome
import dev.fluxion.lab.study.ScanStudy

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
        val title = "Final gap after ${study.steps} steps against learning rate"
        html.append(Figure.html(title) { Figures.scan(study, outcome) })
        return html.append("</div>\n").append(HtmlReport.FOOT).toString()
    }

    /** The legend entry of the grid points above the frame, drawn at its top. */
    const val BEYOND = "grid, above the frame"
}
