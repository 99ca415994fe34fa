package dev.fluxion.lab.report

/**
 * The signed log scale of a plot whose values run far below zero (f on a landscape unbounded below, where a run
 * that escapes reaches -1e6 and a diverged one -1e100): a value v is drawn at s(v) = sign(v) log10(1 + |v|), which is
 * about v / ln 10 near zero and about ±log10|v| far from it, so 0, -1e3 and -1e100 all stay readable on one axis.
 */
object SignedLog {

    /** s(v) = sign(v) log10(1 + |v|); NaN stays NaN, an infinity stays infinite. */
    fun of(v: Double): Double = Math.signum(v) * Math.log10(1.0 + Math.abs(v))

    /**
     * The ticks of an axis over the values [low]..[high] (in value, not in s): 0 when the range holds it, and the
     * powers of ten ±10^e inside the range for e a multiple of a step (the smallest of 1, 2, 5, 10, 20, 50, ... that
     * keeps at most [most] ticks; e > 0 when 0 is a tick). A range too narrow for two such ticks gets ±1, 2 and 5
     * times the powers of ten inside it, and failing those its two ends. Each tick is its position s(v) and its label
     * (`0`, `1e3`, `-1e100`, `-2e3`).
     */
    fun ticks(low: Double, high: Double, most: Int = 8): List<Pair<Double, String>> {
        require(low <= high && low.isFinite() && high.isFinite()) { "the range $low..$high is not a finite interval" }
        require(most >= 2) { "most = $most: an axis needs at least 2 ticks" }
        val top = Math.floor(Math.log10(maxOf(Math.abs(low), Math.abs(high), 1.0))).toInt() // the largest decade
        val decades = decadeTicks(low, high, top, most)
        if (decades.size >= 2) return decades
        val mantissas = mantissaTicks(low, high, top)
        if (mantissas.size >= 2) return mantissas
        return listOf(low, high).distinct().map { of(it) to String.format(java.util.Locale.ROOT, "%.3g", it) }
    }

    /** ±m 10^e for m in 1, 2, 5 inside [low]..[high], in order (few: the range spans less than two decades). */
    private fun mantissaTicks(low: Double, high: Double, top: Int): List<Pair<Double, String>> {
        val values = ArrayList<Pair<Double, String>>()
        for (e in 0..top) for (m in intArrayOf(1, 2, 5)) {
            val v = m * Math.pow(10.0, e.toDouble())
            if (v >= low && v <= high) values += v to "${m}e$e"
            if (-v >= low && -v <= high) values += -v to "-${m}e$e"
        }
        return values.sortedBy { it.first }.map { of(it.first) to it.second }
    }

    private fun decadeTicks(low: Double, high: Double, top: Int, most: Int): List<Pair<Double, String>> {
        val zero = low <= 0.0 && high >= 0.0
        fun candidates(step: Int): List<Pair<Double, String>> {
            val found = ArrayList<Pair<Double, String>>()
            val first = if (zero) step else 0 // ±1e0 would sit 0.3 from the tick at 0
            for (e in (top / step * step) downTo first step step) {
                val v = Math.pow(10.0, e.toDouble())
                if (-v >= low && -v <= high) found += of(-v) to "-1e$e"
            }
            if (zero) found += 0.0 to "0"
            for (e in first..top step step) {
                val v = Math.pow(10.0, e.toDouble())
                if (v >= low && v <= high) found += of(v) to "1e$e"
            }
            return found
        }
        var step = 1
        var i = 0
        while (true) {
            val ticks = candidates(step)
            if (ticks.size <= most) return ticks
            step = intArrayOf(1, 2, 5)[++i % 3] * Math.pow(10.0, (i / 3).toDouble()).toInt()
        }
    }
}
