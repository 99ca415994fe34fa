package dev.fluxion.lab

/**
 * The claims of one process on a study's [runs] ([ResultStore.claimAll]), made a block at a time: asked about a run
 * it has not claimed yet, it claims that run and the next [BLOCK] - 1 of [runs] in one transaction, so that the
 * workers, which take runs in order, ask the store once per block instead of once per run. Another process sees
 * the whole block as taken; it takes the runs after it. Thread-safe.
 */
internal class ClaimBlocks(private val store: ResultStore, private val runs: List<RunSpec>) {
    private val index = HashMap<String, Int>(runs.size * 2).also { map -> runs.forEachIndexed { i, r -> map.putIfAbsent(r.key, i) } }
    private val asked = BooleanArray(runs.size)
    private val granted = HashSet<String>()

    /** Whether this process computes [spec] (claimed now or in an earlier block). */
    @Synchronized
    fun granted(spec: RunSpec): Boolean {
        val at = index[spec.key] ?: return store.claim(spec.key)
        if (!asked[at]) {
            val block = ArrayList<String>(BLOCK)
            var i = at
            while (i < runs.size && block.size < BLOCK) {
                if (!asked[i]) {
                    asked[i] = true
                    block += runs[i].key
                }
                i++
            }
            granted += store.claimAll(block)
        }
        return spec.key in granted
    }

    companion object {
        /** The runs claimed in one transaction. */
        const val BLOCK = 64
    }
}
