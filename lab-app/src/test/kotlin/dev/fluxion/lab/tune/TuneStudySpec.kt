package dev.fluxion.lab.tune

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Studies
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.fluxion
import dev.fluxion.lab.report.StudyReport
import dev.fluxion.lab.temporaryFolder
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain

class TuneStudySpec : FunSpec({
    val folder = temporaryFolder("fluxion-tune")

    test("gd on quadratic(dim=2, kappa=10): the grid's tuned lr is the grid point with the smallest contraction factor, next to 2/(L + mu)") {
        val engine = Engine(2)
        val facts = engine.landscape("quadratic(dim=2, kappa=10)").facts()
        val l = facts.smoothness().asDouble
        val mu = facts.strongConvexity().asDouble
        l shouldBe 10.0
        mu shouldBe 1.0
        // gd multiplies the error along eigenvalue lambda by 1 - lr lambda, so after T steps the gap shrinks like
        // rho^(2T), rho(lr) = max(|1 - lr mu|, |1 - lr L|), least at lr = 2/(L + mu) = 2/11 = 0.1818
        val study = TuneStudy(listOf("gd"), listOf("quadratic(dim=2, kappa=10)"),
            SearchSpace.parse(listOf("lr=loggrid(0.05, 0.25, 9)")), Search.GRID, 9,
            tuningStarts = StartPlan("random:3"), starts = StartPlan("default"), budget = Budget(maxSteps = 100), name = "closed-form")
        val store = ResultStore.open(folder.resolve("closed-form.sqlite"))
        Studies.run(study, store, 2)
        val grid = (0 until 9).map { 0.05 * Math.pow(5.0, it / 8.0) }
        val rho = { lr: Double -> maxOf(Math.abs(1 - lr * mu), Math.abs(1 - lr * l)) }
        val bestByHand = grid.minBy(rho) // 0.1672: rho 0.833 (0.2044 has rho 1.04 and grows; 0.1367 has 0.863)
        bestByHand shouldBe (grid[6])
        val tuned = study.tuned(engine) { store.summaries(it) }.single()
        (Math.abs(tuned.trial.configuration.value("lr") / bestByHand - 1) < 1e-12) shouldBe true
        // the two grid points around 2/11: the tuned one is one of them
        (grid[6] < 2 / (l + mu) && 2 / (l + mu) < grid[7]) shouldBe true
        // the measured gaps rank the grid points as rho does among those that converge (rho < 1)
        val scores = study.scored(0, engine) { store.summaries(it) }.associate { it.trial.configuration.value("lr") to it.score }
        val converging = grid.filter { rho(it) < 1 }
        converging.sortedBy(rho).map { g -> scores.entries.first { Math.abs(it.key / g - 1) < 1e-12 }.value } shouldBe
            converging.sortedBy(rho).map { g -> scores.entries.first { Math.abs(it.key / g - 1) < 1e-12 }.value }.sorted()
        // a step with rho > 1 grows: its runs diverge or end above where they started, never near f*
        grid.filter { rho(it) > 1 }.forEach { g -> (scores.entries.first { Math.abs(it.key / g - 1) < 1e-12 }.value > 1e-3) shouldBe true }
        store.close()
    }

    val halving = TuneStudy(listOf("gd", "adam"), listOf("quadratic(dim=2, kappa=10)"),
        SearchSpace.parse(listOf("lr=loguniform(1e-3, 0.5)")), Search.HALVING, 9, eta = 3,
        tuningStarts = StartPlan("random:2"), starts = StartPlan("default+random:1"), budget = Budget(maxSteps = 90),
        seed = 5, name = "halving")

    test("successive halving stores every tuning run, resumes computing nothing, and a store cut short finishes the same") {
        val store = ResultStore.open(folder.resolve("halving.sqlite"))
        val computed = ArrayList<Progress.Finished>()
        Studies.run(halving, store, 2) { if (it is Progress.Finished) computed += it }
        // rungs of 9, 3 and 1 settings, each on 2 tuning starts, for 2 optimizers; then 2 optimizers x 2 starts
        val tuningRuns = (9 + 3 + 1) * 2 * 2
        val evaluationRuns = 2 * 2
        halving.rungs shouldBe listOf(Rung(0, 9, 10), Rung(1, 3, 30), Rung(2, 1, 90))
        computed.size shouldBe tuningRuns + evaluationRuns
        store.size() shouldBe tuningRuns + evaluationRuns
        // again: nothing computed
        val again = ArrayList<Progress.Finished>()
        Studies.run(halving, store, 2) { if (it is Progress.Finished) again += it }
        again shouldBe emptyList()
        // the tuning runs start elsewhere than the comparison's and have their own seed
        val engine = Engine(1)
        val evaluation = halving.evaluationRuns(engine, halving.tuned(engine) { store.summaries(it) })
        val tuning = (0..2).flatMap { halving.trials(it, engine) { s -> store.summaries(s) } }.flatMap { it.runs }
        tuning.map { it.start }.toSet().intersect(evaluation.map { it.start }.toSet()) shouldBe emptySet()
        tuning.map { it.studySeed }.toSet() shouldBe setOf(halving.tuningSeed)
        evaluation.map { it.studySeed }.toSet() shouldBe setOf(5L)
        // a store killed in the second rung: the first rung and 5 of the second's 12 runs stored
        val partial = ResultStore.open(folder.resolve("halving-partial.sqlite"))
        partial.claimStudy(halving.properties())
        val firstRung = halving.runs(engine)
        val secondRung = halving.stage(1, engine) { store.summaries(it) }!!
        (store.load(firstRung) + store.load(secondRung.take(5))).forEach { partial.put(it) }
        val finished = ArrayList<Progress.Finished>()
        Studies.run(halving, partial, 1) { if (it is Progress.Finished) finished += it }
        finished.size shouldBe tuningRuns + evaluationRuns - firstRung.size - 5
        val all = tuning + evaluation
        partial.summaries(all).map { it.finalValue } shouldBe store.summaries(all).map { it.finalValue }
        partial.close()
        store.close()
    }

    test("the same results with 1 and 2 threads, bit for bit") {
        val results = listOf(1, 2).map { threads ->
            val store = ResultStore.open(folder.resolve("threads-$threads.sqlite"))
            Studies.run(halving.copy(name = "threads"), store, threads)
            val engine = Engine(threads)
            val tuned = halving.tuned(engine) { store.summaries(it) }
            val runs: List<RunSpec> = (0..2).flatMap { halving.trials(it, engine) { s -> store.summaries(s) } }.flatMap { it.runs } +
                halving.evaluationRuns(engine, tuned)
            (tuned.map { it.trial.configuration to it.score } to store.summaries(runs).map { java.lang.Double.doubleToRawLongBits(it.finalValue) })
                .also { store.close() }
        }
        results[0] shouldBe results[1]
    }

    test("the report states the tuning budget and shows the tuned settings, the sensitivity plot and the comparison") {
        val store = ResultStore.open(folder.resolve("halving.sqlite"))
        val report = StudyReport.of(Study.of(store.study()), store, Engine(1))
        report.console shouldContain "The tuning spent 52 runs"
        report.console shouldContain "rung 0: 9 settings x 10 steps; rung 1: 3 settings x 30 steps; rung 2: 1 settings x 90 steps"
        report.html shouldContain "<h3>Tuned settings</h3>"
        report.html shouldContain "Sensitivity to lr: quadratic(dim=2, kappa=10)"
        report.html shouldContain "The mean final gap after 10 steps"
        report.html shouldContain "<h2>Comparison at the tuned settings</h2>"
        report.html shouldContain "<h2>Summary</h2>"
        store.close()
    }

    test("a stored tune study reads back as the same study") {
        Study.of(halving.properties()) shouldBe halving
    }

    test("an unknown hyperparameter names the optimizer's hyperparameters and their ranges; a range outside one is refused") {
        val engine = Engine(1)
        val unknown = shouldThrow<LabException> {
            TuneStudy(listOf("gd"), listOf("beale"), SearchSpace.parse(listOf("momentum=uniform(0.5, 0.9)"))).runs(engine)
        }.message!!
        unknown shouldContain "the optimizer 'gd' has no hyperparameter 'momentum'; its hyperparameters: lr (a number in "
        shouldThrow<LabException> {
            TuneStudy(listOf("momentum"), listOf("beale"), SearchSpace.parse(listOf("momentum=uniform(0.5, 1.5)"))).runs(engine)
        }.message shouldContain "momentum's momentum takes a real number in"
        // in a chain, the link that declares the hyperparameter is tuned
        val chained = TuneStudy(listOf("chain(clip(norm=10), gd(lr=0.01))"), listOf("beale"),
            SearchSpace.parse(listOf("lr=choice(0.002)")), Search.GRID, 1, tuningStarts = StartPlan("random:1"))
        chained.runs(engine).single().optimizerLabel shouldBe "chain(clip(norm=10.0), gd(lr=0.002))"
    }

    test("an optimizer without the tuned hyperparameter is compared untuned; one with some of them is tuned over those") {
        val engine = Engine(1)
        // lbfgs declares no lr: no tuning run, compared at its declared settings
        val mixed = TuneStudy(listOf("gd", "lbfgs"), listOf("quadratic(dim=2, kappa=10)"),
            SearchSpace.parse(listOf("lr=choice(0.1, 0.15, 0.2)")), Search.GRID, 3, tuningStarts = StartPlan("random:2"),
            starts = StartPlan("default"), budget = Budget(maxSteps = 40), name = "mixed")
        val store = ResultStore.open(folder.resolve("mixed.sqlite"))
        val computed = ArrayList<Progress.Finished>()
        Studies.run(mixed, store, 1) { if (it is Progress.Finished) computed += it }
        // gd: 3 settings x 2 tuning starts; then gd and lbfgs from the default start
        computed.size shouldBe 3 * 2 + 2
        val tuned = mixed.tuned(engine) { store.summaries(it) }
        tuned.map { it.trial.optimizer to it.trial.untuned } shouldBe listOf("gd" to false, "lbfgs" to true)
        mixed.evaluationRuns(engine, tuned)[1].optimizerSpec shouldBe engine.optimizer("lbfgs").spec()
        val report = StudyReport.of(Study.of(store.study()), store, engine)
        report.console shouldContain "note: lbfgs declares no lr: compared untuned, at its declared settings"
        report.console shouldContain "untuned: its declared settings"
        store.close()
        // tuning lr and momentum: gd has no momentum, so it tries the grid's 2 learning rates once each, momentum all 4
        val partial = TuneStudy(listOf("gd", "momentum"), listOf("quadratic(dim=2, kappa=10)"),
            SearchSpace.parse(listOf("lr=grid(0.01, 0.02, 2)", "momentum=choice(0.5, 0.9)")), Search.GRID, 4,
            tuningStarts = StartPlan("random:1"), starts = StartPlan("default"), budget = Budget(maxSteps = 20))
        val runs = partial.runs(engine)
        runs.count { it.optimizerLabel.startsWith("gd") } shouldBe 2
        runs.count { it.optimizerLabel.startsWith("momentum") } shouldBe 4
        partial.tuning.notes(engine) shouldBe listOf("gd declares no momentum: tuned over the others only")
    }

    test("the command line: fluxion tune, compare --tune, and the option errors") {
        val out = folder.resolve("cli")
        val tune = fluxion("tune", "--tune", "lr=loguniform(1e-3,0.5)", "--budget", "4", "--optimizers", "gd",
            "--landscapes", "quadratic(dim=2, kappa=10)", "--steps", "50", "--tune-starts", "random:1", "--starts", "default",
            "--threads", "1", "--out", out.toString())
        tune.code shouldBe 0
        tune.out shouldContain "Tuned settings (random search over lr=loguniform(0.001, 0.5))"
        tune.out shouldContain "The tuning spent 4 runs"
        val compare = fluxion("compare", "--tune", "lr=grid(0.01,0.1,2)", "--search", "grid", "--budget", "2",
            "--optimizers", "gd", "--landscapes", "quadratic(dim=2, kappa=10)", "--steps", "50", "--tune-starts", "random:1",
            "--starts", "default", "--threads", "1", "--out", out.toString(), "--name", "tuned")
        compare.code shouldBe 0
        compare.out shouldContain "The tuning spent 2 runs"
        val bad = fluxion("tune", "--tune", "lr=loguniform(1e-5)", "--out", out.toString())
        (bad.code != 0) shouldBe true
        bad.err shouldContain "--tune 'lr=loguniform(1e-5)': loguniform takes 2 numbers"
        val orphan = fluxion("compare", "--budget", "5", "--out", out.toString())
        (orphan.code != 0) shouldBe true
        orphan.err shouldContain "need --tune NAME=DIST"
        val unknown = fluxion("tune", "--tune", "beta9=uniform(0,1)", "--optimizers", "adam", "--out", out.toString())
        unknown.err shouldContain "the optimizer 'adam' has no hyperparameter 'beta9'; its hyperparameters: lr ("
        unknown.err shouldContain "beta1 (a real number in"
        unknown.err shouldNotContain "Exception"
        // compare --tune with the default optimizers, lbfgs among them, which has no lr
        val defaults = fluxion("compare", "--tune", "lr=choice(0.001,0.002)", "--search", "grid", "--budget", "2",
            "--landscapes", "quadratic(dim=2, kappa=10)", "--steps", "30", "--tune-starts", "random:1", "--starts", "default",
            "--threads", "1", "--out", out.toString(), "--name", "defaults")
        defaults.code shouldBe 0
        defaults.out shouldContain "note: lbfgs declares no lr: compared untuned, at its declared settings"
        // 5 of the 6 default optimizers declare lr: 2 settings x 1 tuning start each
        defaults.out shouldContain "The tuning spent 10 runs"
    }
})
