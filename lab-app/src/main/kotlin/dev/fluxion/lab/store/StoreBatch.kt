package dev.fluxion.lab.store

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.RunResult

/**
 * Finished runs on their way to a [ResultStore]: held until [MAX_RUNS] are waiting or [MAX_MILLIS] have passed since
 * the last write, then stored in one transaction ([ResultStore.putAll]). A transaction per run would cost more than a
 * short run itself (and twice that with the claims of [ClaimBlocks]); a batch loses at most its own runs if the
 * process is killed, and [flush] stores them at every orderly end, cancellation included.
 *
 * Not thread-safe: [Engine.forEachFinished] hands over finished runs one at a time.
 */
internal class StoreBatch(private val store: ResultStore) {
    private val waiting = ArrayList<RunResult>()
    private var lastWrite = System.nanoTime()

    /** Adds a finished run; stores the batch when it is full or old enough. */
    fun add(result: RunResult) {
        waiting += result
        if (waiting.size >= MAX_RUNS || System.nanoTime() - lastWrite >= MAX_MILLIS * 1_000_000) flush()
    }

    /** Stores every waiting run now. */
    fun flush() {
        if (waiting.isNotEmpty()) {
            store.putAll(waiting)
            waiting.clear()
        }
        lastWrite = System.nanoTime()
    }

    companion object {
        /** The most runs a batch holds. */
        const val MAX_RUNS = 256

        /** The longest a finished run waits to be stored, in milliseconds (but for the time of one run). */
        const val MAX_MILLIS = 250L
    }
}
