package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException

/**
 * What a run looked like: at each kept step k (steps completed before the point, so k = 0 is the start), the loss
 * f(x_k), the gradient norm ||grad f(x_k)||, the length of the step taken from x_k (0 for the last point), and
 * for two-dimensional landscapes the position x_k.
 *
 * Every step is kept up to [TraceRecorder.keepAll] steps; after that the kept steps are log-spaced (each at least
 * [TraceRecorder.ratio] times the previous), so a long run costs O(log steps) memory. [TraceRecorder] writes one.
 */
class Trace(
    val steps: LongArray,
    val loss: DoubleArray,
    val gradientNorm: DoubleArray,
    val stepLength: DoubleArray,
    /** x_k interleaved (x, y, x, y, ...) for 2-D landscapes, empty otherwise. */
    val positions: DoubleArray,
) {
    /** The number of kept points. */
    val size: Int get() = steps.size

    /** Whether positions were recorded. */
    val hasPositions: Boolean get() = positions.size == 2 * steps.size && steps.isNotEmpty()

    override fun equals(other: Any?): Boolean = other is Trace && steps.contentEquals(other.steps) &&
        loss.contentEquals(other.loss) && gradientNorm.contentEquals(other.gradientNorm) &&
        stepLength.contentEquals(other.stepLength) && positions.contentEquals(other.positions)

    override fun hashCode(): Int = steps.contentHashCode() * 31 + loss.contentHashCode()

    /** The trace as bytes (big-endian; counts, then the arrays), for the store. */
    fun toBytes(): ByteArray {
        val buffer = java.nio.ByteBuffer.allocate(8 + 8 * (4 * size + positions.size))
        buffer.putInt(size).putInt(positions.size)
        steps.forEach { buffer.putLong(it) }
        loss.forEach { buffer.putDouble(it) }
        gradientNorm.forEach { buffer.putDouble(it) }
        stepLength.forEach { buffer.putDouble(it) }
        positions.forEach { buffer.putDouble(it) }
        return buffer.array()
    }

    companion object {
        /** The trace of nothing: no kept steps. */
        @JvmField
        val EMPTY = Trace(LongArray(0), DoubleArray(0), DoubleArray(0), DoubleArray(0), DoubleArray(0))

        /**
         * Reads [toBytes].
         *
         * @throws LabException when [bytes] are not a trace
         */
        @JvmStatic
        fun fromBytes(bytes: ByteArray): Trace =
            fromBytesOrNull(bytes) ?: throw LabException("${bytes.size} bytes that are not a trace")

        /**
         * Reads [toBytes], or null when [bytes] are not a trace: the counts they start with must be non-negative
         * and account for every byte (so garbage is refused before anything is allocated for it).
         */
        @JvmStatic
        fun fromBytesOrNull(bytes: ByteArray): Trace? {
            if (bytes.size < 8) return null
            val buffer = java.nio.ByteBuffer.wrap(bytes)
            val n = buffer.getInt()
            val p = buffer.getInt()
            if (n < 0 || p < 0 || 8L + 8L * (4L * n + p) != bytes.size.toLong()) return null
            return Trace(LongArray(n) { buffer.getLong() }, DoubleArray(n) { buffer.getDouble() },
                DoubleArray(n) { buffer.getDouble() }, DoubleArray(n) { buffer.getDouble() },
                DoubleArray(p) { buffer.getDouble() })
        }
    }
}
