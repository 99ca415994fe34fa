package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.TracePolicy
import dev.fluxion.lab.engine.TraceRecorder
import dev.fluxion.lab.study.CompareStudy
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.lang.management.ManagementFactory

/**
 * A run allocates its trace and a few small objects, and nothing per step: the bytes the calling thread allocates
 * (HotSpot's per-thread counter) for a run of 20,000 steps exceed those of a run of 2,000 by about the 48 bytes per
 * extra kept trace point (step, loss, gradient norm, step length, two coordinates), where a single object per step
 * would add at least 16 bytes x 18,000.
 */
class RunAllocationSpec : FunSpec({
    val threads = ManagementFactory.getThreadMXBean() as com.sun.management.ThreadMXBean
    val engine = Engine(1)

    fun spec(steps: Long) = CompareStudy(listOf("gd(lr=0.0001)"), listOf("quadratic(dim=2, kappa=10)"),
        budget = Budget(maxSteps = steps)).runs(engine).single()

    /** The fewest bytes the calling thread allocated over a few runs of [spec] (the first ones warm up). */
    fun allocated(spec: RunSpec): Long = (1..8).minOf {
        val id = Thread.currentThread().id
        val before = threads.getThreadAllocatedBytes(id)
        val result = engine.run(spec)
        val after = threads.getThreadAllocatedBytes(id)
        result.outcome shouldBe Outcome.OutOfBudget(spec.budget.maxSteps)
        after - before
    }

    test("18,000 more steps cost only their extra trace points") {
        repeat(30) { engine.run(spec(2000)) } // compile the loop first
        val short = allocated(spec(2000))
        val long = allocated(spec(20_000))
        val extraPoints = TraceRecorder.capacity(20_000, TracePolicy.LOG) - TraceRecorder.capacity(2000, TracePolicy.LOG)
        println("RunAllocationSpec: 2,000 steps allocate $short bytes, 20,000 steps $long bytes; $extraPoints more trace points")
        (long - short <= 48L * extraPoints + 2048) shouldBe true
        // the trace is most of a run's allocation: its points x 48 bytes, and a few kB besides
        (short <= 48L * TraceRecorder.capacity(2000, TracePolicy.LOG) + 8192) shouldBe true
    }
})
