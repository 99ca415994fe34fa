package dev.fluxion.lab.api

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.optimizers.kotlin.gd
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.pow

/**
 * What the guide's scripts ask of the builders: a start at a given point, targets finer than 1e-8, and the rates
 * study's fitted rates from its results, each checked against gradient descent's closed form on a quadratic.
 */
class StartsTargetsRatesSpec : FunSpec({

    test("a point start is where the run starts, after the default start when joined to it") {
        // gd(lr=0.1) on x^2 + 10 y^2 multiplies x by 1 - 0.2 and y by 1 - 2 = -1 per step
        val bowl = landscape(Expr.parse("x^2 + 10*y^2"), minimum = 0.0)
        val runs = compare {
            optimizers(gd(lr = 0.1)); landscapes(bowl); starts(default() + point(3.0, 4.0)); steps(5); threads(1)
        }.run().runs
        runs.map { it.spec.start } shouldBe listOf(listOf(2.5, 2.5), listOf(3.0, 4.0)) // the formula's default: -5 + 3/4 of 10
        runs[1].finalPoint[0] shouldBe (3 * 0.8.pow(5) plusOrMinus 1e-15)
        runs[1].finalPoint[1] shouldBe -4.0
        StartPlan("point:1e+3, -2.5").starts(bowl, 0).single().toList() shouldBe listOf(1000.0, -2.5)
        pointStart(0.1, -7.0) shouldBe StartPlan("point:0.1,-7.0")
    }

    test("a point of the wrong size, or not of numbers, is refused naming the plan") {
        shouldThrow<LabException> { StartPlan("point:1,2,3").starts(rosenbrock(dim = 2), 0) }.message shouldBe
            "starts 'point:1,2,3': the point has 3 coordinates, rosenbrock(dim=2) has 2 variables"
        shouldThrow<LabException> { StartPlan("default+point:1,x") }.message shouldBe
            "starts 'default+point:1,x': 'point:1,x' needs finite numbers separated by ',' after 'point:'"
    }

    test("targets record the first step at each gap, and the run ends at the finest") {
        // gd(lr=0.25) on x^2 halves x per step, so from x = 1, f_k = 4^-k: f <= 1e-2 first at k = 4, <= 1e-6 at k = 10
        val runs = compare {
            optimizers(gd(lr = 0.25)); landscapes(landscape(Expr.parse("x^2"), minimum = 0.0)); starts(point(1.0))
            steps(1000); targets(1e-2, 1e-6); threads(1)
        }.run().runs
        runs.single().hitSteps shouldBe listOf(4L, 10L)
        runs.single().outcome shouldBe Outcome.ReachedTarget(10, runs.single().evaluations)
        shouldThrow<LabException> { compare { targets(1e-6, 1e-2) }.study() }.message!! shouldContain "decreasing"
    }

    test("a rates study's rows fit gradient descent's rate 1 - 1/kappa at lr = 1/L") {
        val rows = rates { rules("gd@1/L", "gd@2/(L+mu)"); kappas(10.0, 100.0); dimension(2); threads(1) }.run().rateRows()
        rows.map { it.rule to it.kappa } shouldBe listOf("gd@1/L" to 10.0, "gd@1/L" to 100.0, "gd@2/(L+mu)" to 10.0, "gd@2/(L+mu)" to 100.0)
        rows.map { it.fittedRate }.zip(listOf(0.9, 0.99, 9.0 / 11, 99.0 / 101)).forEach { (fit, exact) -> fit shouldBe (exact plusOrMinus 1e-9) }
        shouldThrow<LabException> { compare { steps(1) ; threads(1) }.run().rateRows() }.message shouldBe
            "rate rows of study 'compare': it is not a rates study"
    }
})
