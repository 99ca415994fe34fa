package dev.fluxion.lab.report

/**
 * One axis of a line plot ([Figures.lines]): its [label] and whether its scale is logarithmic ([log]), on which
 * only positive values are drawn and a power law is a straight line.
 *
 * ```kotlin
 * Figures.lines("secant error", Axis.log("h"), Axis.log("|error|"), listOf(Series("sin at 1", steps, errors)))
 * ```
 */
data class Axis(val label: String, val log: Boolean) {
    companion object {
        /** A linear axis named [label]. */
        @JvmStatic
        fun linear(label: String): Axis = Axis(label, log = false)

        /** A logarithmic (base 10) axis named [label]. */
        @JvmStatic
        fun log(label: String): Axis = Axis(label, log = true)
    }
}
