package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.stats.PairSummary
import dev.fluxion.lab.stats.Quartiles
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Studies
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.coroutines.job
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

class StudySpec : FunSpec({
    test("stall thresholds and a divergence bound off their defaults are recorded with the study, and read back") {
        val budget = Budget(maxSteps = 50, stallGradient = 1e-6, stallStep = 1e-9, stallPatience = 3, divergenceBound = 1e10)
        val study = CompareStudy(listOf("gd(lr=0.1)"), listOf("sphere(dim=2)"), StartPlan("default"), seeds = 1,
            budget = budget, seed = 7)
        val properties = study.properties()
        listOf("stall-gradient", "stall-step", "stall-patience", "divergence-bound").map { properties[it] } shouldBe
            listOf("1.0E-6", "1.0E-9", "3", "1.0E10")
        dev.fluxion.lab.study.Study.of(properties) shouldBe study
        // at the defaults none is written: such a study has the properties it had before they were recorded
        CompareStudy(listOf("gd(lr=0.1)"), listOf("sphere(dim=2)"), StartPlan("default"), seeds = 1,
            budget = Budget(maxSteps = 50), seed = 7).properties().keys
            .filter { it.startsWith("stall") || it == "divergence-bound" } shouldBe emptyList()
        // a store of the study is reported from its record alone (it was "not a run of its study" before)
        val folder = java.nio.file.Files.createTempDirectory("fluxion-stall-record")
        try {
            ResultStore.open(folder.resolve("stall.sqlite")).use { store ->
                Studies.run(study, store, 1)
                val recorded = dev.fluxion.lab.study.Study.of(store.study())
                recorded.runs(Engine(1)) shouldBe study.runs(Engine(1))
                dev.fluxion.lab.report.StudyReport.of(recorded, store, Engine(1)).toString() shouldContain "gd(lr=0.1)"
            }
        } finally {
            folder.toFile().deleteRecursively()
        }
    }

    val folder = temporaryFolder("fluxion-study")

    fun noisyStudy(starts: String = "default+random:3") = CompareStudy(
        listOf("gd(lr=0.01)", "adam(lr=0.05)", "nesterov(lr=0.001, momentum=0.9)"),
        listOf("quadratic(dim=2, kappa=10)", "beale", "rosenbrock(dim=2)"),
        StartPlan(starts), seeds = 2, budget = Budget(maxSteps = 400, gradientNoise = 1e-3), seed = 42)

    test("the same study and seed give identical stored results with 1 thread and with 4 threads") {
        val one = ResultStore.open(folder.resolve("one.sqlite"))
        val four = ResultStore.open(folder.resolve("four.sqlite"))
        val a = Studies.run(noisyStudy(), one, 1)
        val b = Studies.run(noisyStudy(), four, 4)
        a shouldHaveSize 3 * 3 * 4 * 2
        b shouldBe a
        four.csv() shouldBe one.csv()
        // the seeds matter: two seeds of one start differ under gradient noise
        a[0].finalValue shouldBe a[0].finalValue
        (a[0].trace == a[1].trace) shouldBe false
        one.close()
        four.close()
    }

    test("forEachResult: one thread computes every run on the caller's thread, two add one pool thread, same results") {
        val runs = noisyStudy().runs(Engine(1))
        val caller = Thread.currentThread()
        fun collect(threads: Int): Pair<Map<String, RunResult>, Set<Thread>> {
            val results = HashMap<String, RunResult>()
            val workers = HashSet<Thread>()
            Engine(threads).forEachResult(runs) { results[it.spec.key] = it; workers += Thread.currentThread() }
            return results to workers
        }
        val (one, oneWorkers) = collect(1)
        oneWorkers shouldBe setOf(caller)
        val (two, twoWorkers) = collect(2)
        // the caller works; a pool thread joins it unless the caller took every run before the pool thread started
        (caller in twoWorkers) shouldBe true
        (twoWorkers.size <= 2) shouldBe true
        (twoWorkers - caller).forEach { it.name shouldContain "DefaultDispatcher-worker" }
        one.keys shouldBe runs.map { it.key }.toSet()
        two shouldBe one
    }

    test("forEachResult on one thread: interrupting the caller stops its runs within moments, with InterruptedException") {
        // lr = 1e-7 on mu = 1: the gap shrinks by (1 - 1e-7)^2 a step, so no run reaches 1e-8 in its 3 x 10^7
        // steps; each run takes about 3 s, so only the check inside a run (every 256 steps) can stop it in time
        val runs = CompareStudy(listOf("gd(lr=0.0000001)"), listOf("quadratic(dim=2, kappa=10)"), StartPlan("random:4"),
            budget = Budget(maxSteps = 30_000_000)).runs(Engine(1))
        val handed = java.util.concurrent.atomic.AtomicInteger()
        var thrown: Throwable? = null
        val caller = Thread {
            try {
                Engine(1).forEachResult(runs) { handed.incrementAndGet() }
            } catch (e: Throwable) {
                thrown = e
            }
        }
        caller.start()
        Thread.sleep(500)
        val interrupted = System.nanoTime()
        caller.interrupt()
        caller.join(30_000)
        val seconds = (System.nanoTime() - interrupted) / 1e9
        caller.isAlive shouldBe false
        thrown.shouldBeInstanceOf<InterruptedException>()
        (seconds < 1.5) shouldBe true
        (handed.get() < runs.size) shouldBe true
    }

    test("a study run again over its store computes only the runs it does not hold") {
        val store = ResultStore.open(folder.resolve("resume.sqlite"))
        val first = Studies.run(noisyStudy("default"), store, 2)
        store.size() shouldBe first.size
        val planned = mutableListOf<Progress.Planned>()
        var computed = 0
        val second = Studies.run(noisyStudy("default+random:3"), store, 2) {
            if (it is Progress.Planned) planned.add(it) else computed++
        }
        planned.single().stored shouldBe first.size
        computed shouldBe second.size - first.size
        store.size() shouldBe second.size
        second.filter { it.spec.startIndex == 0 } shouldBe first
        var again = 0
        Studies.run(noisyStudy("default+random:3"), store, 2) { if (it is Progress.Finished) again++ }
        again shouldBe 0
        store.close()
    }

    test("gradient descent above 2/L on a quadratic is stored as diverged with the step, and the study goes on") {
        // quadratic(kappa=100, mu=1): L = 100, so 2/L = 0.02
        val study = CompareStudy(listOf("gd(lr=0.03)", "gd(lr=0.01)"), listOf("quadratic(dim=2, kappa=100)"),
            budget = Budget(maxSteps = 5000))
        val store = ResultStore.open(folder.resolve("diverge.sqlite"))
        val (fast, safe) = Studies.run(study, store, 2)
        val diverged = fast.outcome.shouldBeInstanceOf<Outcome.Diverged>()
        diverged.cause shouldContain "divergence bound"
        (diverged.step in 10..1000) shouldBe true
        safe.outcome.shouldBeInstanceOf<Outcome.ReachedTarget>()
        store.load(study.runs(Engine(1))).map { it.outcome } shouldBe listOf(fast.outcome, safe.outcome)
        store.close()
    }

    test("a formula that steps into log of a negative number diverges, naming the sub-expression") {
        // start 0.125: grad = 1/x + 2x = 8.25, so one step of 0.1 lands at x = -0.7 where log(x) is NaN
        val study = CompareStudy(listOf("gd(lr=0.1)"), listOf("formula(\"log(x) + x^2\", lower=0.05, upper=0.15)",
            "beale"), budget = Budget(maxSteps = 100))
        val results = Studies.run(study, ResultStore.open(folder.resolve("log.sqlite")), 2)
        val diverged = results[0].outcome.shouldBeInstanceOf<Outcome.Diverged>()
        diverged.step shouldBe 1L
        diverged.cause shouldContain "log(x)"
        diverged.cause shouldContain "NaN"
        results[1].spec.landscapeLabel shouldBe "beale"
    }

    test("summaries: aRT counts unsuccessful runs with their whole budget") {
        val runs = Studies.run(CompareStudy(listOf("gd(lr=0.01)"), listOf("quadratic(dim=2, kappa=10)"),
            StartPlan("default+random:3"), budget = Budget(maxSteps = 3000)), ResultStore.open(folder.resolve("art.sqlite")), 2)
        val summary = PairSummary.of(runs).single()
        summary.successRate.last() shouldBe 1.0
        summary.averageRuntime.last() shouldBe runs.sumOf { it.hitEvaluations.last() }.toDouble() / runs.size
        Quartiles.of(listOf(1.0, 2.0, 3.0, 4.0, 5.0)) shouldBe Quartiles(2.0, 3.0, 4.0)
    }

    test("a cancelled study keeps every run that finished, including one that finished while another was being stored") {
        // 2 workers; the first stored run holds the store for 300 ms (each run takes a few ms), so the other
        // worker finishes its run meanwhile and waits to store it; the study is cancelled only then. That run
        // had finished, so it must be stored: exactly 2 runs, equal to the same runs of an uninterrupted study.
        val study = CompareStudy(listOf("gd(lr=0.001)"), listOf("quadratic(dim=2, kappa=10)"), StartPlan("random:40"),
            budget = Budget(maxSteps = 2000), seed = 7)
        val store = ResultStore.open(folder.resolve("cancelled.sqlite"))
        val reported = mutableListOf<RunResult>()
        runBlocking {
            val job = launch {
                Studies.compute(study, store, Engine(2)) { event ->
                    if (event is Progress.Finished) {
                        reported.add(event.result)
                        if (event.done == 1) {
                            Thread.sleep(300)
                            coroutineContext.job.cancel()
                        }
                    }
                }
            }
            job.join()
            job.isCancelled shouldBe true
        }
        reported shouldHaveSize 2
        store.size() shouldBe 2
        val whole = ResultStore.open(folder.resolve("whole.sqlite")).use { Studies.run(study, it, 1) }.associateBy { it.spec.key }
        store.load(reported.map { it.spec }).forEach { it shouldBe whole.getValue(it.spec.key) }
        store.close()
    }
})
