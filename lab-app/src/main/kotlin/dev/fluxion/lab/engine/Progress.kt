package dev.fluxion.lab.engine

/** What the engine and the studies report while they work. */
sealed interface Progress {
    /**
     * A study found [stored] of its [total] runs already in the store and will compute the rest; then, for a scan
     * whose grid brackets a divergence edge, up to [bisections] bisection runs (each chosen by the one before, so
     * which are stored is known only as they come: see [Refined]).
     */
    data class Planned @JvmOverloads constructor(val total: Int, val stored: Int, val bisections: Int = 0) : Progress

    /** Every run this process could claim is done; [runs] claimed by other processes are still computing. */
    data class Waiting(val runs: Int) : Progress

    /** Run number [done] of [total] finished with [result]. */
    data class Finished(val result: RunResult, val done: Int, val total: Int) : Progress

    /**
     * A scan's bisection run number [done] (of [total], the scan's bisections) is stored: [result], [computed] now
     * or found in the store.
     */
    data class Refined(val result: RunResult, val done: Int, val total: Int, val computed: Boolean) : Progress
}
