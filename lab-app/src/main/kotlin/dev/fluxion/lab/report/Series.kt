package dev.fluxion.lab.report

/**
 * One curve of a line plot: the points ([x], [y]) in order, named [name] in the legend. [stepped] draws a step
 * function (an ECDF), [dashed] a dashed line (theory beside measurement), [dots] marks each point, and
 * [line] = false leaves only the dots. [colour] picks a palette index (default: the series' position), so a
 * measured and a predicted series can share one. From Java, `new Series(name, x, y)` draws a plain line.
 */
data class Series @JvmOverloads constructor(val name: String, val x: DoubleArray, val y: DoubleArray, val stepped: Boolean = false,
                  val dashed: Boolean = false, val dots: Boolean = false, val colour: Int = -1,
                  val line: Boolean = true) {
    init {
        require(x.size == y.size) { "series '$name' has ${x.size} x values and ${y.size} y values" }
    }

    /** The points a plot with the given axes can show: finite, and positive on a log axis. */
    fun plottable(logX: Boolean, logY: Boolean): List<Int> = x.indices.filter { i ->
        x[i].isFinite() && y[i].isFinite() && (!logX || x[i] > 0) && (!logY || y[i] > 0)
    }
}

/** A vertical line across a plot at [x], labelled [label] (2/L on the scan curve). */
data class Marker(val x: Double, val label: String)
