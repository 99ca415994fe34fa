package dev.fluxion.lab.store

import dev.fluxion.lab.engine.RunResult

/**
 * How the store keeps a run's steps (or evaluations) to each target ([RunResult.hitSteps], [RunResult.hitEvaluations]):
 * a few bytes where the comma-separated text of earlier stores took up to 150 for a suite's 51 targets.
 *
 * A run's counts to targets that tighten are non-decreasing while it hits them, and once it misses one (-1) it
 * misses all finer ones, so the counts change little from one target to the next and end in a run of equal values.
 * The encoding writes, as unsigned LEB128 varints (7 bits a byte, low bits first, the high bit set on every byte but
 * the last):
 *
 *     n                      the number of targets
 *     k                      how many counts are written; counts k..n-1 repeat count k-1 (or are -1 when k = 0)
 *     zigzag(c[i] - c[i-1])  for i = 0..k-1, with c[-1] = -1
 *
 * where zigzag(d) = (d << 1) xor (d >> 63) maps small differences of either sign to small unsigned numbers. Hits at
 * steps 30, 33, 53 and then misses of 51 targets take 6 bytes: 51, 4, 62, 6, 40, 107 (the difference -54); no hit
 * at all takes 2. Differences are taken modulo 2^64, so every [Long] sequence round-trips, however large or negative
 * its values (a count is at most [Long.MAX_VALUE]); a varint takes at most 10 bytes.
 */
object HitCounts {
    /** The bytes of [counts]. */
    @JvmStatic
    fun encode(counts: List<Long>): ByteArray {
        var written = counts.size
        val tail = counts.lastOrNull() ?: MISS
        while (written > 0 && counts[written - 1] == tail && (written == 1 || counts[written - 2] == tail)) written--
        // the repeated tail starts after its first value, which is written (unless the tail is all misses)
        if (written == 0 && tail != MISS) written = 1
        val out = java.io.ByteArrayOutputStream(2 + written)
        varint(out, counts.size.toLong())
        varint(out, written.toLong())
        var previous = MISS
        for (i in 0 until written) {
            val d = counts[i] - previous
            varint(out, (d shl 1) xor (d shr 63))
            previous = counts[i]
        }
        return out.toByteArray()
    }

    /** The counts [bytes] encode, or null when they are not an encoding of counts (cut short, or bytes left over). */
    @JvmStatic
    fun decodeOrNull(bytes: ByteArray): List<Long>? {
        val input = Reader(bytes)
        val n = input.varint() ?: return null
        val written = input.varint() ?: return null
        if (n > bytes.size.toLong() * MAX_REPEAT || written > n) return null
        val counts = ArrayList<Long>(n.toInt())
        var previous = MISS
        for (i in 0 until written.toInt()) {
            val z = input.varint() ?: return null
            previous += (z ushr 1) xor -(z and 1)
            counts.add(previous)
        }
        if (input.position != bytes.size) return null
        while (counts.size < n) counts.add(previous)
        return counts
    }

    /** A count for a target not reached. */
    private const val MISS = -1L

    /** A guard against a damaged count: no budget has more targets than this many per byte of the encoding. */
    private const val MAX_REPEAT = 1L shl 16

    private fun varint(out: java.io.ByteArrayOutputStream, value: Long) {
        var v = value
        while (v and 0x7FL.inv() != 0L) {
            out.write(((v and 0x7F) or 0x80).toInt())
            v = v ushr 7
        }
        out.write(v.toInt())
    }

    private class Reader(val bytes: ByteArray) {
        var position = 0

        /** The next varint, or null when the bytes end inside it or it runs past 10 bytes. */
        fun varint(): Long? {
            var value = 0L
            var shift = 0
            while (position < bytes.size && shift < 64) {
                val b = bytes[position++].toInt()
                value = value or ((b and 0x7F).toLong() shl shift)
                if (b and 0x80 == 0) return value
                shift += 7
            }
            return null
        }
    }
}
