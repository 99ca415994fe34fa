package dev.fluxion.lab.report

import org.jetbrains.letsPlot.awt.plot.PlotSvgExport
import org.jetbrains.letsPlot.coord.coordCartesian
import org.jetbrains.letsPlot.geom.geomContour
import org.jetbrains.letsPlot.geom.geomPath
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.geom.geomRaster
import org.jetbrains.letsPlot.geom.geomStep
import org.jetbrains.letsPlot.geom.geomText
import org.jetbrains.letsPlot.geom.geomVLine
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.intern.Plot
import org.jetbrains.letsPlot.intern.toSpec
import org.jetbrains.letsPlot.label.ggtitle
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleFillViridis
import org.jetbrains.letsPlot.scale.scaleLinetypeManual
import org.jetbrains.letsPlot.scale.scaleXContinuous
import org.jetbrains.letsPlot.scale.scaleXLog10
import org.jetbrains.letsPlot.scale.scaleYContinuous
import org.jetbrains.letsPlot.scale.scaleYLog10

/**
 * The reports' plots, drawn with Lets-Plot and exported as SVG (nothing fetched, no script): line plots with
 * linear or log axes, and filled contours of a two-dimensional landscape with trajectories over them.
 */
object LetsPlotFigures {
    /** Colours for series, chosen to stay distinguishable (Okabe-Ito, plus three). */
    val PALETTE = listOf("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442", "#7F7F7F", "#8C564B")

    /** The colour of [Marker] lines. */
    const val MARKER_COLOUR = "#CC0000"

    private const val SOLID = 1
    private const val DASHED = 2

    /**
     * A line plot of [series], [width] x [height], with a title, axis labels and a legend on the right. A log axis
     * shows only the positive values; [signedLogY] draws y on the [SignedLog] scale instead (for values far below
     * zero); [yRange] fixes the y axis (values outside it are cut off at the frame), and each of [markers] is a dashed
     * vertical line with its label at the top.
     */
    fun lines(title: String, xLabel: String, yLabel: String, series: List<Series>, logX: Boolean, logY: Boolean,
              yRange: Pair<Double, Double>? = null, markers: List<Marker> = emptyList(),
              width: Int = 620, height: Int = 400, signedLogY: Boolean = false): Figure {
        require(!(logY && signedLogY)) { "a y axis is either log or signed log, not both" }
        val names = legendNames(series.map { it.name })
        val drawnY: (Double) -> Double = if (signedLogY) SignedLog::of else { v -> v }
        var plot: Plot = letsPlot()
        series.forEachIndexed { i, s ->
            val shown = s.plottable(logX, logY)
            if (shown.isEmpty()) return@forEachIndexed
            val data = mapOf("x" to shown.map { s.x[it] }, "y" to shown.map { drawnY(s.y[it]) }, "series" to shown.map { names[i] })
            if (s.line && s.stepped) plot += geomStep(data = data, size = 1.0) { x = "x"; y = "y"; color = "series"; linetype = "series" }
            else if (s.line) plot += geomPath(data = data, size = 1.0) { x = "x"; y = "y"; color = "series"; linetype = "series" }
            // the legend's keys show the lines (solid or dashed); dots only where some series has nothing else
            if (s.dots) plot += geomPoint(data = data, size = 2.5, showLegend = series.any { !it.line }) { x = "x"; y = "y"; color = "series" }
        }
        val colours = series.mapIndexed { i, s -> PALETTE[(if (s.colour >= 0) s.colour else i) % PALETTE.size] }
        plot += scaleColorManual(values = colours, limits = names, name = "")
        plot += scaleLinetypeManual(values = series.map { if (it.dashed) DASHED else SOLID }, limits = names, name = "")
        val top = (yRange?.second ?: series.flatMap { s -> s.plottable(logX, logY).map { s.y[it] } }.maxOrNull())?.let(drawnY)
        if (markers.isNotEmpty() && top != null) {
            val at = markers.filter { it.x.isFinite() && (!logX || it.x > 0) }
            val data = mapOf("x" to at.map { it.x }, "y" to at.map { top }, "label" to at.map { it.label })
            plot += geomVLine(data = data, color = MARKER_COLOUR, linetype = DASHED, size = 0.8) { xintercept = "x" }
            plot += geomText(data = data, color = MARKER_COLOUR, hjust = 0, vjust = 1, size = 6) { x = "x"; y = "y"; label = "label" }
        }
        val shown = series.map { it.plottable(logX, logY) }
        plot += if (logX) scaleXLog10(name = xLabel, format = exponentFormat(series.flatMapIndexed { i, s -> shown[i].map { s.x[it] } }))
        else scaleXContinuous(name = xLabel)
        plot += when {
            logY -> scaleYLog10(name = yLabel, format = exponentFormat(series.flatMapIndexed { i, s -> shown[i].map { s.y[it] } }))
            signedLogY -> signedLogScale(yLabel, yRange ?: series.flatMap { s -> s.plottable(logX, false).map { s.y[it] } }
                .let { ys -> if (ys.isEmpty()) 0.0 to 0.0 else ys.min() to ys.max() })
            else -> scaleYContinuous(name = yLabel)
        }
        if (yRange != null) plot += coordCartesian(ylim = yRange.first.let(drawnY) to yRange.second.let(drawnY))
        plot += ggtitle(title)
        return export(title, plot, width, height)
    }

    /**
     * The line plot a Java script draws in one call: each row of [ys] against [x], named by [names], on linear axes,
     * titled "[yName] against [xName]"; the plot's SVG text.
     */
    @JvmStatic
    fun linePlot(x: DoubleArray, ys: Array<DoubleArray>, names: Array<String>, xName: String, yName: String): String {
        require(ys.size == names.size) { "${ys.size} series but ${names.size} names" }
        return lines("$yName against $xName", xName, yName, ys.indices.map { Series(names[it], x, ys[it]) },
            logX = false, logY = false).svg
    }

    /**
     * [f] over [xRange] x [yRange] as a filled map of [cells] x [cells] cells (Lets-Plot's raster, which the SVG
     * carries as one embedded image) coloured by log10(f - min + floor) from dark (low) to light (high), the floor
     * being a millionth of f's spread over the box, with contour lines of the same values over it; then each
     * trajectory (points outside the box are cut off at the frame) with its start marked by an open circle. The axes
     * are named [names].
     */
    fun landscape(title: String, f: (Double, Double) -> Double, xRange: Pair<Double, Double>, yRange: Pair<Double, Double>,
                  trajectories: List<Series>, names: Pair<String, String> = "x" to "y", cells: Int = ContourGrid.CELLS,
                  width: Int = 620, height: Int = 500): Figure {
        val cellGrid = ContourGrid(xRange, yRange, cells)
        val xs = List(cellGrid.size) { cellGrid.x(it % cells) }
        val ys = List(cellGrid.size) { cellGrid.y(it / cells) }
        val values = cellGrid.sample(f).toList()
        val finite = values.filter { it.isFinite() }
        val low = finite.minOrNull() ?: 0.0
        val floor = maxOf(((finite.maxOrNull() ?: 1.0) - low) * 1e-6, Double.MIN_VALUE)
        val logged = values.map { if (it.isFinite()) Math.log10(it - low + floor) else Double.NaN }
        // where f is not finite the map takes the highest value: the contour lines need every point of the grid
        val high = logged.filter { it.isFinite() }.maxOrNull() ?: 0.0
        val grid = mapOf("x" to xs, "y" to ys, "z" to logged.map { if (it.isFinite()) it else high })
        var plot: Plot = letsPlot() + geomRaster(data = grid) { x = "x"; y = "y"; fill = "z" }
        plot += geomContour(data = grid, bins = 12, color = "white", alpha = 0.45, size = 0.4) { x = "x"; y = "y"; z = "z" }
        plot += scaleFillViridis(name = "log10(f - min)")
        val legend = legendNames(trajectories.map { it.name })
        trajectories.forEachIndexed { i, s ->
            val shown = s.x.indices.filter { s.x[it].isFinite() && s.y[it].isFinite() && Math.abs(s.x[it]) < 1e6 && Math.abs(s.y[it]) < 1e6 }
            if (shown.isEmpty()) return@forEachIndexed
            val data = mapOf("x" to shown.map { s.x[it] }, "y" to shown.map { s.y[it] }, "series" to shown.map { legend[i] })
            plot += geomPath(data = data, size = 1.2) { x = "x"; y = "y"; color = "series" }
            val start = mapOf("x" to listOf(s.x[shown[0]]), "y" to listOf(s.y[shown[0]]), "series" to listOf(legend[i]))
            plot += geomPoint(data = start, shape = 21, fill = "white", size = 3.5, stroke = 1.5) { x = "x"; y = "y"; color = "series" }
        }
        plot += scaleColorManual(values = trajectories.indices.map { PALETTE[it % PALETTE.size] }, limits = legend, name = "")
        plot += scaleXContinuous(name = names.first, expand = listOf(0, 0))
        plot += scaleYContinuous(name = names.second, expand = listOf(0, 0))
        plot += coordCartesian(xlim = xRange, ylim = yRange)
        plot += ggtitle(title)
        return export(title, plot, width, height)
    }

    /** A y axis on the [SignedLog] scale over the values [range], its ticks at 0 and powers of ten. */
    private fun signedLogScale(name: String, range: Pair<Double, Double>) = SignedLog.ticks(range.first, range.second)
        .let { ticks -> scaleYContinuous(name = name, breaks = ticks.map { it.first }, labels = ticks.map { it.second }) }

    /**
     * The tick format of a log axis showing [values]: powers of ten as `1e-8` when they reach below 1e-3 or above 1e5
     * (where Lets-Plot's default mixes `0.010`, `1.0e-4` and `1e-8`), otherwise the default (`10`, `100`, `1,000`).
     */
    private fun exponentFormat(values: List<Double>): String? {
        if (values.isEmpty()) return null
        return if (values.min() < 1e-3 || values.max() > 1e5) ".0e" else null
    }

    /** The SVG of [plot] at [width] x [height], with ids that do not change from run to run. */
    private fun export(title: String, plot: Plot, width: Int, height: Int): Figure {
        // the raster as an embedded image styled "image-rendering: optimizeSpeed", without Lets-Plot's
        // "image-rendering: pixelated", which Batik rejects (and the PNG would be lost)
        val svg = PlotSvgExport.buildSvgImageFromRawSpecs((plot + ggsize(width, height)).toSpec(), null, false)
        return Figure.withStableIds(title, svg.trim(), width, height)
    }

    /**
     * Legend entries: each name whole, broken into lines of about [width] characters after its commas (Lets-Plot
     * draws a label's line breaks), so `chain(clip(norm=10), momentum(lr=0.001, momentum=0.9))` reads in three
     * lines rather than cut short. Entries that would coincide get their position appended.
     */
    internal fun legendNames(names: List<String>, width: Int = 24): List<String> {
        val wrapped = names.map { name ->
            val lines = ArrayList<StringBuilder>()
            for (piece in Regex("(?<=, )").split(name)) {
                val last = lines.lastOrNull()
                if (last == null || last.length + piece.trimEnd().length > width) lines += StringBuilder(piece)
                else last.append(piece)
            }
            lines.joinToString("\n") { it.toString().trimEnd() }
        }
        return wrapped.mapIndexed { i, s -> if (wrapped.count { it == s } > 1) "$s (${i + 1})" else s }
    }
}
