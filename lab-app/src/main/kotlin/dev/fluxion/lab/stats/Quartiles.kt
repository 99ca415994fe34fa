package dev.fluxion.lab.stats

/** The first quartile, the median and the third quartile of a sample (linear interpolation between ranks). */
data class Quartiles(val q1: Double, val median: Double, val q3: Double) {
    companion object {
        /** The quartiles of [values], or null for an empty sample. */
        @JvmStatic
        fun of(values: List<Double>): Quartiles? = of(values.toDoubleArray())

        /** The quartiles of [values] (which it sorts in place), or null for an empty sample. */
        @JvmStatic
        fun of(values: DoubleArray): Quartiles? {
            if (values.isEmpty()) return null
            val sorted = values
            sorted.sort()
            fun at(p: Double): Double {
                val position = p * (sorted.size - 1)
                val low = position.toInt()
                val high = minOf(low + 1, sorted.size - 1)
                val w = position - low
                return if (w == 0.0 || sorted[low] == sorted[high]) sorted[low] else sorted[low] + w * (sorted[high] - sorted[low])
            }
            return Quartiles(at(0.25), at(0.5), at(0.75))
        }
    }
}
