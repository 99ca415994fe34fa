package dev.fluxion.lab.suite

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.fluxion
import dev.fluxion.lab.temporaryFolder
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.Files

/**
 * One small suite study end to end: bbob f1 and f8 in 2-D, instances 1 and 2, gradient descent and Adam, through
 * `fluxion compare --suite`, its store and its report.
 */
class SuiteStudySpec : FunSpec({
    val out = temporaryFolder("fluxion-suite-study")
    val arguments = arrayOf("compare", "--suite", "bbob", "--functions", "1,8", "--dims", "2", "--instances", "1-2",
        "--optimizers", "gd(lr=0.25); adam(lr=0.1)", "--steps", "300", "--threads", "2", "--out", out.toString())

    test("the report has a table per function group and per function, ECDFs per group, and is reproducible") {
        val first = fluxion(*arguments)
        withClue(first.err) { first.code shouldBe 0 }
        val page = Files.readString(out.resolve("bbob.html"))
        page shouldContain "<h2>2-D</h2>"
        page shouldContain "<h3>Function groups</h3>"
        page shouldContain "separable (1 function)"
        page shouldContain "low or moderate conditioning (1 function)"
        page shouldContain "<td>f1 sphere</td><td>gd(lr=0.25)</td>"
        page shouldContain "<td>f8 "
        page shouldContain "2-D, separable: ECDF of runtimes"
        page shouldContain "2-D, all functions: ECDF of runtimes"
        // and it states the cost model of its evaluations, in the words of every other report
        page shouldContain "Cost model: every figure in evaluations counts each call of f, or of f with its gradient, " +
            "as 1, and each Hessian (or metric) as n, the dimension"
        // the console shows each group's row per optimizer
        first.out shouldContain "separable"
        first.out shouldContain "low or moderate conditioning"
        // 2 functions x 2 instances x 2 optimizers, one start each
        ResultStore.openReadOnly(out.resolve("bbob.sqlite")).use { it.size() } shouldBe 8
        // the same command again computes nothing and writes the same page, simulated restarts included
        val again = fluxion(*arguments)
        again.code shouldBe 0
        again.err shouldContain "8 already stored, 0 to compute"
        Files.readString(out.resolve("bbob.html")) shouldBe page
        // and `fluxion report` rebuilds it from the store alone
        fluxion("report", out.resolve("bbob.sqlite").toString(), "--html", out.resolve("rebuilt.html").toString()).code shouldBe 0
        Files.readString(out.resolve("rebuilt.html")).substringBefore("<!-- fluxion plots") shouldBe page.substringBefore("<!-- fluxion plots")
    }

    test("gd with lr = 1/4 on the sphere f1 halves x - x_opt per step: aRT at each table target worked out by hand") {
        // f1 = ||x - x_opt||^2 + f_opt; from the origin the gap after k steps is 4^-k ||x_opt||^2, seen by the
        // (k + 1)th evaluation; both instances succeed, so aRT = (e1 + e2) / 2
        val engine = Engine(1)
        val study = SuiteStudy(Suite("bbob", functions = "1", dims = "2", instances = "1-2"), listOf("gd(lr=0.25)"),
            budget = SuiteTargets.budget(300))
        val store = ResultStore.open(out.resolve("sphere.sqlite"))
        val results = dev.fluxion.lab.study.Studies.run(study, store, 1)
        store.close()
        val start = DoubleArray(2)
        fun evaluationsTo(instance: Int, delta: Double): Long {
            val xopt = engine.landscape("bbob(f=1, dim=2, instance=$instance)").facts().globalMinimizers()[0]
            val gap0 = xopt.indices.sumOf { (xopt[it] - start[it]) * (xopt[it] - start[it]) }
            var k = 0
            while (Math.pow(0.25, k.toDouble()) * gap0 > delta) k++
            return k + 1L
        }
        val summary = SuiteSummary.of(study.expansion(engine).problems, study.suite.groups(), study.optimizers, results, 0)
        val row = summary.functionRows.single()
        row.cells.forEach { cell ->
            withClue("target ${cell.target}") {
                cell.runtimes.successCount shouldBe 2
                cell.averageRunningTime shouldBe (evaluationsTo(1, cell.target) + evaluationsTo(2, cell.target)) / 2.0
            }
        }
        // the separable group holds f1 alone here: its pooled aRT is f1's
        summary.groupRows.single { it.group == "separable" }.cells.map { it.averageRunningTime } shouldBe
            row.cells.map { it.averageRunningTime }
        row.finest.successCount shouldBe 2
        // the ECDF over (run, target) pairs: 2 runs x 51 targets, all reached; a pair reached after e evaluations
        // counts from e / 2 (the dimension) on
        val ecdf = summary.ecdfs.single { it.group == "separable" }.ecdf
        ecdf.pairs shouldBe 102
        ecdf.shares.last() shouldBe 1.0
        val pairsBy = { budget: Double ->
            (1..2).sumOf { i -> SuiteTargets.COCO.count { delta -> evaluationsTo(i, delta) / 2.0 <= budget } }
        }
        ecdf.budgets.zip(ecdf.shares).forEach { (budget, share) -> share shouldBe pairsBy(budget) / 102.0 }
    }
})
