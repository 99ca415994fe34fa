package dev.fluxion.lab.store

import dev.fluxion.lab.engine.RunSpec

/**
 * The claims of one process on a study's [runs] ([ResultStore.claimAll]), made a block at a time: asked about a run
 * it has not claimed yet, it claims that run and the next [BLOCK] - 1 of [runs] in one transaction, so that the
 * workers, which take runs in order, ask the store once per block instead of once per run. Another process sees
 * the whole block as taken; it takes the runs after it. Thread-safe.
 */
internal class ClaimBlocks(private val store: ResultStore, private val runs: List<RunSpec>) {
    private val asked = BooleanArray(runs.size)
    private val granted = BooleanArray(runs.size)

    /** Whether this process computes the run at position [at] of [runs] (claimed now or in an earlier block). */
    @Synchronized
    fun granted(at: Int): Boolean {
        if (!asked[at]) {
            val block = ArrayList<Int>(BLOCK)
            var i = at
            while (i < runs.size && block.size < BLOCK) {
                if (!asked[i]) {
                    asked[i] = true
                    block += i
                }
                i++
            }
            val keys = block.map { runs[it].key }
            val claimed = store.claimAll(keys)
            block.forEachIndexed { j, position -> granted[position] = keys[j] in claimed }
        }
        return granted[at]
    }

    companion object {
        /** The runs claimed in one transaction. */
        const val BLOCK = 64
    }
}
