package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.report.HtmlReport
import dev.fluxion.lab.stats.PairSummary
import dev.fluxion.lab.stats.PerformanceProfile
import dev.fluxion.lab.stats.RuntimeEcdf
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Studies
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/**
 * The lab's evaluations under the cost model of [dev.fluxion.optimizers.Evaluations.cost], worked out by hand: a
 * step of gradient descent asks for f and grad f once (cost 1); a step of Newton's method asks for them once and for
 * the Hessian once (cost 1 + n). Budgets, hits, aRT and the report's statement of the model all agree with that.
 */
class CostModelSpec : FunSpec({
    val folder = temporaryFolder("fluxion-cost-model")

    fun run(optimizer: String, landscape: String, budget: Budget) =
        ResultStore.open(folder.resolve(optimizer.replace(Regex("[^a-z0-9.]"), "_") + ".sqlite")).use { store ->
            Studies.run(CompareStudy(listOf(optimizer), listOf(landscape), StartPlan("default"), seeds = 1,
                budget = budget, seed = 7), store, 1).single()
        }

    test("on the 3-D sphere both gd(lr=1/2) and Newton land on x* in one step; Newton's hit costs 5, gd's 2") {
        // f = |x|^2 from (3, 3, 3): g = 2x, H = 2I, so x - g/2 and x - H^-1 g are both exactly 0. Step 0 evaluates
        // f and grad f at x_0 (evaluation 1; Newton then asks for H, 3 more); step 1's evaluation sees f(x_1) = 0:
        // evaluation 2 for gd, 1 + 3 + 1 = 5 for Newton. Each run ends after that step, which Newton pays 4 for too.
        val study = CompareStudy(listOf("gd(lr=0.5)", "newton(lr=1)"), listOf("sphere(dim=3)"), StartPlan("default"),
            seeds = 1, budget = Budget(maxSteps = 50, targets = listOf(1e-8)), seed = 7)
        val results = ResultStore.open(folder.resolve("sphere.sqlite")).use { Studies.run(study, it, 1) }
        val (gd, newton) = results
        gd.outcome shouldBe Outcome.ReachedTarget(1, 2)
        newton.outcome shouldBe Outcome.ReachedTarget(1, 5)
        (gd.hitSteps to gd.hitEvaluations) shouldBe (listOf(1L) to listOf(2L))
        (newton.hitSteps to newton.hitEvaluations) shouldBe (listOf(1L) to listOf(5L))
        gd.evaluations shouldBe 2L
        newton.evaluations shouldBe 8L
        // aRT, the runtime ECDF and the performance profile read the same counts: Newton is 2.5 times gd here
        PairSummary.of(results).map { it.averageRuntime.last() } shouldBe listOf(2.0, 5.0)
        RuntimeEcdf.of(results).map { it.budgets } shouldBe listOf(listOf(2.0), listOf(5.0))
        val (gdProfile, newtonProfile) = PerformanceProfile.of(results, 0)
        gdProfile.shares.toSet() shouldBe setOf(1.0)
        newtonProfile.taus.zip(newtonProfile.shares).forEach { (tau, share) -> share shouldBe if (tau >= 2.5) 1.0 else 0.0 }
        newtonProfile.shares.first() shouldBe 0.0
        newtonProfile.shares.last() shouldBe 1.0
        // and the page states the model the figures use
        HtmlReport.render(study, results, Engine(1)) shouldContain "Cost model: every figure in evaluations counts " +
            "each call of f, or of f with its gradient, as 1, and each Hessian (or metric) as n, the dimension"
    }

    test("a target first reached at the last point costs the evaluation that saw it; a last point that reaches none costs nothing") {
        // one step of gd(lr=1/2) on |x|^2 lands on x* = 0: step 0's evaluation (1) saw f(x_0) = 27; the budget of one
        // step ends the loop and the lab evaluates f(x_1) = 0 for its last target check: evaluation 2 reached 1e-8
        val landed = run("gd(lr=0.5)", "sphere(dim=3)", Budget(maxSteps = 1, targets = listOf(1e-8)))
        landed.outcome shouldBe Outcome.ReachedTarget(1, 2)
        (landed.hitSteps to landed.hitEvaluations) shouldBe (listOf(1L) to listOf(2L))
        landed.evaluations shouldBe 2L
        // gd(lr=1/4) halves x each step: f(x_1) = 27/4 reaches no target of 1e-8, so the run's cost is its one step
        val short = run("gd(lr=0.25)", "sphere(dim=3)", Budget(maxSteps = 1, targets = listOf(1e-8)))
        short.outcome shouldBe Outcome.OutOfBudget(1)
        short.finalValue shouldBe 27.0 / 4
        short.evaluations shouldBe 1L
    }

    test("a budget of 10 evaluations: 10 steps of gradient descent, 3 of Newton in 3-D (4, 8, then 12 >= 10)") {
        val budget = Budget(maxSteps = 1000, maxEvaluations = 10, targets = listOf(1e-30))
        val gd = run("gd(lr=0.001)", "rosenbrock(dim=3)", budget)
        gd.outcome shouldBe Outcome.OutOfBudget(10)
        gd.steps shouldBe 10L
        gd.evaluations shouldBe 10L
        val newton = run("newton(lr=0.1)", "rosenbrock(dim=3)", budget)
        newton.outcome shouldBe Outcome.OutOfBudget(3)
        newton.steps shouldBe 3L
        newton.evaluations shouldBe 12L
    }
})

