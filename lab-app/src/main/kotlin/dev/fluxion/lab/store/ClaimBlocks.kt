package dev.fluxion.lab.store

/**
 * The claims of one process on a study's runs ([ResultStore.claimAll]), [size] runs whose keys [keyAt] gives, made
 * [block] runs at a time: asked about a run it has not claimed yet, it claims that run and the next [block] - 1 in
 * one transaction, so that the workers, which take runs in order, ask the store once per block instead of once per
 * run. Another process sees the whole block as taken; it takes the runs after it. Thread-safe.
 */
internal class ClaimBlocks(private val store: ResultStore, size: Int, private val keyAt: (Int) -> String,
                           private val block: Int = BLOCK) {
    init {
        require(block >= 1) { "a block of claims must hold a run at least, not $block" }
    }

    private val asked = BooleanArray(size)
    private val granted = BooleanArray(size)

    /** Whether this process computes the run at position [at] (claimed now or in an earlier block). */
    @Synchronized
    fun granted(at: Int): Boolean {
        if (!asked[at]) {
            val positions = ArrayList<Int>(minOf(block, asked.size - at))
            var i = at
            while (i < asked.size && positions.size < block) {
                if (!asked[i]) {
                    asked[i] = true
                    positions += i
                }
                i++
            }
            val keys = positions.map(keyAt)
            val claimed = store.claimAll(keys)
            positions.forEachIndexed { j, position -> granted[position] = keys[j] in claimed }
        }
        return granted[at]
    }

    companion object {
        /**
         * The runs claimed in one transaction by the engine's workers, which claim runs as they take them. (A
         * backend's runs, handed over at once, are claimed with one claim on the rest of the study instead:
         * [ResultStore.claimRest].)
         */
        const val BLOCK = 64
    }
}
