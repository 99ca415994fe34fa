package dev.fluxion.lab.report

import dev.fluxion.lab.LabException

/**
 * The points at which a contour figure ([Figures.trajectories]) samples a two-dimensional f: the centres of
 * [cells] x [cells] cells over [xRange] x [yRange], numbered row by row (x fastest), the i-th column at
 * x = x0 + (i + 1/2) / cells (x1 - x0), the j-th row likewise in y.
 */
class ContourGrid(val xRange: Pair<Double, Double>, val yRange: Pair<Double, Double>, val cells: Int = CELLS) {
    init {
        if (cells < 1) throw LabException("a contour grid needs at least 1 cell a side, got $cells")
        for ((axis, range) in listOf("x" to xRange, "y" to yRange)) {
            if (!(range.first.isFinite() && range.second.isFinite())) {
                throw LabException("a contour grid's $axis range must be finite, got $range")
            }
        }
    }

    /** The x of column [i]. */
    fun x(i: Int): Double = xRange.first + (i + 0.5) / cells * (xRange.second - xRange.first)

    /** The y of row [j]. */
    fun y(j: Int): Double = yRange.first + (j + 0.5) / cells * (yRange.second - yRange.first)

    /** The number of points, cells^2. */
    val size: Int get() = cells * cells

    /** f at every point, row by row. */
    fun sample(f: (Double, Double) -> Double): DoubleArray = DoubleArray(size) { k -> f(x(k % cells), y(k / cells)) }

    /** The number (row by row) of the point whose coordinates are exactly (x, y), or -1 when no point's are. */
    fun indexOf(x: Double, y: Double): Int {
        val i = nearest(x, xRange)
        val j = nearest(y, yRange)
        if (i !in 0 until cells || j !in 0 until cells || x(i) != x || y(j) != y) return -1
        return j * cells + i
    }

    private fun nearest(value: Double, range: Pair<Double, Double>): Int {
        val width = range.second - range.first
        if (!value.isFinite() || width == 0.0) return if (value == range.first) 0 else -1
        return Math.round((value - range.first) / width * cells - 0.5).toInt()
    }

    override fun equals(other: Any?): Boolean =
        other is ContourGrid && other.xRange == xRange && other.yRange == yRange && other.cells == cells

    override fun hashCode(): Int = (xRange.hashCode() * 31 + yRange.hashCode()) * 31 + cells

    override fun toString(): String = "$cells x $cells cells over $xRange x $yRange"

    companion object {
        /** The cells a side of the reports' contour figures. */
        const val CELLS = 60
    }
}
