package dev.fluxion.lab.api

import dev.fluxion.dsl.Objective
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.ScanStudy
import dev.fluxion.lab.temporaryFolder
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldMatch
import java.util.OptionalDouble
import java.util.function.Consumer

/**
 * A landscape given by code, an [Objective] and no expression, takes part in rates, scan and tune studies as in a
 * comparison (`ScriptObjectiveSpec`), named `NAME(...)#HASH`.
 *
 * The numbers are the quadratic's, by hand: f = sum_i lambda_i x_i^2 / 2 has the Hessian diag(lambda), so L is the
 * largest lambda and mu the smallest. Gradient descent at 1/L contracts the slowest coordinate by 1 - mu / L = 1 -
 * 1/kappa per step, and the error along the steepest one grows once lr > 2/L (the scan's divergence edge).
 */
class CodeLandscapeStudiesSpec : FunSpec({

    /** f = sum_i lambda_i x_i^2 / 2, stating L = max lambda, mu = min lambda and f* = 0. */
    class Diagonal(private val lambda: DoubleArray) : Objective {
        override fun dimension() = lambda.size
        override fun value(x: DoubleArray) = x.indices.sumOf { lambda[it] * x[it] * x[it] / 2 }
        override fun valueAndGradient(x: DoubleArray, gradient: DoubleArray): Double {
            for (i in x.indices) gradient[i] = lambda[i] * x[i]
            return value(x)
        }
        override fun smoothness() = OptionalDouble.of(lambda.max())
        override fun strongConvexity() = OptionalDouble.of(lambda.min())
        override fun minimum() = OptionalDouble.of(0.0)
    }

    test("rates of gd@1/L on a family of landscapes given by code: 1 - 1/kappa; resumed without computing") {
        val store = temporaryFolder("code-landscape-rates").resolve("rates.sqlite")
        fun study(planned: (Progress.Planned) -> Unit) = rates {
            rules("gd@1/L"); kappas(10.0, 100.0); dimension(4); threads(1); store(store)
            // eigenvalues from 1 to kappa, evenly spaced
            landscape("diagonal") { kappa, n -> Diagonal(DoubleArray(n) { 1 + (kappa - 1) * it / (n - 1) }) }
        }.run(Consumer { if (it is Progress.Planned) planned(it) })

        val results = study { it shouldBe Progress.Planned(2, 0) }
        results.runs.map { it.spec.landscapeSpec }.forEach { it shouldMatch Regex("diagonal\\(dim=4, kappa=[0-9.]+\\)#[0-9a-f]{12}") }
        results.rateRows().map { it.kappa to it.fittedRate }.forEach { (kappa, rate) ->
            rate shouldBe (1 - 1 / kappa plusOrMinus 1e-2 * (1 - 1 / kappa))
        }
        study { it shouldBe Progress.Planned(2, 2) }
    }

    test("a scan on a landscape given by code finds the edge 2/L; a tune runs on it") {
        val bowl = landscape("bowl", Diagonal(doubleArrayOf(1.0, 4.0)))
        bowl.spec() shouldMatch Regex("bowl\\(lower=-5\\.0, upper=5\\.0\\)#[0-9a-f]{12}")
        val folder = temporaryFolder("code-landscape-scan")
        val scan = scan { optimizer("gd"); landscape(bowl); learningRates(0.01, 1.0); points(12); steps(300); threads(1)
            store(folder.resolve("scan.sqlite")) }
        val results = scan.run()
        val edge = ResultStore.open(results.store).use { store ->
            (results.study as ScanStudy).analyse(results.runs, scan.engine()) { store.find(it) ?: error("stored") }.edge
        }
        edge shouldBe (2.0 / 4 plusOrMinus 0.02 * 2.0 / 4)

        val tuned = tune { optimizers("gd"); landscapes(bowl); tune("lr=loguniform(1e-3, 0.4)"); budget(3); starts("default")
            steps(100); threads(1); store(folder.resolve("tune.sqlite")) }.run()
        tuned.runs.map { it.spec.landscapeSpec }.distinct() shouldBe listOf(bowl.spec())
        // every tuned lr is below 2/L = 0.5, so every run converges: f falls from its start
        tuned.runs.forEach { (it.finalValue < bowl.value(bowl.facts().start())) shouldBe true }
    }
})
