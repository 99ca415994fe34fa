package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException
import dev.fluxion.lab.study.Studies
import dev.fluxion.lab.study.Study
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
import kotlinx.coroutines.runInterruptible
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
 * [registries]: the built-ins, or those joined by [Plugins]; and `NAME#HASH` names one of the [extensions],
 * optimizers and landscapes defined in code.
 */
class Engine @JvmOverloads constructor(
    val threads: Int = Runtime.getRuntime().availableProcessors(),
    val registries: Registries = Registries.builtIn(),
    /**
     * The wall-clock limit of each run. With a limit, each run computes on a thread of its own that its worker
     * watches, so that a step that never returns (a plugin's endless loop) is given up at the limit, recorded as
     * [Outcome.TimedOut], and left to finish on its daemon thread, while the study goes on; without one, runs
     * compute on the workers themselves.
     */
    val runTimeout: RunTimeout = RunTimeout.NONE,
    /** The optimizers and landscapes defined in code (a script's, a test's) that specs `NAME#HASH` name. */
    val extensions: Extensions = Extensions.NONE,
    /**
     * Where the study runs of [forEachFinished] compute, when not on the engine's threads (a cluster: see
     * [RunBackend]); [run] (one run, such as a scan's bisection) still computes here. [threads] and [runTimeout]
     * then apply to those single runs only.
     */
    val backend: RunBackend? = null,
) {
    init {
        if (threads < 1) throw LabException("threads = $threads must be at least 1")
    }

    private val landscapes = ConcurrentHashMap<String, Landscape>()
    private val optimizers = ConcurrentHashMap<String, Optimizer>()

    /**
     * The landscape of a spec, built once per engine (landscapes are immutable and shared between runs). A provider
     * that throws something other than the registries' own errors (a plugin's bug) is a [LabException] naming the
     * spec, the exception and where it was thrown.
     */
    fun landscape(spec: String): Landscape = landscapes.getOrPut(spec) {
        extensions.landscape(spec) ?: if (Extensions.isHashed(spec)) {
            throw LabException("landscape '$spec' was given by code (a script's Objective, say: '#' and the hash of its " +
                "code follow its name), which this engine was not given: run the study from that code")
        } else made("landscape", spec) { registries.landscapes.create(spec) }
    }

    /** The optimizer of a spec, parsed once per engine (each run starts its own state); errors as for [landscape]. */
    fun optimizer(spec: String): Optimizer = optimizers.getOrPut(spec) {
        // a family's optimizer is made by the code that defines it, which may throw as a plugin's provider may
        made("optimizer", spec) { extensions.optimizer(spec) } ?: if (Extensions.isHashed(spec)) {
            throw LabException("optimizer '$spec' was defined in code (a script's, say: '#' and the hash of its code " +
                "follow its name), which this engine was not given: run or report the study from that code")
        } else made("optimizer", spec) { registries.optimizers.parse(spec) }
    }

    private fun <T> made(kind: String, spec: String, make: () -> T): T = try {
        make()
    } catch (e: RuntimeException) {
        if (e is LabException || e is dev.fluxion.optimizers.OptimizerException ||
            e is dev.fluxion.landscapes.LandscapeException || e is dev.fluxion.dsl.DslException) throw e
        throw LabException("$kind '$spec' could not be made: ${RunLoop.describe(e)}", e)
    } catch (e: LinkageError) {
        throw LabException("$kind '$spec' could not be made: ${RunLoop.describe(e)}", e)
    }

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
        forEachFinished(runs, callerWorks, null, keep)
    }

    /**
     * [forEachFinished], computing only the runs that [claim] grants (asked, with the run's position in [runs], by
     * each worker just before each run, so it must be thread-safe): how several processes share one study's runs
     * ([Studies.compute]). Every spec is parsed before any run, so a bad one fails first: each distinct spec once
     * for a [RunPlan] (a study's plan), each run's for another list.
     */
    internal suspend fun forEachFinished(runs: List<RunSpec>, callerWorks: Boolean, claim: ((Int) -> Boolean)?,
                                         keep: (Progress.Finished) -> Unit) {
        if (runs is RunPlan) {
            runs.landscapeSpecs.forEach { landscape(it) }
            runs.optimizerSpecs.forEach { optimizer(it) }
        } else {
            runs.forEach { landscape(it.landscapeSpec); optimizer(it.optimizerSpec) } // bad specs fail before any run
        }
        if (backend != null) return onBackend(backend, runs, claim, keep)
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
                        if (claim != null && !claim(i)) continue
                        val spec = runs[i]
                        val result = try {
                            run(spec, isActive)
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
     * [forEachFinished] on [backend]: the runs [claim] grants (all asked here, before any computes) go to the backend
     * at once, and each result comes back to [keep] on this thread. Cancelling the caller interrupts the backend's
     * wait, which stops its computation; the runs already kept stay kept.
     */
    private suspend fun onBackend(backend: RunBackend, runs: List<RunSpec>, claim: ((Int) -> Boolean)?,
                                  keep: (Progress.Finished) -> Unit) {
        val claimed = if (claim == null) runs else runs.indices.filter { claim(it) }.let { at ->
            object : AbstractList<RunSpec>(), RandomAccess {
                override val size: Int get() = at.size
                override fun get(index: Int): RunSpec = runs[at[index]]
            }
        }
        if (claimed.isEmpty()) return
        var done = 0
        runInterruptible { backend.forEachFinished(claimed) { keep(Progress.Finished(it, ++done, runs.size)) } }
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

    /**
     * Runs [spec] on a thread of [RUN_THREADS] while the calling worker watches it: returns its result, or, once the
     * run's limit (and a second's grace for the run's own check) has passed, a [Outcome.TimedOut] result (the step
     * it was in never returned; the thread is left to it), or throws the cancellation when [isActive] turns false.
     */
    private fun watched(spec: RunSpec, isActive: () -> Boolean): RunResult {
        val landscape = landscape(spec.landscapeSpec)
        val optimizer = optimizer(spec.optimizerSpec)
        val abandoned = java.util.concurrent.atomic.AtomicBoolean(false)
        val reached = java.util.concurrent.atomic.AtomicLong(0)
        val run = java.util.concurrent.CompletableFuture.supplyAsync({
            RunLoop.execute(spec, landscape, optimizer, {
                reached.addAndGet(256)
                !abandoned.get() && isActive()
            }, runTimeout)
        }, RUN_THREADS)
        val giveUp = runTimeout.deadlineFromNow() + 1_000_000_000L
        while (true) {
            try {
                return run.get(50, java.util.concurrent.TimeUnit.MILLISECONDS)
            } catch (e: java.util.concurrent.TimeoutException) {
                if (!isActive()) {
                    abandoned.set(true)
                    throw CancellationException("run cancelled")
                }
                if (System.nanoTime() - giveUp > 0) {
                    abandoned.set(true)
                    val step = maxOf(0L, reached.get() - 256)
                    return RunResult.unfinished(spec, Outcome.TimedOut(step, "a step did not return within the " +
                        "limit of ${runTimeout.seconds()} s (--run-timeout), after step $step or later"), step)
                }
            } catch (e: java.util.concurrent.ExecutionException) {
                throw e.cause ?: e
            }
        }
    }

    /** Throws [InterruptedException] (clearing the flag, as blocking calls do) if the calling thread is interrupted. */
    private fun throwIfInterrupted() {
        if (Thread.interrupted()) throw InterruptedException("the thread running the engine's runs was interrupted")
    }

    /**
     * Runs one run on the calling thread (with a [runTimeout], on a watched thread of its own: see [watched]).
     * [isActive] is polled every 256 steps; once it is false the run stops and a
     * [kotlinx.coroutines.CancellationException] is thrown (the run is dropped, never half-kept).
     */
    @JvmOverloads
    fun run(spec: RunSpec, isActive: () -> Boolean = { true }): RunResult =
        if (runTimeout.limit == null) RunLoop.execute(spec, landscape(spec.landscapeSpec), optimizer(spec.optimizerSpec), isActive)
        else watched(spec, isActive)
}

/**
 * The threads that compute runs with a time limit ([Engine.runTimeout]): daemon threads, made as needed and ended
 * after a minute idle, so that a thread stuck in a step that never returns does not keep the lab from exiting.
 */
private val RUN_THREADS: java.util.concurrent.ExecutorService = java.util.concurrent.Executors.newCachedThreadPool { task ->
    Thread(task, "fluxion-run").apply { isDaemon = true }
}
