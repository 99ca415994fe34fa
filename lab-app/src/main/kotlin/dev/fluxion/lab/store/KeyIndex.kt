package dev.fluxion.lab.store

import dev.fluxion.lab.study.ComparisonPlan
import dev.fluxion.lab.engine.RunSpec

/**
 * Run keys ([RunSpec.key], 16 hex digits) and where each first appears in a list, as a sorted array of their 64-bit
 * values and an array of positions: 12 bytes a key, so that the keys of a million runs (a plan's, or a store's)
 * take 12 MB instead of a set of a million strings. A key that is not 16 hex digits (none that this lab writes) is
 * kept in a map of its own.
 */
class KeyIndex private constructor(
    private val sorted: LongArray,
    private val positions: IntArray,
    private val others: Map<String, Int>,
) {
    /** The number of distinct keys. */
    val size: Int get() = sorted.size + others.size

    /** Whether [key] is one of the keys. */
    operator fun contains(key: String): Boolean = positionOf(key) >= 0

    /** The first position of [key] in the list the index was made of, or -1. */
    fun positionOf(key: String): Int {
        val value = valueOf(key) ?: return others[key] ?: -1
        val at = java.util.Arrays.binarySearch(sorted, value)
        return if (at >= 0) positions[at] else -1
    }

    /** The number of keys of this index that [other] holds too. */
    fun countIn(other: KeyIndex): Int {
        var count = 0
        for (v in sorted) if (java.util.Arrays.binarySearch(other.sorted, v) >= 0) count++
        return count + others.keys.count { it in other }
    }

    /** Whether [other] holds every key of this index. */
    fun allIn(other: KeyIndex): Boolean = countIn(other) == size

    companion object {
        /** The index of the keys [keys] gives, position i being the i-th key given. */
        @JvmStatic
        fun of(keys: Iterator<String>): KeyIndex {
            var values = LongArray(1024)
            var valuePositions = IntArray(1024)
            var hex = 0
            val others = HashMap<String, Int>()
            var i = 0
            while (keys.hasNext()) {
                val key = keys.next()
                val value = valueOf(key)
                if (value == null) others.putIfAbsent(key, i) else {
                    if (hex == values.size) {
                        values = values.copyOf(2 * hex)
                        valuePositions = valuePositions.copyOf(2 * hex)
                    }
                    values[hex] = value
                    valuePositions[hex++] = i
                }
                i++
            }
            // the distinct values, sorted; then each value's first position, found by a binary search from each position
            val keysSorted = values.copyOf(hex)
            keysSorted.sort()
            var distinct = 0
            for (j in keysSorted.indices) if (j == 0 || keysSorted[j] != keysSorted[j - 1]) keysSorted[distinct++] = keysSorted[j]
            val sorted = keysSorted.copyOf(distinct)
            val positions = IntArray(distinct) { -1 }
            for (j in 0 until hex) {
                val at = java.util.Arrays.binarySearch(sorted, values[j])
                if (positions[at] < 0) positions[at] = valuePositions[j]
            }
            return KeyIndex(sorted, positions, others)
        }

        /** The index of [count] keys, the key at position i being [keyAt] (i). */
        @JvmStatic
        fun of(count: Int, keyAt: (Int) -> String): KeyIndex = of((0 until count).asSequence().map(keyAt).iterator())

        /** The index of [keys], in their order. */
        @JvmStatic
        fun of(keys: List<String>): KeyIndex = of(keys.size) { keys[it] }

        /** The keys of the runs of [runs], made one at a time ([ComparisonPlan] makes each spec as it is asked). */
        @JvmStatic
        fun ofRuns(runs: List<RunSpec>): KeyIndex = of(runs.size) { runs[it].key }

        /** A key's 64-bit value, or null when it is not 16 hex digits. */
        private fun valueOf(key: String): Long? {
            if (key.length != 16) return null
            for (c in key) if (c !in '0'..'9' && c !in 'a'..'f') return null
            return java.lang.Long.parseUnsignedLong(key, 16)
        }
    }
}
