package dev.fluxion.lab.report

import dev.fluxion.optimizers.Evaluations

import dev.fluxion.lab.stats.PairSummary
import dev.fluxion.lab.study.RateRow
import dev.fluxion.lab.study.ScanOutcome
import dev.fluxion.lab.study.ScanStudy
import java.util.Locale

/** Plain-text tables with aligned columns, for the console. */
object ConsoleTable {

    /** The rows under the header, each column as wide as its widest cell; numbers right-aligned. */
    @JvmStatic
    fun render(header: List<String>, rows: List<List<String>>): String {
        val widths = header.indices.map { c -> (rows.map { it[c].length } + header[c].length).max() }
        val text = StringBuilder()
        fun line(cells: List<String>) {
            cells.forEachIndexed { c, cell ->
                val numeric = cell.isNotEmpty() && (cell[0].isDigit() || cell[0] == '-' || cell == "inf")
                text.append(if (numeric && c > 0) cell.padStart(widths[c]) else cell.padEnd(widths[c]))
                text.append(if (c < cells.size - 1) "  " else "")
            }
            text.append('\n')
        }
        line(header)
        line(widths.map { "-".repeat(it) })
        rows.forEach { line(it) }
        return text.toString()
    }

    /**
     * The comparison table: per pair, the runs, the success rate, the median (quartiles) steps and the aRT at the
     * finest target and at [middle], the median final gap and the outcomes; under it, the cost model the aRT
     * columns count evaluations by ([costModel]).
     */
    @JvmStatic
    fun comparison(summaries: List<PairSummary>, middle: Int = 3): String {
        val targets = summaries.firstOrNull()?.targets ?: return "(no runs)\n"
        val finest = targets.size - 1
        val m = minOf(middle, finest)
        val header = listOf("optimizer", "landscape", "runs", "success ${target(targets[finest])}",
            "steps to ${target(targets[finest])} (q1-q3)", "aRT ${target(targets[m])}", "aRT ${target(targets[finest])}",
            "median final gap", "outcomes")
        val rows = summaries.map { s ->
            val q = s.steps[finest]
            listOf(s.optimizer, s.landscape, s.runs.toString(),
                if (s.hasTargets) pct(s.successRate[finest]) else "n/a",
                if (q == null) "-" else "${g(q.median)} (${g(q.q1)}-${g(q.q3)})",
                if (s.hasTargets) g(s.averageRuntime[m]) else "n/a",
                if (s.hasTargets) g(s.averageRuntime[finest]) else "n/a",
                if (s.hasTargets) e(s.medianFinalGap) else "n/a",
                s.outcomes.entries.joinToString(" ") { "${it.key}=${it.value}" })
        }
        return render(header, rows) + costModel()
    }

    /** The line under a table of evaluations that says how they are counted ([Evaluations.COST_MODEL]). */
    @JvmStatic
    fun costModel(): String = "aRT is in evaluations: ${Evaluations.COST_MODEL}\n"

    /**
     * The rates table: per rule and kappa, the theoretical and fitted rate of the error ||x - x*|| (the fit from
     * the slope of ln(f - f*), halved), their relative difference, the fit's window, and the steps to [target]
     * against the prediction.
     */
    @JvmStatic
    fun rates(rows: List<RateRow>, target: Double): String = render(
        listOf("rule", "kappa", "theory rho", "fitted rho", "rel. error", "slope error", "fit window (steps)",
            "steps to ${target(target)}", "predicted", "outcome"),
        rows.map { r ->
            val fit = r.fit
            // a rule without a theory (an optimizer at fixed hyperparameters) has the fitted columns alone
            val theory = !r.theoreticalRate.isNaN()
            listOf(r.rule, g(r.kappa), if (theory) String.format(Locale.ROOT, "%.6f", r.theoreticalRate) else "-",
                if (fit == null) "n/a" else String.format(Locale.ROOT, "%.6f", fit.rate),
                if (fit == null) "n/a" else if (theory) pct2(r.relativeError) else "-",
                if (r.slopeError.isNaN()) "-" else pct2(r.slopeError),
                when {
                    fit == null -> "-"
                    fit.fromSlope -> "${fit.firstStep}-${fit.lastStep} (${fit.points} pts)"
                    else -> "one drop to step ${fit.lastStep}"
                },
                if (r.stepsToTarget < 0) "-" else r.stepsToTarget.toString(), if (theory) g(r.predictedSteps) else "-", r.outcome)
        })

    /** The scan summary: the edge against 2/L, the best step against 2/(L + mu). */
    @JvmStatic
    fun scan(s: ScanOutcome): String {
        val text = StringBuilder()
        val growing = s.grid.count { ScanStudy.grows(it) }
        text.append("${s.grid.size} learning rates from ${g(s.learningRates.first())} to ${g(s.learningRates.last())}: " +
            "${s.grid.size - growing} converge or hold, $growing grow\n")
        if (s.lastStable.isNaN()) {
            text.append("no divergence edge inside the grid\n")
        } else {
            text.append(String.format(Locale.ROOT, "divergence edge %.6g (bracket %.10g .. %.10g after %d bisections)%n",
                s.edge, s.lastStable, s.firstGrowing, s.refinements.size))
            if (!s.smoothness.isNaN()) {
                text.append(String.format(Locale.ROOT, "2/L = %.6g: the edge is %s off\n", s.theoreticalEdge, pct2(s.edgeError)))
            }
        }
        text.append(String.format(Locale.ROOT, "best step on the grid %.4g (final gap %s)", s.bestLearningRate, e(s.bestFinalGap)))
        if (!s.smoothness.isNaN() && !s.strongConvexity.isNaN()) {
            text.append(String.format(Locale.ROOT, "; 2/(L + mu) = %.4g", s.theoreticalBest))
        }
        return text.append('\n').toString()
    }

    /** A number in a short form: integers as such, others with 3 significant digits, infinity as `inf`. */
    @JvmStatic
    fun g(v: Double): String = when {
        v.isNaN() -> "n/a"
        v.isInfinite() -> "inf"
        v == Math.rint(v) && Math.abs(v) < 1e9 -> v.toLong().toString()
        else -> String.format(Locale.ROOT, "%.3g", v)
    }

    /** A target such as 1e-8 (powers of ten as such, others in short form). */
    @JvmStatic
    fun target(v: Double): String {
        val e = Math.log10(v)
        return if (Math.abs(e - Math.rint(e)) < 1e-9) "1e${Math.rint(e).toInt()}" else g(v)
    }

    /** Scientific notation with 2 decimals. */
    @JvmStatic
    fun e(v: Double): String = when {
        v.isNaN() -> "n/a"
        v.isInfinite() -> if (v > 0) "inf" else "-inf"
        else -> String.format(Locale.ROOT, "%.2e", v)
    }

    private fun pct2(v: Double) = String.format(Locale.ROOT, "%.2f%%", 100 * v)

    private fun pct(v: Double) = String.format(Locale.ROOT, "%.0f%%", 100 * v)
}
