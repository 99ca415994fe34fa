package dev.fluxion.lab

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import java.nio.file.Files

class ScanSpec : FunSpec({
    val folder = Files.createTempDirectory("fluxion-scan")

    test("the scan places gradient descent's divergence edge within 2% of 2/L, and resumes without recomputing") {
        // quadratic(dim=10, kappa=100): mu = 1, L = 100, so 2/L = 0.02 and 2/(L + mu) = 2/101
        val study = ScanStudy("gd", "quadratic(dim=10, kappa=100)", 1e-4, 1.0, 40, 1000)
        val engine = Engine(2)
        val store = ResultStore.open(folder.resolve("scan.sqlite"))
        val grid = Studies.run(study, store, 2)
        // the study stored its grid and its bisection runs: the report's analysis below only reads them
        store.size() shouldBe study.points + study.bisections
        val scan = study.analyse(grid, engine) { spec -> store.find(spec) ?: error("bisection run ${spec.key} not stored") }
        scan.theoreticalEdge shouldBe 0.02
        scan.edgeError shouldBeLessThan 0.02
        (scan.lastStable < scan.firstGrowing) shouldBe true
        // every grid point below 2/L converges, every one above grows
        grid.zip(study.learningRates).forEach { (run, lr) -> ScanStudy.grows(run) shouldBe (lr > 0.02) }
        // the best grid step is a neighbour of 2/(L + mu), on the grid's spacing (a factor 10^(4/39) = 1.27)
        (Math.abs(Math.log(scan.bestLearningRate / scan.theoreticalBest)) < Math.log(1.27)) shouldBe true
        val stored = store.size()
        study.analyse(grid, engine) { Studies.storedOrRun(it, store, engine) }.edge shouldBe scan.edge
        store.size() shouldBe stored
        store.close()
    }
})
