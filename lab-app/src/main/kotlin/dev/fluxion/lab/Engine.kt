package dev.fluxion.lab

import dev.fluxion.landscapes.Landscape
import dev.fluxion.optimizers.Optimizer
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.channelFlow
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicInteger
import java.util.function.Consumer

/**
 * Runs runs in parallel: at most [threads] at once (and at most one per core, the threads of
 * [Dispatchers.Default]), each a [RunLoop] on one thread, under structured concurrency (cancelling the collector
 * cancels every run; a failing run cancels the rest).
 * Results arrive in completion order, which depends on the threads; their content does not. Specs are read with
 * [registries]: the built-ins, or those joined by [Plugins].
 */
class Engine @JvmOverloads constructor(
    val threads: Int = Runtime.getRuntime().availableProcessors(),
    val registries: Registries = Registries.builtIn(),
) {
    init {
        if (threads < 1) throw LabException("threads = $threads must be at least 1")
    }

    private val landscapes = ConcurrentHashMap<String, Landscape>()
    private val optimizers = ConcurrentHashMap<String, Optimizer>()

    /** The landscape of a spec, built once per engine (landscapes are immutable and shared between runs). */
    fun landscape(spec: String): Landscape = landscapes.getOrPut(spec) { registries.landscapes.create(spec) }

    /** The optimizer of a spec, parsed once per engine (each run starts its own state). */
    fun optimizer(spec: String): Optimizer = optimizers.getOrPut(spec) { registries.optimizers.parse(spec) }

    /**
     * A cold flow of progress events for [runs]: one [Progress.Finished] per run as it finishes. Collect it once;
     * cancelling the collection cancels the runs still going (their partial work is dropped).
     *
     * [threads] worker coroutines on [Dispatchers.Default] each take the next run not yet taken until none is
     * left, so a run costs no coroutine of its own and the collecting thread is woken once per result. At most
     * 2 x [threads] finished results wait for the collector; beyond that the workers wait, so a study of many
     * runs holds few results at once.
     */
    fun execute(runs: List<RunSpec>): Flow<Progress.Finished> = channelFlow {
        runs.forEach { landscape(it.landscapeSpec); optimizer(it.optimizerSpec) } // bad specs fail before any run
        val total = runs.size
        val next = AtomicInteger(0)
        val finished = Channel<RunResult>(2 * threads)
        launch {
            coroutineScope {
                repeat(minOf(threads, total)) {
                    launch(Dispatchers.Default) {
                        val context = currentCoroutineContext()
                        val isActive = { context.isActive }
                        while (true) {
                            val i = next.getAndIncrement()
                            if (i >= total) break
                            val spec = runs[i]
                            val result = RunLoop.execute(spec, landscape(spec.landscapeSpec), optimizer(spec.optimizerSpec), isActive)
                            context.ensureActive()
                            finished.send(result)
                        }
                    }
                }
            }
            finished.close()
        }
        var done = 0
        for (result in finished) {
            done++
            send(Progress.Finished(result, done, total))
        }
    }.buffer(Channel.RENDEZVOUS)

    /**
     * Runs [runs] as [execute] does and hands each result to [action] on the calling thread as it finishes (in
     * completion order), blocking until every run is done: the Java face of [execute], holding no result longer
     * than [action] does.
     */
    fun forEachResult(runs: List<RunSpec>, action: Consumer<RunResult>) = runBlocking {
        execute(runs).collect { action.accept(it.result) }
    }

    /** Runs one run on the calling coroutine's dispatcher. */
    fun run(spec: RunSpec): RunResult =
        RunLoop.execute(spec, landscape(spec.landscapeSpec), optimizer(spec.optimizerSpec))
}

/** What the engine and the studies report while they work. */
sealed interface Progress {
    /** A study found [stored] of its [total] runs already in the store and will compute the rest. */
    data class Planned(val total: Int, val stored: Int) : Progress

    /** Run number [done] of [total] finished with [result]. */
    data class Finished(val result: RunResult, val done: Int, val total: Int) : Progress
}
