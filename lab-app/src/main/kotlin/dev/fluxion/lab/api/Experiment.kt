package dev.fluxion.lab.api

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.store.KeyIndex
import dev.fluxion.lab.store.OutputFile
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.Studies
import dev.fluxion.lab.study.StagedStudy
import dev.fluxion.lab.study.Study
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.future.future
import kotlinx.coroutines.runBlocking
import java.nio.file.Path
import java.util.concurrent.CompletableFuture
import java.util.function.Consumer

/**
 * A study with the engine it runs on and the store it goes into, as a [StudyBuilder] made it: [run] (blocking),
 * [execute] (suspending) and [submit] (a [CompletableFuture]) compute it through [Studies.compute], as the `fluxion`
 * commands do, and read its runs back as [StudyResults].
 *
 * A study whose optimizers defined in code have changed since the store took its runs (the same study but for the
 * hashes of `NAME#HASH`) first drops the runs of the old code, then resumes: exactly the changed optimizers' runs
 * are computed again (in a staged study, a tune, those whose labels name the old code).
 */
class Experiment(val study: Study, val engine: Engine, val store: Path) {

    /** Computes the study, blocking; the calling thread computes runs too. */
    @JvmOverloads
    fun run(progress: Consumer<Progress> = Consumer {}): StudyResults = runBlocking { compute(true) { progress.accept(it) } }

    /** Computes the study in the coroutine's scope; cancelling it stops the runs still going, keeping the stored ones. */
    suspend fun execute(progress: (Progress) -> Unit = {}): StudyResults = compute(false, progress)

    /** Computes the study in the background; cancelling the future cancels the study and keeps what was stored. */
    @JvmOverloads
    fun submit(progress: Consumer<Progress> = Consumer {}): CompletableFuture<StudyResults> =
        CoroutineScope(SupervisorJob() + Dispatchers.Default).future { compute(false) { progress.accept(it) } }

    private suspend fun compute(callerWorks: Boolean, progress: (Progress) -> Unit): StudyResults {
        val runs = study.runs(engine) // a bad spec fails here, before the store is made
        store.toAbsolutePath().parent?.let { OutputFile.checkFolder(it) }
        return ResultStore.open(store).use { results ->
            dropChangedCode(results, runs)
            Studies.compute(study, results, engine, callerWorks, progress)
            StudyResults(study, results.load(runs), store, engine)
        }
    }

    /**
     * Drops the stored runs of optimizers whose code changed, when that is all that changed in the study: the runs
     * the plan no longer lists; for a staged study, whose later runs its first plan does not list, the runs whose
     * label names a hash of code the study no longer has, after which the study is recorded anew over the rest.
     */
    private fun dropChangedCode(results: ResultStore, runs: List<dev.fluxion.lab.engine.RunSpec>) {
        val recorded = results.study()
        val properties = study.properties()
        if (recorded.isEmpty() || recorded == properties) return
        if (recorded.mapValues { unhashed(it.value) } != properties.mapValues { unhashed(it.value) }) return
        if (study !is StagedStudy) {
            results.removeRunsNotIn(KeyIndex.ofRuns(runs))
            return
        }
        val stale = hashes(recorded) - hashes(properties)
        val kept = ArrayList<String>()
        results.forEachRow(false) { row -> if (stale.none { it in row.optimizer }) kept += row.key }
        results.removeRunsNotIn(KeyIndex.of(kept))
        results.claimStudy(properties, kept)
    }

    /** The `#HASH`es of code that [properties] name. */
    private fun hashes(properties: Map<String, String>): Set<String> =
        properties.values.flatMap { text -> HASH.findAll(text).map { it.value }.toList() }.toSet()

    private fun unhashed(text: String) = HASH.replace(text, "#")

    private companion object {
        val HASH = Regex("#[0-9a-f]{8,64}")
    }
}
