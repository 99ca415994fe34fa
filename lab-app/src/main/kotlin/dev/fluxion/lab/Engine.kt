package dev.fluxion.lab

import dev.fluxion.landscapes.Landscape
import dev.fluxion.optimizers.Optimizer
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.consumeEach
import kotlinx.coroutines.channels.trySendBlocking
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
import kotlin.coroutines.EmptyCoroutineContext

/**
 * Runs runs in parallel: at most [threads] at once, each a [RunLoop] on one thread, on the threads of
 * [Dispatchers.Default] (at most one per core) and, in the blocking [forEachResult] (and [Studies.run] and the
 * `fluxion` commands), the caller's own, under structured concurrency (cancelling the collector cancels every run;
 * a failing run cancels the rest).
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
     * Runs [runs] and hands each finished run to [keep], on the worker thread that computed it, as soon as it
     * finishes: one call at a time (calls never overlap, so [keep] needs no locking of its own), in completion
     * order, with the number of runs finished so far. Returns when every run is kept.
     *
     * [threads] worker coroutines on [Dispatchers.Default] each take the next run not yet taken until none is left,
     * so a run costs no coroutine of its own, no result waits in a queue, and no thread is woken per run.
     *
     * Cancelling the caller stops the runs still computing at their next check (every 256 steps); they are
     * dropped, never half-kept. A run whose loop has finished is always kept, even when the cancellation came
     * during its last steps, and this function returns (by throwing the cancellation) only after that: a cancelled
     * study keeps everything that finished.
     */
    suspend fun forEachFinished(runs: List<RunSpec>, keep: (Progress.Finished) -> Unit) {
        forEachFinished(runs, callerWorks = false, keep)
    }

    /**
     * [forEachFinished], with the first worker on the caller's own dispatcher when [callerWorks] (for a caller in
     * [runBlocking], its blocked thread, which then takes runs like any worker and never suspends until none is
     * left; the other [threads] - 1 workers are on [Dispatchers.Default]). Only for callers whose dispatcher has
     * nothing else to do while the runs compute: a flow collector on the same thread would never be resumed.
     *
     * The caller's worker also stops at an interrupt of its thread (which [runBlocking] would only see between
     * tasks, after every run): at its next check it throws [InterruptedException], which cancels the other workers,
     * as [runBlocking] does when interrupted while it waits.
     */
    internal suspend fun forEachFinished(runs: List<RunSpec>, callerWorks: Boolean, keep: (Progress.Finished) -> Unit) {
        runs.forEach { landscape(it.landscapeSpec); optimizer(it.optimizerSpec) } // bad specs fail before any run
        val total = runs.size
        val next = AtomicInteger(0)
        val lock = Any()
        var done = 0
        coroutineScope {
            repeat(minOf(threads, total)) { worker ->
                val onCaller = callerWorks && worker == 0
                launch(if (onCaller) EmptyCoroutineContext else Dispatchers.Default) {
                    val context = currentCoroutineContext()
                    val isActive = if (onCaller) {
                        { context.isActive && !Thread.currentThread().isInterrupted }
                    } else {
                        { context.isActive }
                    }
                    while (true) {
                        val i = next.getAndIncrement()
                        if (i >= total) break
                        val spec = runs[i]
                        val result = try {
                            RunLoop.execute(spec, landscape(spec.landscapeSpec), optimizer(spec.optimizerSpec), isActive)
                        } catch (e: CancellationException) {
                            if (onCaller) throwIfInterrupted()
                            throw e
                        }
                        synchronized(lock) {
                            done++
                            keep(Progress.Finished(result, done, total))
                        }
                        context.ensureActive()
                        if (onCaller) throwIfInterrupted()
                    }
                }
            }
        }
    }

    /**
     * A cold flow of progress events for [runs]: one [Progress.Finished] per run as it finishes, collected on the
     * collector's own context. Collect it once; cancelling the collection cancels the runs still going, and the
     * finished runs not yet collected (at most 2 x [threads]) are dropped with them: to keep every finished run,
     * store it in [forEachFinished]'s action instead, as [Studies.compute] does.
     */
    fun execute(runs: List<RunSpec>): Flow<Progress.Finished> = channelFlow {
        val finished = Channel<Progress.Finished>(2 * threads)
        launch {
            try {
                forEachFinished(runs) { finished.trySendBlocking(it) }
            } finally {
                finished.close()
            }
        }
        finished.consumeEach { send(it) } // a cancelled collection cancels the channel, releasing the workers
    }.buffer(Channel.RENDEZVOUS)

    /**
     * Runs [runs] as [forEachFinished] does and hands each result to [action] as it finishes, on the engine's
     * worker threads but one call at a time, blocking the calling thread until every run is done: the Java face
     * of [forEachFinished], holding no result longer than [action] does.
     *
     * The calling thread, which would only wait, is one of the [threads] workers: with one thread every run computes
     * on the caller's thread, with n the caller and n - 1 threads of [Dispatchers.Default] (which has one per core).
     * (Handing a lone worker's runs to a pool thread while the caller sleeps measured 4% slower in
     * `EngineBenchmark`.) Interrupting the calling thread stops the runs within 256 steps and throws
     * [InterruptedException]; the runs already handed to [action] stay handed.
     *
     * For Java and other blocking code: from a coroutine, call [forEachFinished] instead (this function would hold
     * the coroutine's thread, and an [action] waiting on another coroutine of that thread would wait forever).
     */
    fun forEachResult(runs: List<RunSpec>, action: Consumer<RunResult>) = runBlocking {
        forEachFinished(runs, callerWorks = true) { action.accept(it.result) }
    }

    /** Throws [InterruptedException] (clearing the flag, as blocking calls do) if the calling thread is interrupted. */
    private fun throwIfInterrupted() {
        if (Thread.interrupted()) throw InterruptedException("the thread running the engine's runs was interrupted")
    }

    /**
     * Runs one run on the calling thread. [isActive] is polled every 256 steps; once it is false the run stops and
     * a [kotlinx.coroutines.CancellationException] is thrown (the run is dropped, never half-kept).
     */
    @JvmOverloads
    fun run(spec: RunSpec, isActive: () -> Boolean = { true }): RunResult =
        RunLoop.execute(spec, landscape(spec.landscapeSpec), optimizer(spec.optimizerSpec), isActive)
}

/** What the engine and the studies report while they work. */
sealed interface Progress {
    /**
     * A study found [stored] of its [total] runs already in the store and will compute the rest; then, for a scan
     * whose grid brackets a divergence edge, up to [bisections] bisection runs (each chosen by the one before, so
     * which are stored is known only as they come: see [Refined]).
     */
    data class Planned @JvmOverloads constructor(val total: Int, val stored: Int, val bisections: Int = 0) : Progress

    /** Run number [done] of [total] finished with [result]. */
    data class Finished(val result: RunResult, val done: Int, val total: Int) : Progress

    /**
     * A scan's bisection run number [done] (of [total], the scan's bisections) is stored: [result], [computed] now
     * or found in the store.
     */
    data class Refined(val result: RunResult, val done: Int, val total: Int, val computed: Boolean) : Progress
}
