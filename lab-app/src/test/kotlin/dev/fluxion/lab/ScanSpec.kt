package dev.fluxion.lab

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.ScanStudy
import dev.fluxion.lab.study.Studies
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe

class ScanSpec : FunSpec({
    val folder = temporaryFolder("fluxion-scan")

    test("the scan places gradient descent's divergence edge within 2% of 2/L, and resumes without recomputing") {
        // quadratic(dim=10, kappa=100): mu = 1, L = 100, so 2/L = 0.02 and 2/(L + mu) = 2/101
        val study = ScanStudy("gd", "quadratic(dim=10, kappa=100)", 1e-4, 1.0, 40, 1000)
        val engine = Engine(2)
        val store = ResultStore.open(folder.resolve("scan.sqlite"))
        val grid = Studies.run(study, store, 2)
        // the study stored its grid and its bisection runs: the report's analysis below only reads them
        store.size() shouldBe study.points + study.bisections
        val scan = study.analyse(grid, engine) { spec -> store.find(spec) ?: error("bisection run ${spec.key} not stored") }
        scan.refinements.size shouldBe study.bisections
        scan.theoreticalEdge shouldBe 0.02
        scan.edgeError shouldBeLessThan 0.02
        (scan.lastStable < scan.firstGrowing) shouldBe true
        // every grid point below 2/L converges, every one above grows
        grid.zip(study.learningRates).forEach { (run, lr) -> ScanStudy.grows(run) shouldBe (lr > 0.02) }
        // the best grid step is a neighbour of 2/(L + mu), on the grid's spacing (a factor 10^(4/39) = 1.27)
        (Math.abs(Math.log(scan.bestLearningRate / scan.theoreticalBest)) < Math.log(1.27)) shouldBe true
        // run again, it computes nothing: no grid run, no bisection run
        val computed = ArrayList<Progress>()
        Studies.run(study, store, 2) { if (it is Progress.Finished || it is Progress.Refined && it.computed) computed += it }
        computed shouldBe emptyList()
        store.size() shouldBe study.points + study.bisections

        // a store holding the grid alone (a scan stopped before its bisection): the study computes the 24 bisection
        // runs, the same as those of the scan above, and finds the same edge
        val partial = ResultStore.open(folder.resolve("grid-only.sqlite"))
        partial.claimStudy(study.properties())
        grid.forEach { partial.put(it) }
        val bisected = ArrayList<Progress.Refined>()
        val planned = ArrayList<Progress.Planned>()
        val again = Studies.run(study, partial, 1) {
            if (it is Progress.Refined && it.computed) bisected += it
            if (it is Progress.Planned) planned += it
        }
        // the plan: the whole grid stored, up to the 24 bisection runs to follow
        planned shouldBe listOf(Progress.Planned(study.points, study.points, study.bisections))
        bisected.size shouldBe study.bisections
        partial.size() shouldBe study.points + study.bisections
        study.analyse(again, engine) { spec -> partial.find(spec) ?: error("bisection run ${spec.key} not stored") }
            .refinements.map { it.finalValue } shouldBe scan.refinements.map { it.finalValue }
        partial.close()
        store.close()
    }
})
