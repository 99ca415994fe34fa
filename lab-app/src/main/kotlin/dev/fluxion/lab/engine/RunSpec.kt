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
    /** The seed of this run's random numbers (hashed once, here: a run asks for it as it starts). */
    val seed: Long = StableHash.of(studySeed, optimizerSpec, landscapeSpec, startIndex, seedIndex)

    /** A unique, stable key: the hash of everything that determines the result (hashed once, here). */
    val key: String = StableHash.hex(optimizerSpec, landscapeSpec, startIndex,
        start.joinToString(",") { java.lang.Double.toHexString(it) }, seedIndex, studySeed, budget.identity())

    /** The pair this run belongs to, as `optimizer on landscape`. */
    val pair: String get() = "$optimizerLabel on $landscapeLabel"
}
