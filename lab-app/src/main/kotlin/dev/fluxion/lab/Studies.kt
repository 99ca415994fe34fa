package dev.fluxion.lab

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.future.future
import kotlinx.coroutines.runBlocking
import java.util.concurrent.CompletableFuture
import java.util.function.Consumer

/**
 * Runs studies into a store: computes the runs the store does not hold yet, writes each as it finishes, and
 * returns every run of the study. The Kotlin face is the suspending [execute]; Java gets [run] (blocking) and
 * [submit] (a [CompletableFuture] whose cancellation cancels the runs still going).
 */
object Studies {

    /**
     * Executes a comparison: plans its runs, skips those already in [store], computes the rest on [engine]
     * (storing each as it finishes), and returns all of them in the study's order. [progress] sees a
     * [Progress.Planned] first and then one [Progress.Finished] per computed run.
     */
    suspend fun execute(study: CompareStudy, store: ResultStore, engine: Engine = Engine(),
                        progress: (Progress) -> Unit = {}): List<RunResult> {
        val runs = study.runs(engine)
        val stored = store.keys()
        val todo = runs.filter { it.key !in stored }.distinctBy { it.key }
        progress(Progress.Planned(runs.size, runs.size - todo.size))
        engine.execute(todo).collect { event ->
            store.put(event.result)
            progress(event)
        }
        return store.load(runs)
    }

    /** [execute], blocking the calling thread. */
    @JvmStatic
    @JvmOverloads
    fun run(study: CompareStudy, store: ResultStore, threads: Int = Runtime.getRuntime().availableProcessors(),
            progress: Consumer<Progress> = Consumer {}): List<RunResult> =
        runBlocking { execute(study, store, Engine(threads)) { progress.accept(it) } }

    /** [execute] in the background; cancelling the future cancels the study and keeps what was stored. */
    @JvmStatic
    @JvmOverloads
    fun submit(study: CompareStudy, store: ResultStore, threads: Int = Runtime.getRuntime().availableProcessors(),
               progress: Consumer<Progress> = Consumer {}): CompletableFuture<List<RunResult>> =
        CoroutineScope(SupervisorJob() + Dispatchers.Default).future {
            execute(study, store, Engine(threads)) { progress.accept(it) }
        }

    /** One run, blocking: the Java entry point of `fluxion run`. */
    @JvmStatic
    fun runOne(spec: RunSpec): RunResult = Engine(1).run(spec)

    /** One run in the background. */
    @JvmStatic
    fun submitOne(spec: RunSpec): CompletableFuture<RunResult> =
        CoroutineScope(Dispatchers.Default).future { Engine(1).run(spec) }
}
