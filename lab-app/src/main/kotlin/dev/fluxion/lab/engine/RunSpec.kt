package dev.fluxion.lab.engine

/**
 * One run: one optimizer, one landscape, one start, one seed, one budget. Specs are the canonical ones (every
 * parameter written out), so that two spellings of the same run share one [key]; the labels are what the user
 * typed, for tables and legends.
 *
 * @property seed the run's own seed, derived from the study seed and the run's identity ([StableHash]), never
 *   from the order in which threads pick runs up
 */
data class RunSpec(
    val optimizerLabel: String,
    val optimizerSpec: String,
    val landscapeLabel: String,
    val landscapeSpec: String,
    val startIndex: Int,
    val start: List<Double>,
    val seedIndex: Int,
    val studySeed: Long,
    val budget: Budget,
    /** Which steps the run's trace keeps; it changes what is stored, not the result, so the [key] leaves it out. */
    val traces: TracePolicy = TracePolicy.LOG,
) {
    /**
     * The seed of this run's random numbers: hashed when first asked (as the run starts, or as it is stored), then
     * kept, as is the [key]: a spec whose seed and key are never asked (a report's, made by its position in the plan
     * to read its stored summary) costs no hash.
     */
    val seed: Long
        get() = madeSeed ?: StableHash.of(studySeed, optimizerSpec, landscapeSpec, startIndex, seedIndex).also { madeSeed = it }

    /**
     * A unique, stable key: the hash of everything that determines the result, hashed when first asked, then kept
     * (a plan of a million runs asks each spec's key once, to find the runs a store lacks).
     */
    val key: String
        get() = madeKey ?: StableHash.hex(optimizerSpec, landscapeSpec, startIndex,
            start.joinToString(",") { HexDouble.of(it) }, seedIndex, studySeed, budget.identity())
            .also { madeKey = it }

    // Kept once made. A thread may see null and hash again, to the same value: a boxed Long and a String are
    // immutable, so one made on another thread is seen whole; no lock is needed.
    private var madeSeed: Long? = null
    private var madeKey: String? = null

    /** The pair this run belongs to, as `optimizer on landscape`. */
    val pair: String get() = "$optimizerLabel on $landscapeLabel"
}
