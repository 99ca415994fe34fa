package dev.fluxion.lab.tune

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.Trace
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.Studies
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.fluxion
import dev.fluxion.lab.report.StudyReport
import dev.fluxion.lab.suite.Suite
import dev.fluxion.lab.suite.SuiteTargets
import dev.fluxion.lab.temporaryFolder
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.Files

/**
 * Tuned suite studies: per function group and dimension, on instances the comparison does not evaluate, scored by
 * the share of COCO's targets reached; optimizers without the tuned hyperparameter compared untuned.
 */
class SuiteTuneStudySpec : FunSpec({
    val folder = temporaryFolder("fluxion-suite-tune")

    // bbob f1 is the sphere ||x - x_opt||^2 + f_opt: Hessian 2I, so gd multiplies x - x_opt by 1 - 2 lr per step
    // and the gap by (1 - 2 lr)^2. From the origin (the default start) the gap is g0 = ||x_opt||^2 and after k steps
    // g0 (1 - 2 lr)^(2k); every point x_0 .. x_T of a T-step run is checked against the targets.
    val sphere = SuiteTuneStudy(Suite("bbob", functions = "1", dims = "2", instances = "1"), listOf("gd", "lbfgs"),
        SearchSpace.parse(listOf("lr=choice(0.05, 0.25, 0.5, 1)")), Search.GRID, 4, budget = SuiteTargets.budget(60),
        name = "sphere")

    test("gd on the sphere f1: each setting's share of targets reached, and the tuned lr = 1/L = 0.5, worked out by hand") {
        val engine = Engine(2)
        val store = ResultStore.open(folder.resolve("sphere.sqlite"))
        val computed = ArrayList<Progress.Finished>()
        Studies.run(sphere, store, 2) { if (it is Progress.Finished) computed += it }
        // tuning: 4 settings x 3 tuning instances (2-4, the three after the evaluated 1) x 1 start, for gd only
        // (lbfgs declares no lr); then 2 optimizers on instance 1
        computed.size shouldBe 4 * 3 + 2
        store.size() shouldBe 14
        sphere.tuningSuite shouldBe Suite("bbob", functions = "1", dims = "2", instances = "2-4")

        val gaps = (2..4).map { i ->
            val xopt = engine.landscape("bbob(f=1, dim=2, instance=$i)").facts().globalMinimizers()[0]
            xopt.sumOf { it * it }
        }
        // targets 10^(2 - k/5), k = 0..50, reached by the smallest gap a run saw
        fun reached(smallest: Double) = (0..50).count { k -> Math.pow(10.0, 2 - k / 5.0) >= smallest }
        fun share(lr: Double): Double {
            val factor = (1 - 2 * lr) * (1 - 2 * lr)
            return gaps.sumOf { g0 -> reached(if (factor < 1) g0 * Math.pow(factor, 60.0) else g0) } / (3 * 51.0)
        }
        val scores = sphere.tuning(engine).scored(0, engine) { store.summaries(it) }
            .associate { it.trial.configuration.value("lr") to (1 - it.score) }
        // lr = 0.05: the gap shrinks by 0.81 a step, 60 steps are not enough for 1e-8; lr = 1: x oscillates about
        // x_opt at the starting distance, reaching only the targets above g0; lr = 0.25 and 0.5 reach all
        for (lr in listOf(0.05, 0.25, 0.5, 1.0)) withClue("lr = $lr") { (Math.abs(scores.getValue(lr) - share(lr)) < 1e-12) shouldBe true }
        (share(0.05) < 1.0) shouldBe true
        share(0.25) shouldBe 1.0
        share(0.5) shouldBe 1.0
        // 0.25 and 0.5 tie on the share; 0.5 = 1/L lands on x_opt in one step, so it costs fewer evaluations
        val tuned = sphere.tuning(engine).tuned(engine) { store.summaries(it) }
        tuned.first { it.trial.optimizer == "gd" }.trial.configuration.value("lr") shouldBe 0.5
        tuned.first { it.trial.optimizer == "lbfgs" }.trial.untuned shouldBe true
        // the comparison runs gd at lr 0.5 and lbfgs as declared, labelled untuned, on instance 1 only
        val evaluation = sphere.evaluationRuns(engine, tuned)
        evaluation.map { it.optimizerLabel } shouldBe listOf("gd", "lbfgs (untuned)")
        evaluation[0].optimizerSpec shouldBe engine.optimizer("gd(lr=0.5)").spec()
        evaluation[1].optimizerSpec shouldBe engine.optimizer("lbfgs").spec()
        evaluation.map { it.landscapeLabel }.toSet() shouldBe setOf("bbob(f=1, dim=2, instance=1)")
        // the tuning runs are on the other instances, with their own seed
        val tuning = sphere.runs(engine)
        tuning.map { it.landscapeLabel }.toSet() shouldBe (2..4).map { "bbob(f=1, dim=2, instance=$it)" }.toSet()
        tuning.map { it.studySeed }.toSet() shouldBe setOf(sphere.tuningSeed)
        store.close()
    }

    test("the score: the share of (run, target) pairs missed, then the mean evaluations a pair cost, a miss at least the step budget") {
        val budget = SuiteTargets.budget(100)
        fun run(evaluations: Long, hits: List<Long>, outcome: Outcome) = RunResult(
            RunSpec("gd", "gd", "f", "f", 0, listOf(0.0), 0, 0, budget), outcome, evaluations, evaluations, 0.0, 0.0,
            listOf(0.0), hits, hits, Trace.EMPTY)
        // 4 pairs: hits after 2 and 5 evaluations, then two misses of a run that used 100: (2 + 5 + 100 + 100) / 4
        SuiteTuneStudy.score(listOf(run(100, listOf(2, 5, -1, -1), Outcome.OutOfBudget(100)))) shouldBe (0.5 to 51.75)
        // the same hits from a run that diverged after 6 evaluations: its misses still cost the 100-step budget
        SuiteTuneStudy.score(listOf(run(6, listOf(2, 5, -1, -1), Outcome.Diverged(6, "f left the bound")))) shouldBe (0.5 to 51.75)
        // two runs pooled: 3 of 8 pairs missed; (1 + 1 + 1 + 1 + 3 + 150 + 150 + 150) / 8, the second run using 150
        SuiteTuneStudy.score(listOf(run(4, listOf(1, 1, 1, 1), Outcome.ReachedTarget(4, 4)),
            run(150, listOf(3, -1, -1, -1), Outcome.OutOfBudget(150)))) shouldBe (3.0 / 8 to 457.0 / 8)
    }

    test("the report shows the tuned settings per group, the sensitivity plot, the untuned note and the suite tables") {
        val store = ResultStore.open(folder.resolve("sphere.sqlite"))
        val report = StudyReport.of(Study.of(store.study()), store, Engine(1))
        report.console shouldContain "note: lbfgs declares no lr: compared untuned, at its declared settings"
        report.console shouldContain "The tuning spent 12 runs"
        report.console shouldContain "untuned: its declared settings"
        report.console shouldContain "lbfgs (untuned)"
        report.html shouldContain "<h3>Tuned settings</h3>"
        report.html shouldContain "Sensitivity to lr: 2-D, separable"
        report.html shouldContain "<h2>Suite comparison at the tuned settings</h2>"
        report.html shouldContain "2-D, separable: ECDF of runtimes"
        report.html shouldContain "<td>f1 sphere</td><td>lbfgs (untuned)</td>"
        // gd at lr 0.5 lands on x_opt in one step on instance 1 too: every one of the 51 targets
        report.console shouldContain "Share of (run, target) pairs reached within the budget, all functions:"
        Regex("\ngd\\s+1\\.000\n").containsMatchIn(report.console) shouldBe true
        store.close()
    }

    val halving = SuiteTuneStudy(Suite("bbob", functions = "1,2", dims = "2,3", instances = "1-2"), listOf("gd", "adam", "lbfgs"),
        SearchSpace.parse(listOf("lr=loguniform(1e-3, 1)")), Search.HALVING, 9, eta = 3, tuningInstances = "7,9",
        budget = SuiteTargets.budget(90), seed = 3, name = "halving")

    test("successive halving on groups: budget x groups x instances x starts tuning runs, counted, stored and resumed") {
        val store = ResultStore.open(folder.resolve("halving.sqlite"))
        val computed = ArrayList<Progress.Finished>()
        Studies.run(halving, store, 2) { if (it is Progress.Finished) computed += it }
        // f1 and f2 are both separable: one group per dimension, 2 units; each setting runs on 2 functions x 2
        // tuning instances x 1 start; rungs of 9, 3 and 1 settings; gd and adam tuned, lbfgs not
        val perSetting = 2 * 2 * 1
        val tuningRuns = (9 + 3 + 1) * 2 * perSetting * 2
        // the comparison: 2 dimensions x 2 functions x 2 instances x 3 optimizers
        val evaluationRuns = 2 * 2 * 2 * 3
        halving.tuning(Engine(1)).rungs shouldBe listOf(Rung(0, 9, 10), Rung(1, 3, 30), Rung(2, 1, 90))
        computed.size shouldBe tuningRuns + evaluationRuns
        store.size() shouldBe tuningRuns + evaluationRuns
        val again = ArrayList<Progress.Finished>()
        Studies.run(halving, store, 1) { if (it is Progress.Finished) again += it }
        again shouldBe emptyList()
        val report = StudyReport.of(Study.of(store.study()), store, Engine(1))
        report.console shouldContain "The tuning spent $tuningRuns runs"
        report.console shouldContain "2-D, separable"
        report.console shouldContain "3-D, separable"
        store.close()
    }

    test("the same tuned settings and results with 1 and 2 threads, bit for bit") {
        val results = listOf(1, 2).map { threads ->
            val store = ResultStore.open(folder.resolve("threads-$threads.sqlite"))
            val study = halving.copy(name = "threads")
            Studies.run(study, store, threads)
            val engine = Engine(threads)
            val tuned = study.tuning(engine).tuned(engine) { store.summaries(it) }
            (tuned.map { it.trial.configuration to it.score } to
                store.summaries(study.evaluationRuns(engine, tuned)).map { java.lang.Double.doubleToRawLongBits(it.finalValue) })
                .also { store.close() }
        }
        results[0] shouldBe results[1]
    }

    test("a stored tuned suite study reads back as the same study; tuning on an evaluated instance is refused") {
        Study.of(halving.properties()) shouldBe halving
        Study.of(sphere.properties()) shouldBe sphere
        shouldThrow<LabException> { halving.copy(tuningInstances = "2-4").tuningSuite }.message shouldBe
            "--tune-instances '2-4': instance 2 is also evaluated (--instances 1-2); tune on instances the comparison does not judge"
        Suite("mgh", scales = "1,10").tuningSuite(null) shouldBe Suite("mgh", scales = "2")
        Suite("mgh", scales = "2").tuningSuite(null) shouldBe Suite("mgh", scales = "5")
    }

    test("the command line: compare --suite --tune and tune --suite, with lbfgs compared untuned") {
        val out = folder.resolve("cli")
        val arguments = arrayOf("compare", "--suite", "bbob", "--functions", "1", "--dims", "2", "--instances", "1",
            "--optimizers", "gd; lbfgs", "--tune", "lr=choice(0.25,0.5)", "--search", "grid", "--budget", "2",
            "--steps", "40", "--threads", "1", "--out", out.toString())
        val first = fluxion(*arguments)
        withClue(first.err) { first.code shouldBe 0 }
        first.out shouldContain "note: lbfgs declares no lr: compared untuned, at its declared settings"
        first.out shouldContain "The tuning spent 6 runs"
        Files.exists(out.resolve("bbob-tune.html")) shouldBe true
        val again = fluxion(*arguments)
        again.code shouldBe 0
        again.err.lines().filter { it.contains("runs,") }.forEach { it shouldContain ", 0 to compute" }
        val tune = fluxion("tune", "--suite", "bbob", "--functions", "1", "--dims", "2", "--instances", "1",
            "--tune-instances", "1", "--tune", "lr=choice(0.25,0.5)", "--optimizers", "gd", "--out", out.toString())
        (tune.code != 0) shouldBe true
        tune.err shouldContain "--tune-instances '1': instance 1 is also evaluated"
        val unit = fluxion("tune", "--suite", "bbob", "--tune-unit", "all", "--tune", "lr=choice(0.25,0.5)", "--out", out.toString())
        unit.err shouldContain "--tune-unit applies to --landscapes"
        val orphan = fluxion("compare", "--tune-instances", "3", "--out", out.toString())
        orphan.err shouldContain "need --tune NAME=DIST"
    }
})
