package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.landscapes.LandscapeRegistry
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe

/**
 * A comparison over minibatch sizes runs in the lab, gives the same bits with 1 and with 2 threads, and reports each
 * run's progress on the full objective, not on its last batch.
 */
class MinibatchStudySpec : FunSpec({
    val landscapes = listOf("logistic-regression(samples=64, batch=4)", "logistic-regression(samples=64, batch=16)",
        "linear-regression(samples=64, batch=8, sampling=replacement)", "logistic-regression(samples=64)")
    val study = CompareStudy(listOf("gd(lr=0.1)", "momentum(lr=0.05, momentum=0.9)"), landscapes, seeds = 3,
        budget = Budget(maxSteps = 300, targets = listOf(1e-300)))

    fun results(threads: Int): List<RunResult> {
        val engine = Engine(threads)
        val all = mutableListOf<RunResult>()
        engine.forEachResult(study.runs(engine)) { synchronized(all) { all += it } }
        return all.sortedBy { it.spec.key }
    }

    test("the runs over batch sizes are bit-identical with 1 and 2 threads") {
        val one = results(1)
        val two = results(2)
        one.size shouldBe 4 * 2 * 3
        one.map { it.spec.key } shouldBe two.map { it.spec.key }
        one.map { r -> r.finalPoint.map { it.toRawBits() } } shouldBe two.map { r -> r.finalPoint.map { it.toRawBits() } }
        one.map { it.finalGap.toRawBits() } shouldBe two.map { it.finalGap.toRawBits() }
        // seeds differ, so do the batches and the runs' ends
        val batched = one.filter { it.spec.landscapeSpec.contains("batch=4") && it.spec.optimizerSpec.startsWith("gd") }
        batched.map { it.finalPoint }.toSet().size shouldBe 3
    }

    test("the final gap is the full objective's at the final point, not the last batch's") {
        val registry = LandscapeRegistry.standard()
        val all = results(2)
        for (r in all) {
            r.finalGap shouldBe registry.create(r.spec.landscapeSpec).valueGap(r.finalPoint.toDoubleArray())
        }
        fun meanGap(spec: String) = all.filter { it.spec.landscapeSpec == registry.create(spec).spec() &&
            it.spec.optimizerSpec.startsWith("gd") }.map { it.finalGap }.average()
        meanGap("logistic-regression(samples=64, batch=4)") shouldBeGreaterThan 0.0
        meanGap("logistic-regression(samples=64, batch=4)") shouldNotBe meanGap("logistic-regression(samples=64, batch=16)")
    }
})
