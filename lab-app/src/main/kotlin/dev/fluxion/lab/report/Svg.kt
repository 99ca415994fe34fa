package dev.fluxion.lab.report

import java.util.Locale

/**
 * A small SVG plotting kit, written here rather than taken from Lets-Plot on purpose: no dependencies, and
 * byte-for-byte deterministic output that renders offline in any browser. Line plots with linear or log axes,
 * a legend, and heat maps with trajectories for two-dimensional landscapes.
 */
object Svg {
    /** Colours for series, chosen to stay distinguishable (Okabe-Ito, plus two). */
    val PALETTE = listOf("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442", "#7F7F7F", "#8C564B")

    /**
     * One polyline of a plot; [dashed] draws it dashed (theory beside measurement), [dots] marks each point, and
     * [line] = false leaves only the dots; [colour] picks a palette index (default: the series' position), so a measured and a predicted series can share one.
     */
    data class Series(val name: String, val x: DoubleArray, val y: DoubleArray, val stepped: Boolean = false,
                      val dashed: Boolean = false, val dots: Boolean = false, val colour: Int = -1,
                      val line: Boolean = true)

    private const val WIDTH = 640.0
    private const val HEIGHT = 400.0
    private const val LEFT = 70.0
    private const val RIGHT = 190.0
    private const val TOP = 30.0
    private const val BOTTOM = 50.0

    /** An axis: the data range and the scale. */
    class Axis(val low: Double, val high: Double, val log: Boolean) {
        fun fraction(v: Double): Double = if (log) (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
        else (v - low) / (high - low)

        /** Tick values: powers of ten on a log axis, about five round numbers on a linear one. */
        fun ticks(): List<Double> = if (log) {
            val a = Math.floor(Math.log10(low)).toInt()
            val b = Math.ceil(Math.log10(high)).toInt()
            val every = maxOf(1, (b - a) / 8)
            (a..b step every).map { Math.pow(10.0, it.toDouble()) }.filter { it >= low * 0.999 && it <= high * 1.001 }
        } else {
            val raw = (high - low) / 5
            val magnitude = Math.pow(10.0, Math.floor(Math.log10(raw)))
            val step = listOf(1.0, 2.0, 5.0, 10.0).map { it * magnitude }.first { it >= raw }
            generateSequence(Math.ceil(low / step) * step) { it + step }.takeWhile { it <= high + 1e-9 * step }.toList()
        }

        companion object {
            /** The axis spanning the finite (and, on a log axis, positive) values. */
            fun of(values: Sequence<Double>, log: Boolean, floor: Double = 1e-300): Axis {
                val usable = values.filter { it.isFinite() && (!log || it > floor) }.toList()
                if (usable.isEmpty()) return if (log) Axis(1e-1, 1e1, true) else Axis(0.0, 1.0, false)
                var low = usable.min()
                var high = usable.max()
                if (low == high) {
                    if (log) { low /= 10; high *= 10 } else { low -= 0.5; high += 0.5 }
                }
                return Axis(low, high, log)
            }
        }
    }

    /** A line plot of [series] with a title, axis labels and a legend on the right. */
    fun linePlot(title: String, xLabel: String, yLabel: String, series: List<Series>, logX: Boolean, logY: Boolean,
                 yRange: Pair<Double, Double>? = null, markers: List<Pair<Double, String>> = emptyList()): String {
        val xAxis = Axis.of(series.asSequence().flatMap { it.x.asSequence() } + markers.asSequence().map { it.first }, logX)
        val yAxis = yRange?.let { Axis(it.first, it.second, logY) } ?: Axis.of(series.asSequence().flatMap { it.y.asSequence() }, logY)
        val plotW = WIDTH - LEFT - RIGHT
        val plotH = HEIGHT - TOP - BOTTOM
        fun px(v: Double) = LEFT + plotW * xAxis.fraction(v)
        fun py(v: Double) = TOP + plotH * (1 - yAxis.fraction(v))
        val svg = StringBuilder()
        svg.append(header(WIDTH, HEIGHT))
        val clip = "clip" + Integer.toHexString((title + series.size).hashCode())
        svg.append("<defs><clipPath id=\"$clip\"><rect x=\"${f(LEFT)}\" y=\"${f(TOP)}\" width=\"${f(plotW)}\" height=\"${f(plotH)}\"/></clipPath></defs>\n")
        svg.append(text(WIDTH / 2 - RIGHT / 2 + LEFT / 2, 18.0, title, "middle", 14, bold = true))
        svg.append("<rect x=\"${f(LEFT)}\" y=\"${f(TOP)}\" width=\"${f(plotW)}\" height=\"${f(plotH)}\" fill=\"white\" stroke=\"#444\"/>\n")
        for (t in xAxis.ticks()) {
            val x = px(t)
            svg.append("<line x1=\"${f(x)}\" y1=\"${f(TOP)}\" x2=\"${f(x)}\" y2=\"${f(TOP + plotH)}\" stroke=\"#ddd\"/>\n")
            svg.append(text(x, TOP + plotH + 16, tick(t, logX), "middle", 11))
        }
        for (t in yAxis.ticks()) {
            val y = py(t)
            svg.append("<line x1=\"${f(LEFT)}\" y1=\"${f(y)}\" x2=\"${f(LEFT + plotW)}\" y2=\"${f(y)}\" stroke=\"#ddd\"/>\n")
            svg.append(text(LEFT - 6, y + 4, tick(t, logY), "end", 11))
        }
        svg.append(text(LEFT + plotW / 2, HEIGHT - 12, xLabel, "middle", 12))
        svg.append("<text x=\"16\" y=\"${f(TOP + plotH / 2)}\" text-anchor=\"middle\" font-size=\"12\" font-family=\"sans-serif\" transform=\"rotate(-90 16 ${f(TOP + plotH / 2)})\">${escape(yLabel)}</text>\n")
        for ((value, label) in markers) {
            val x = px(value)
            svg.append("<line x1=\"${f(x)}\" y1=\"${f(TOP)}\" x2=\"${f(x)}\" y2=\"${f(TOP + plotH)}\" stroke=\"#c00\" stroke-dasharray=\"5,4\"/>\n")
            svg.append(text(x + 4, TOP + 14, label, "start", 11))
        }
        series.forEachIndexed { i, s ->
            val colour = PALETTE[(if (s.colour >= 0) s.colour else i) % PALETTE.size]
            val dash = if (s.dashed) " stroke-dasharray=\"6,4\"" else ""
            val points = StringBuilder()
            var previousY = Double.NaN
            for (k in s.x.indices) {
                val xv = s.x[k]
                val yv = if (logY) maxOf(s.y[k], yAxis.low) else s.y[k]
                if (!xv.isFinite() || !yv.isFinite() || (logX && xv <= 0)) continue
                if (s.stepped && !previousY.isNaN()) points.append(f(px(xv))).append(',').append(f(py(previousY))).append(' ')
                points.append(f(px(xv))).append(',').append(f(py(yv))).append(' ')
                previousY = yv
            }
            if (s.line) svg.append("<polyline clip-path=\"url(#$clip)\" fill=\"none\" stroke=\"$colour\" stroke-width=\"1.8\"$dash points=\"${points.toString().trim()}\"/>\n")
            if (s.dots) {
                for (k in s.x.indices) {
                    val yv = s.y[k]
                    if (!s.x[k].isFinite() || !yv.isFinite() || (logX && s.x[k] <= 0) || (logY && yv <= 0)) continue
                    svg.append("<circle clip-path=\"url(#$clip)\" cx=\"${f(px(s.x[k]))}\" cy=\"${f(py(yv))}\" r=\"3\" fill=\"$colour\"/>")
                }
                svg.append('\n')
            }
            val ly = TOP + 10 + 18.0 * i
            svg.append("<line x1=\"${f(WIDTH - RIGHT + 12)}\" y1=\"${f(ly)}\" x2=\"${f(WIDTH - RIGHT + 32)}\" y2=\"${f(ly)}\" stroke=\"$colour\" stroke-width=\"3\"$dash/>\n")
            svg.append(text(WIDTH - RIGHT + 36, ly + 4, shorten(s.name), "start", 10))
        }
        svg.append("</svg>\n")
        return svg.toString()
    }

    /**
     * A heat map of f over [xRange] x [yRange] on a grid of cells, coloured by log10(f - min + 1e-12) from dark
     * (low) to light (high), with each trajectory drawn over it and its start marked.
     */
    fun heatMap(title: String, f: (Double, Double) -> Double, xRange: Pair<Double, Double>, yRange: Pair<Double, Double>,
                trajectories: List<Series>, cells: Int = 60, names: Pair<String, String> = "x" to "y"): String {
        val size = 420.0
        val width = LEFT + size + RIGHT
        val height = TOP + size + BOTTOM
        val values = Array(cells) { j -> DoubleArray(cells) { i ->
            f(xRange.first + (i + 0.5) / cells * (xRange.second - xRange.first),
                yRange.first + (j + 0.5) / cells * (yRange.second - yRange.first))
        } }
        val finite = values.flatMap { it.asList() }.filter { it.isFinite() }
        val low = finite.minOrNull() ?: 0.0
        val logged = values.map { row -> row.map { if (it.isFinite()) Math.log10(it - low + 1e-12) else Double.NaN } }
        val lf = logged.flatten().filter { it.isFinite() }
        val lo = lf.minOrNull() ?: 0.0
        val hi = maxOf(lf.maxOrNull() ?: 1.0, lo + 1e-9)
        val cell = size / cells
        val svg = StringBuilder(header(width, height))
        val clip = "clip" + Integer.toHexString(title.hashCode())
        svg.append("<defs><clipPath id=\"$clip\"><rect x=\"${f(LEFT)}\" y=\"${f(TOP)}\" width=\"${f(size)}\" height=\"${f(size)}\"/></clipPath></defs>\n")
        svg.append(text(LEFT + size / 2, 18.0, title, "middle", 14, bold = true))
        for (j in 0 until cells) for (i in 0 until cells) {
            val v = logged[j][i]
            val colour = if (v.isFinite()) viridis((v - lo) / (hi - lo)) else "#ffffff"
            svg.append("<rect x=\"${f(LEFT + i * cell)}\" y=\"${f(TOP + size - (j + 1) * cell)}\" width=\"${f(cell + 0.3)}\" height=\"${f(cell + 0.3)}\" fill=\"$colour\"/>")
        }
        svg.append('\n')
        val xAxis = Axis(xRange.first, xRange.second, false)
        val yAxis = Axis(yRange.first, yRange.second, false)
        fun px(v: Double) = LEFT + size * xAxis.fraction(v)
        fun py(v: Double) = TOP + size * (1 - yAxis.fraction(v))
        svg.append("<rect x=\"${f(LEFT)}\" y=\"${f(TOP)}\" width=\"${f(size)}\" height=\"${f(size)}\" fill=\"none\" stroke=\"#444\"/>\n")
        for (t in xAxis.ticks()) svg.append(text(px(t), TOP + size + 16, tick(t, false), "middle", 11))
        for (t in yAxis.ticks()) svg.append(text(LEFT - 6, py(t) + 4, tick(t, false), "end", 11))
        svg.append(text(LEFT + size / 2, height - 12, names.first, "middle", 12))
        svg.append(text(20.0, TOP + size / 2, names.second, "middle", 12))
        trajectories.forEachIndexed { i, s ->
            val colour = PALETTE[i % PALETTE.size]
            val points = s.x.indices.filter { s.x[it].isFinite() && s.y[it].isFinite() && Math.abs(s.x[it]) < 1e6 && Math.abs(s.y[it]) < 1e6 }
                .joinToString(" ") { "${f(px(s.x[it]))},${f(py(s.y[it]))}" }
            svg.append("<polyline clip-path=\"url(#$clip)\" fill=\"none\" stroke=\"$colour\" stroke-width=\"2\" stroke-opacity=\"0.9\" points=\"$points\"/>\n")
            if (s.x.isNotEmpty()) {
                svg.append("<circle clip-path=\"url(#$clip)\" cx=\"${f(px(s.x[0]))}\" cy=\"${f(py(s.y[0]))}\" r=\"4\" fill=\"white\" stroke=\"$colour\" stroke-width=\"2\"/>\n")
            }
            val ly = TOP + 10 + 18.0 * i
            svg.append("<line x1=\"${f(width - RIGHT + 12)}\" y1=\"${f(ly)}\" x2=\"${f(width - RIGHT + 32)}\" y2=\"${f(ly)}\" stroke=\"$colour\" stroke-width=\"3\"/>\n")
            svg.append(text(width - RIGHT + 36, ly + 4, shorten(s.name), "start", 10))
        }
        svg.append("</svg>\n")
        return svg.toString()
    }

    /** The viridis colour map at t in [0, 1], interpolated between nine anchors. */
    fun viridis(t: Double): String {
        val anchors = intArrayOf(0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725)
        val s = t.coerceIn(0.0, 1.0) * (anchors.size - 1)
        val i = minOf(s.toInt(), anchors.size - 2)
        val w = s - i
        fun channel(shift: Int): Int {
            val a = (anchors[i] shr shift) and 0xff
            val b = (anchors[i + 1] shr shift) and 0xff
            return Math.round(a + w * (b - a)).toInt()
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", channel(16), channel(8), channel(0))
    }

    private fun header(w: Double, h: Double) =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"${f(w)}\" height=\"${f(h)}\" viewBox=\"0 0 ${f(w)} ${f(h)}\">\n"

    private fun text(x: Double, y: Double, s: String, anchor: String, size: Int, bold: Boolean = false) =
        "<text x=\"${f(x)}\" y=\"${f(y)}\" text-anchor=\"$anchor\" font-size=\"$size\" font-family=\"sans-serif\"" +
            (if (bold) " font-weight=\"bold\"" else "") + ">${escape(s)}</text>\n"

    private fun tick(v: Double, log: Boolean): String = if (log) {
        val e = Math.round(Math.log10(v)).toInt()
        if (e in -2..3) dev.fluxion.lab.ConsoleTable.g(Math.pow(10.0, e.toDouble())) else "1e$e"
    } else dev.fluxion.lab.ConsoleTable.g(Math.round(v * 1e6) / 1e6)

    /**
     * A legend entry of at most 24 characters. A chain shows its last transform (the update rule), since its
     * first ones (clipping, decay) are usually shared by every series: `chain(clip(norm=10), gd(lr=0.01))` reads
     * `…gd(lr=0.01)`.
     */
    private fun shorten(s: String): String {
        val name = if (s.startsWith("chain(") && s.contains("), ")) "…" + s.substringAfterLast("), ").removeSuffix(")") else s
        return if (name.length > 24) name.take(23) + "…" else name
    }

    private fun f(v: Double) = String.format(Locale.ROOT, "%.1f", v)

    /** Escapes text for XML and HTML. */
    fun escape(s: String) = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
}
