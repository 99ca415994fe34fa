package dev.fluxion.lab

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
     * finest target and at [middle], the median final gap and the outcomes.
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
        return render(header, rows)
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

    private fun pct(v: Double) = String.format(Locale.ROOT, "%.0f%%", 100 * v)
}
