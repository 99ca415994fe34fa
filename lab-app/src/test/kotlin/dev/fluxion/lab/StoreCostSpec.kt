package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.TracePolicy
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Studies
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.shouldBe
import java.nio.file.Files

/**
 * What a run costs in the store: without traces (`--traces none`) a few hundred bytes, its specs, start and budget
 * left to the study record; with them, the trace's points. The summaries, and so the tables and exports, are the
 * same under every policy.
 */
class StoreCostSpec : FunSpec({
    val folder = temporaryFolder("fluxion-store-cost")

    fun study(traces: TracePolicy) = CompareStudy(listOf("gd(lr=0.01)", "momentum(lr=0.01)"), listOf("sphere", "booth"),
        StartPlan("random:500"), budget = Budget(maxSteps = 300), name = "cost", traces = traces)

    fun store(traces: TracePolicy): Pair<ResultStore, java.nio.file.Path> {
        val path = folder.resolve("cost-${traces.text.replace(':', '-')}.sqlite")
        val store = ResultStore.open(path)
        Studies.run(study(traces), store, threads = 2)
        return store to path
    }

    test("without traces a run costs under 300 bytes in the store, and its summary is the one kept with traces") {
        val (none, nonePath) = store(TracePolicy.NONE)
        val (log, _) = store(TracePolicy.LOG)
        val (every, _) = store(TracePolicy.Every(50))
        val runs = study(TracePolicy.NONE).runs(Engine(1))
        runs.size shouldBe 2000
        none.close()
        // the cost of a run: the file's growth when the study grows by 4,000 runs (more starts keep the stored runs),
        // so the pages every store has whatever its size do not count
        val before = Files.size(nonePath)
        val grown = study(TracePolicy.NONE).copy(starts = StartPlan("random:1500"))
        ResultStore.open(nonePath).use { Studies.run(grown, it, threads = 2) }
        val bytesPerRun = ((Files.size(nonePath) - before) / 4000).toInt()
        println("StoreCostSpec: $bytesPerRun bytes per run without traces")
        bytesPerRun shouldBeLessThan 300
        val reopened = ResultStore.openReadOnly(nonePath)
        val withoutTraces = reopened.summaries(runs)
        withoutTraces shouldBe log.summaries(runs)
        reopened.load(runs).all { it.trace.size == 0 } shouldBe true
        // every:50 keeps steps 0, 50, ..., 300 of a run that uses its whole budget, and its last point
        every.load(runs).filter { it.steps == 300L }.forEach { it.trace.steps.toList() shouldBe (0L..300L step 50).toList() }
        // the export's budget column is the study's, though the rows leave it out
        log.csv().lines()[1].contains(Budget(maxSteps = 300).identity()) shouldBe true
    }

    test("resuming under another trace policy keeps the stored runs as they were and records the new policy") {
        val path = folder.resolve("policy.sqlite")
        ResultStore.open(path).use { Studies.run(study(TracePolicy.NONE), it, threads = 1) }
        ResultStore.open(path).use { store ->
            val results = Studies.run(study(TracePolicy.LOG), store, threads = 1)
            results.size shouldBe 2000
            results.all { it.trace.size == 0 } shouldBe true // none computed again
            store.study()["traces"] shouldBe "log"
        }
    }
})
