package dev.fluxion.lab.report

import dev.fluxion.lab.study.RateRow
import dev.fluxion.lab.study.RatesStudy
import dev.fluxion.lab.engine.RunResult

/**
 * The page of a rates study: the table of fitted against theoretical rates, 1 - rho against kappa (log-log, so
 * gradient descent's 1/kappa and the accelerated methods' 1/sqrt(kappa) are straight lines of slope -1 and -1/2),
 * steps to the target against the prediction, and the gap curves of every run at the largest kappa.
 */
object RatesReport {

    /** The page for [rows], the analysis of [results]. */
    fun render(study: RatesStudy, rows: List<RateRow>, results: List<RunResult>): String {
        val html = StringBuilder(HtmlReport.head("Fluxion: ${study.name}"))
        html.append("<h1>Fluxion convergence rates: ${Html.escape(study.name)}</h1>\n<p>")
        html.append("Rules ${study.rules.joinToString(", ") { "<code>${Html.escape(it.text)}</code>" }} on ")
        html.append("<code>${Html.escape(study.family.replace("{dim}", study.dimension.toString()).replace("{kappa}", "k"))}</code> ")
        html.append("for k in ${study.kappas.joinToString(", ") { ConsoleTable.g(it) }}")
        html.append(if (study.family == RatesStudy.DEFAULT_FAMILY) " (mu = 1, L = k)" else " (L and mu as the landscape states them)")
        html.append(", from the default start; ")
        html.append("runs stop at f - f* &le; ${ConsoleTable.g(study.floor)}.</p>\n")
        html.append("<p>rho is the contraction of the error ||x - x*|| per step. The fit is the least-squares slope s of ")
        html.append("ln(f - f*) against the step over the steady part of the run (after the gap has fallen two decades, ")
        html.append("down to the floor); the gap is quadratic in the error, so the fitted rho = exp(s/2). ")
        html.append("Predicted steps = ln(gap0/target) / ln(1/rho^2), an upper bound for gradient descent (no eigen-direction ")
        html.append("contracts more slowly than rho). Heavy ball and Nesterov at their optimal parameters have a double eigenvalue ")
        html.append("of modulus rho at the spectrum's end, so their error behaves as k rho^k: at finite k the fitted rate ")
        html.append("lies a little above rho and the steps above the prediction.</p>\n")
        html.append("<pre>").append(Html.escape(ConsoleTable.rates(rows, study.target))).append("</pre>\n<div class=\"plots\">\n")
        val rho = "1 - rho against kappa: fitted (solid) and theory (dashed)"
        html.append(Figure.html(rho) { Figures.rates(rows) })
        val steps = "Steps to f - f* <= ${ConsoleTable.g(study.target)}: measured (solid), predicted (dashed)"
        html.append(Figure.html(steps) { Figures.rateSteps(rows, study.target) })
        val largest = study.kappas.max()
        if (results.any { it.spec.landscapeLabel == study.landscape(largest) }) {
            val gaps = "f - f* against step at kappa = ${ConsoleTable.g(largest)}"
            html.append(Figure.html(gaps) { Figures.rateCurves(study, results, largest) })
        }
        return html.append("</div>\n").append(HtmlReport.FOOT).toString()
    }
}
