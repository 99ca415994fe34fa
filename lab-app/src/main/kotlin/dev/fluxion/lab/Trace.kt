package dev.fluxion.lab

/**
 * What a run looked like: at each kept step k (steps completed before the point, so k = 0 is the start), the loss
 * f(x_k), the gradient norm ||grad f(x_k)||, the length of the step taken from x_k (0 for the last point), and
 * for two-dimensional landscapes the position x_k.
 *
 * Every step is kept up to [Recorder.keepAll] steps; after that the kept steps are log-spaced (each at least
 * [Recorder.ratio] times the previous), so a long run costs O(log steps) memory.
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
        /** Reads [toBytes]. */
        @JvmStatic
        fun fromBytes(bytes: ByteArray): Trace {
            val buffer = java.nio.ByteBuffer.wrap(bytes)
            val n = buffer.getInt()
            val p = buffer.getInt()
            return Trace(LongArray(n) { buffer.getLong() }, DoubleArray(n) { buffer.getDouble() },
                DoubleArray(n) { buffer.getDouble() }, DoubleArray(n) { buffer.getDouble() },
                DoubleArray(p) { buffer.getDouble() })
        }
    }

    /** Collects a trace step by step without boxing. */
    class Recorder(private val withPositions: Boolean, val keepAll: Long = 1000, val ratio: Double = 1.02) {
        private var steps = LongArray(64)
        private var loss = DoubleArray(64)
        private var gradientNorm = DoubleArray(64)
        private var stepLength = DoubleArray(64)
        private var positions = DoubleArray(if (withPositions) 128 else 0)
        private var size = 0
        private var nextKept = 0L

        /** Whether step k would be kept (so callers can skip work for the others). */
        fun keeps(k: Long): Boolean = k <= keepAll || k >= nextKept

        /** Records the point after k steps; kept only if [keeps] says so, or if [force] (the last point). */
        fun record(k: Long, f: Double, gradNorm: Double, step: Double, x: DoubleArray, force: Boolean = false) {
            if (!force && !keeps(k)) return
            if (size > 0 && steps[size - 1] == k) size-- // the last point may be recorded again with more facts
            if (size == steps.size) grow()
            steps[size] = k
            loss[size] = f
            gradientNorm[size] = gradNorm
            stepLength[size] = step
            if (withPositions) {
                positions[2 * size] = x[0]
                positions[2 * size + 1] = x[1]
            }
            size++
            if (k >= keepAll) nextKept = maxOf(k + 1, Math.ceil(k * ratio).toLong())
        }

        private fun grow() {
            val n = steps.size * 2
            steps = steps.copyOf(n)
            loss = loss.copyOf(n)
            gradientNorm = gradientNorm.copyOf(n)
            stepLength = stepLength.copyOf(n)
            if (withPositions) positions = positions.copyOf(2 * n)
        }

        /** The trace so far. */
        fun build(): Trace = Trace(steps.copyOf(size), loss.copyOf(size), gradientNorm.copyOf(size),
            stepLength.copyOf(size), if (withPositions) positions.copyOf(2 * size) else DoubleArray(0))
    }
}
