package dev.fluxion.lab.engine

import java.util.function.Consumer

/**
 * Where an [Engine] computes its runs when not on its own threads: a cluster, such as Apache Spark's (module
 * `lab-spark`). A backend computes each run with the same [RunLoop] as the engine, from the run's spec alone, so its
 * results are the engine's bit for bit; it only changes where they are computed. Backends are found by name
 * ([RunBackendProvider.open]) through [java.util.ServiceLoader], so the lab does not depend on any of them.
 */
interface RunBackend : AutoCloseable {
    /** The backend's name and where it computes, for messages, such as `spark at spark://host:7077`. */
    fun describe(): String

    /**
     * Computes [runs] and hands each result to [keep] on the calling thread, one call at a time, each run exactly
     * once, as the runs finish (in batches: a backend may hand over a group of runs at once). Blocks until every run
     * is handed over; an interrupt of the calling thread stops the computation and throws
     * [java.util.concurrent.CancellationException] (the runs already handed over stay handed).
     *
     * @throws LabException when the backend cannot compute the runs (its cluster is unreachable, a task failed
     *   too often), naming the cause
     */
    fun forEachFinished(runs: List<RunSpec>, keep: Consumer<RunResult>)

    /** Releases the backend's connection to its cluster. */
    override fun close()
}
