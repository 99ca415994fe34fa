package dev.fluxion.lab

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.StepRule
import dev.fluxion.lab.engine.Trace
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.RateFit
import dev.fluxion.lab.study.RatesStudy
import dev.fluxion.lab.study.Studies
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.longs.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe

class RatesSpec : FunSpec({
    val folder = temporaryFolder("fluxion-rates")
    val kappas = listOf(1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)

    test("gradient descent's fitted rate is within 2% of theory for kappa in 1..1000, at 1/L and at 2/(L + mu)") {
        val study = RatesStudy(listOf(StepRule.parse("gd@1/L"), StepRule.parse("gd@2/(L+mu)")), kappas)
        val engine = Engine(2)
        val rows = study.analyse(Studies.run(study, ResultStore.open(folder.resolve("gd.sqlite")), 2), engine)
        rows.size shouldBe 2 * kappas.size
        for (row in rows) {
            val kappa = row.kappa
            if (kappa == 1.0) {
                // L = mu: the step 1/L = 2/(L + mu) is exact Newton, so the gap vanishes in one step
                row.theoreticalRate shouldBe 0.0
                row.stepsToTarget shouldBe 1L
                row.fittedRate shouldBeLessThan 1e-6
            } else {
                val theory = if (row.rule == "gd@1/L") 1 - 1 / kappa else (kappa - 1) / (kappa + 1)
                row.theoreticalRate shouldBe (theory plusOrMinus 1e-15)
                row.fittedRate shouldBe (theory plusOrMinus 0.02 * theory)
                // the stricter check: the speed ln(1/rho) itself within 2%
                row.slopeError shouldBeLessThan 0.02
                // on a quadratic every eigen-direction contracts at most by rho, so the prediction bounds the steps
                row.stepsToTarget shouldBeLessThanOrEqual row.predictedSteps.toLong()
            }
        }
    }

    test("rules derive their hyperparameters from L and mu, and bad rules are named") {
        StepRule.parse("gd@1/L").optimizer(100.0, 1.0) shouldBe "gd(lr=0.01)"
        StepRule.parse("gd @ 2/(L+mu)").rate(100.0, 1.0) shouldBe (99.0 / 101 plusOrMinus 1e-15)
        // heavy ball at kappa = 100: alpha = 4/(10 + 1)^2, beta = (9/11)^2, rho = 9/11
        StepRule.parse("heavyball@optimal").optimizer(100.0, 1.0) shouldBe "momentum(lr=${4.0 / 121}, momentum=${(9.0 / 11) * (9.0 / 11)})"
        StepRule.parse("nesterov@optimal").rate(100.0, 1.0) shouldBe (0.9 plusOrMinus 1e-15)
        StepRule.parse("gd@0.5/L").rate(10.0, 1.0) shouldBe (0.95 plusOrMinus 1e-15)
        shouldThrowMessage("sideways@optimal") { StepRule.parse("sideways@optimal") }
        // a spec without '@' is an optimizer at fixed hyperparameters: its own spec, no theory
        StepRule.parse("lion(lr=0.001)").optimizer(100.0, 1.0) shouldBe "lion(lr=0.001)"
        StepRule.parse("lion(lr=0.001)").rate(100.0, 1.0).isNaN() shouldBe true
        shouldThrowMessage("0 < c < 2") { StepRule.parse("gd@2.5/L") }
    }

    test("the fit reads the slope of ln gap: a gap of 0.81^k gives rho = 0.9; a one-step drop gives the drop's rate") {
        val steps = LongArray(200) { it.toLong() }
        val geometric = Trace(steps, DoubleArray(200) { 5 * Math.pow(0.81, it.toDouble()) }, DoubleArray(200), DoubleArray(200), DoubleArray(0))
        RateFit.of(geometric, 0.0, 1e-14)!!.rate shouldBe (0.9 plusOrMinus 1e-12)
        val oneStep = Trace(longArrayOf(0, 1), doubleArrayOf(4.0, 4e-20), DoubleArray(2), DoubleArray(2), DoubleArray(0))
        val fit = RateFit.of(oneStep, 0.0, 1e-14)!!
        fit.fromSlope shouldBe false
        fit.rate shouldBe (1e-10 plusOrMinus 1e-15)
        RatesStudy.predictedSteps(1.0, 1e-8, 0.9) shouldBe Math.ceil(Math.log(1e8) / Math.log(1 / 0.81))
    }
})

private fun shouldThrowMessage(fragment: String, block: () -> Unit) {
    val e = runCatching(block).exceptionOrNull() ?: throw AssertionError("expected a LabException naming '$fragment'")
    if (e !is LabException || !e.message!!.contains(fragment)) throw AssertionError("expected '$fragment' in ${e.message}", e)
}
