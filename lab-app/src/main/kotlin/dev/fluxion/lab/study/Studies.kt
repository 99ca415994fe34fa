package dev.fluxion.lab.study

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.store.ClaimBlocks
import dev.fluxion.lab.store.KeyIndex
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.store.StoreBatch
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.delay
import kotlinx.coroutines.future.future
import kotlinx.coroutines.isActive
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
     * Computes a study into [store]: plans its runs, records the study, skips the runs already there, and computes
     * the rest on [engine], storing each as it finishes and keeping none. [progress] sees a [Progress.Planned]
     * first and then one [Progress.Finished] per computed run, on the engine's worker threads, one at a time (and,
     * for a scan, one [Progress.Refined] per bisection run, on the calling thread).
     * Finished runs are stored in batches ([StoreBatch]: one transaction per 256 runs or per quarter second, whichever
     * comes first), so a killed study loses at most the runs of the last quarter second. Cancelling the calling
     * coroutine stops the runs still going (they are dropped, never half-stored) and returns only once every run that
     * finished is stored ([Engine.forEachFinished]).
     *
     * A scan's bisection runs, each chosen by the one before, come after its grid, one at a time, each stored as it
     * finishes and each cancellable like the grid's: so the report only reads the store, and a Ctrl-C during the
     * bisection keeps the runs that finished. (The bisection reads the grid's runs back whole; a scan's grid is a
     * few dozen runs. [Progress.Planned] counts the grid, and says how many bisection runs may follow.)
     *
     * The store must hold this study or none ([ResultStore.claimStudy]: another study is refused). Several processes
     * may compute one study into one store at once: each claims runs before computing them, a block at a time
     * ([ClaimBlocks]; a process computing on a backend claims the rest of the study at once: [ResultStore.claimRest]),
     * so each run is computed once in all, and each process, once it has no run left to claim, waits for the runs
     * the others claimed ([Progress.Waiting]), taking over those of a process that has ended. (A scan's bisection
     * runs, each chosen by the one before, are not claimed.)
     *
     * A [StagedStudy] goes on stage by stage, each planned from the stored results of the ones before and computed
     * as above (one [Progress.Planned] per stage).
     *
     * Once every run is stored, the landscapes given by code or by plugins are recorded in the store
     * ([recordLandscapes]), so that `fluxion report` needs neither the script nor the plugins' jars.
     *
     * Memory does not grow with the study: read the results back with [ResultStore.summaries] and load traces
     * for the few runs a plot shows, as [dev.fluxion.lab.report.StudyReport] does.
     */
    suspend fun compute(study: Study, store: ResultStore, engine: Engine = Engine(), progress: (Progress) -> Unit = {}) {
        compute(study, store, engine, callerWorks = false, progress)
    }

    /**
     * [compute], with the calling thread as one of the engine's workers when [callerWorks] (see
     * [Engine.forEachResult]): for callers in [runBlocking] whose thread has nothing else to do while the study
     * computes, such as the `fluxion` commands and [run]. A cancellation still stops the runs within 256 steps.
     */
    internal suspend fun compute(study: Study, store: ResultStore, engine: Engine, callerWorks: Boolean,
                                 progress: (Progress) -> Unit) {
        val runs = study.runs(engine)
        val properties = study.properties()
        val planKeys = object : AbstractList<String>() { // made only if the store holds another study's runs
            override val size: Int get() = runs.size
            override fun get(index: Int): String = runs[index].key
        }
        store.claimStudy(properties, planKeys) { stored -> sameStudy(stored, properties) }
        store.releaseAbandonedClaims()
        computeRuns(runs, store, engine, callerWorks, progress, (study as? ScanStudy)?.bisections ?: 0)
        if (study is StagedStudy) {
            var index = 1
            while (true) {
                val stage = study.stage(index++, engine) { specs -> store.summaries(specs) } ?: break
                computeRuns(stage, store, engine, callerWorks, progress, 0)
            }
        }
        if (study is ScanStudy) {
            val context = currentCoroutineContext()
            var done = 0
            study.analyse(store.load(runs), engine) { spec ->
                val found = store.find(spec)
                val result = found ?: runAndStore(spec, store, engine) { context.isActive }
                progress(Progress.Refined(result, ++done, study.bisections, computed = found == null))
                result
            }
        }
        recordLandscapes(study, store, engine)
    }

    /**
     * Computes the [runs] the store lacks (one stage of a study): claimed ([claims]), stored in batches, and
     * waiting for those other processes claimed, as [compute] describes.
     */
    private suspend fun computeRuns(runs: List<RunSpec>, store: ResultStore, engine: Engine, callerWorks: Boolean,
                                    progress: (Progress) -> Unit, bisections: Int) {
        val stored = store.storedKeys()
        val remaining = unstored(runs, stored)
        progress(Progress.Planned(runs.size, runs.size - remaining.size, bisections))
        val batch = StoreBatch(store)
        val keep = { event: Progress.Finished ->
            batch.add(event.result)
            progress(event)
        }
        // the runs of todo this process claims, each stored as it finishes (also when cancelled: every run that
        // finished is stored); then, once every run is stored, a backend's claim on the rest of the study is dropped.
        // A backend that fails keeps its claim: the runs it had not stored stay claimed until this process ends, and
        // another process waiting for them takes them over then (releaseAbandonedClaims), as it would take over the
        // engine's per-run claims; dropped at once, they would be claimed by nobody and wait forever
        suspend fun compute(todo: List<RunSpec>, stored: KeyIndex) {
            if (todo.isEmpty()) return
            val claim = claims(todo, stored, store, engine)
            try {
                engine.forEachFinished(todo, callerWorks, claim, keep)
            } finally {
                batch.flush()
            }
            if (engine.backend != null) store.releaseRest()
        }
        compute(remaining, stored)
        // the runs other processes claimed: wait for them, and take over those of a process that has ended
        var waiting = unstored(remaining, store.storedKeys())
        if (waiting.isNotEmpty()) progress(Progress.Waiting(waiting.size))
        while (waiting.isNotEmpty()) {
            delay(CLAIM_POLL_MILLIS)
            if (store.releaseAbandonedClaims() > 0) {
                val now = store.storedKeys()
                compute(unstored(waiting, now), now)
            }
            waiting = unstored(waiting, store.storedKeys())
        }
    }

    /**
     * Whether this process computes the run at each position of [runs] (found missing from the store's keys
     * [stored]): the engine's workers claim runs a block at a time as they take them ([ClaimBlocks]); a backend, which
     * is handed every run it computes at once, has them claimed with one claim on the rest of the study
     * ([ResultStore.claimRest], released by [computeRuns] once they are stored).
     */
    private fun claims(runs: List<RunSpec>, stored: KeyIndex, store: ResultStore, engine: Engine): (Int) -> Boolean {
        if (engine.backend == null) {
            val blocks = ClaimBlocks(store, runs.size, { runs[it].key })
            return { at -> blocks.granted(at) }
        }
        val granted = store.claimRest(object : AbstractList<String>(), RandomAccess {
            override val size: Int get() = runs.size
            override fun get(index: Int): String = runs[index].key
        }, stored)
        return { at -> granted[at] }
    }

    /**
     * The runs of [runs] whose keys [stored] lacks, each key once (two labels of one run share it), in [runs]' order,
     * as the very specs of [runs]: each spec of the plan is made once here, for its key, and kept, so the claims, the
     * engine or backend, and the store read the same spec and its key, not specs made and hashed again.
     */
    private fun unstored(runs: List<RunSpec>, stored: KeyIndex): Unstored {
        var kept = arrayOfNulls<RunSpec>(minOf(runs.size, 1024))
        var size = 0
        for (spec in runs) {
            if (spec.key in stored) continue
            if (size == kept.size) kept = kept.copyOf(2 * size)
            kept[size++] = spec
        }
        val index = KeyIndex.of(size) { kept[it]!!.key }
        if (index.size == size) return Unstored(kept.copyOf(size))
        val first = (0 until size).filter { index.positionOf(kept[it]!!.key) == it }
        return Unstored(Array(first.size) { kept[first[it]] })
    }

    /** The unstored runs of a plan, made once ([unstored]). */
    private class Unstored(private val specs: Array<RunSpec?>) : AbstractList<RunSpec>(), RandomAccess {
        override val size: Int get() = specs.size
        override fun get(index: Int): RunSpec = specs[index]!!
    }

    /** How often a study waiting for the runs other processes claimed looks at the store. */
    private const val CLAIM_POLL_MILLIS = 200L

    /**
     * Whether a store's recorded study ([stored]) is the study with [properties]: the same properties once the
     * record is read back as a study (so a record of an older fluxion, which lacks properties that now have
     * defaults, still matches).
     */
    private fun sameStudy(stored: Map<String, String>, properties: Map<String, String>): Boolean =
        stored == properties || try {
            Study.of(stored).properties() == properties
        } catch (e: RuntimeException) {
            false
        }

    /**
     * [compute], then every run of the study with its trace, in the study's order. A study of many long runs
     * holds all of their traces at once here; [compute] and [ResultStore.summaries] do not.
     */
    suspend fun execute(study: Study, store: ResultStore, engine: Engine = Engine(),
                        progress: (Progress) -> Unit = {}): List<RunResult> =
        execute(study, store, engine, callerWorks = false, progress)

    /** [execute], with the calling thread as one of the workers when [callerWorks] (see [compute]). */
    private suspend fun execute(study: Study, store: ResultStore, engine: Engine, callerWorks: Boolean,
                                progress: (Progress) -> Unit): List<RunResult> {
        compute(study, store, engine, callerWorks, progress)
        return store.load(study.runs(engine))
    }

    /** [execute], blocking the calling thread, which computes runs too (as in [Engine.forEachResult]). */
    @JvmStatic
    @JvmOverloads
    fun run(study: Study, store: ResultStore, threads: Int = Runtime.getRuntime().availableProcessors(),
            progress: Consumer<Progress> = Consumer {}): List<RunResult> =
        runBlocking { execute(study, store, Engine(threads), callerWorks = true) { progress.accept(it) } }

    /**
     * [execute] on [engine] (its threads, or its [Engine.backend]: a cluster), blocking the calling thread, which
     * computes runs too when they compute here.
     */
    @JvmStatic
    @JvmOverloads
    fun run(study: Study, store: ResultStore, engine: Engine, progress: Consumer<Progress> = Consumer {}): List<RunResult> =
        runBlocking { execute(study, store, engine, callerWorks = true) { progress.accept(it) } }

    /** [execute] in the background; cancelling the future cancels the study and keeps what was stored. */
    @JvmStatic
    @JvmOverloads
    fun submit(study: Study, store: ResultStore, threads: Int = Runtime.getRuntime().availableProcessors(),
               progress: Consumer<Progress> = Consumer {}): CompletableFuture<List<RunResult>> =
        CoroutineScope(SupervisorJob() + Dispatchers.Default).future {
            execute(study, store, Engine(threads)) { progress.accept(it) }
        }

    /**
     * The run of [spec] from [store] if it is there, else computed on [engine] and stored: how the scan's
     * bisection, whose runs depend on earlier ones, resumes and rebuilds its report.
     */
    @JvmStatic
    fun storedOrRun(spec: RunSpec, store: ResultStore, engine: Engine): RunResult =
        store.find(spec) ?: runAndStore(spec, store, engine)

    /** Computes [spec] on the calling thread (polling [isActive] as [Engine.run] does) and stores it. */
    private fun runAndStore(spec: RunSpec, store: ResultStore, engine: Engine, isActive: () -> Boolean = { true }): RunResult =
        engine.run(spec, isActive).also { store.put(it) }

    /** One run, blocking: the Java entry point of `fluxion run`. */
    @JvmStatic
    fun runOne(spec: RunSpec): RunResult = Engine(1).run(spec)

    /** One run in the background. */
    @JvmStatic
    fun submitOne(spec: RunSpec): CompletableFuture<RunResult> =
        CoroutineScope(Dispatchers.Default).future { Engine(1).run(spec) }
}
