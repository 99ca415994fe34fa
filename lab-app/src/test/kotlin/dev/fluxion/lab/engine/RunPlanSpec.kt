package dev.fluxion.lab.engine

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/**
 * The engine checks a [RunPlan]'s specs from the plan's own lists: every run is made once, by the worker that
 * computes it, and a bad spec fails before any run is made.
 */
class RunPlanSpec : FunSpec({
    test("a plan's runs are each made once, and all of them computed") {
        val plan = CountingPlan("gd(lr=0.1)", 7)
        val finalValues = mutableListOf<Double>()
        Engine(1).forEachResult(plan) { finalValues += it.finalValue }
        plan.made shouldBe 7
        finalValues.size shouldBe 7
        // f = x^2 + y^2 from (1, 1): gd with lr 0.1 multiplies x by 1 - 0.2 per step, so f = 2 * 0.8^20 after 10 steps
        finalValues.forEach { (Math.abs(it - 2 * Math.pow(0.8, 20.0)) < 1e-15) shouldBe true }
    }

    test("a bad spec in a plan fails before any run is made, naming the spec") {
        val plan = CountingPlan("nosuch(lr=1)", 7)
        val error = shouldThrow<RuntimeException> { Engine(1).forEachResult(plan) { } }
        error.message!! shouldContain "nosuch"
        plan.made shouldBe 0
    }
})

/** [size] runs of [optimizer] from (1, 1) on the sphere x^2 + y^2, 10 steps each, counting the runs it makes. */
private class CountingPlan(optimizer: String, override val size: Int) : AbstractList<RunSpec>(), RandomAccess,
    RunPlan {
    override val optimizerSpecs = listOf(optimizer)
    override val landscapeSpecs = listOf(LANDSCAPE)
    var made = 0

    override fun get(index: Int): RunSpec {
        made++
        return RunSpec(optimizerSpecs[0], optimizerSpecs[0], LANDSCAPE, LANDSCAPE, index, listOf(1.0, 1.0), 0, 1L,
            Budget(10))
    }

    companion object {
        const val LANDSCAPE = "sphere(dim=2)"
    }
}
