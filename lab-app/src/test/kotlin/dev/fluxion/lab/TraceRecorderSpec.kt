package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.Trace
import dev.fluxion.lab.engine.TracePolicy
import dev.fluxion.lab.engine.TraceRecorder
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.StartPlan
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/**
 * The trace's schedule is decided by the step budget alone, and its arrays, sized from it up front, hold every run:
 * whatever step a run ends at, and however often its last point is recorded again.
 */
class TraceRecorderSpec : FunSpec({
    test("every step up to keepAll, then steps at least ratio times apart, at most one more than that apart") {
        val recorder = TraceRecorder(100_000, withPositions = false, TracePolicy.Log(keepAll = 1000, ratio = 1.02))
        for (k in 0 until 100_000L) recorder.record(k, 1.0, 1.0, 1.0, DoubleArray(1))
        recorder.recordLast(100_000, 1.0, 1.0, 0.0, DoubleArray(1))
        val steps = recorder.build().steps
        steps.take(1001) shouldBe (0L..1000L).toList()
        for (i in 1001 until steps.size - 1) {
            val (a, b) = steps[i - 1] to steps[i]
            (b >= 1.02 * a && b <= 1.02 * a + 1) shouldBe true
        }
        steps.last() shouldBe 100_000L
        // 1000 + ln(100) / ln(1.02) = 1000 + 232.6 kept steps after step 0, give or take the rounding up
        (steps.size in 1200..1234) shouldBe true
    }

    test("the arrays hold a run that ends at any step, and are handed over uncopied when the schedule fills them") {
        for (maxSteps in 1L..120L) {
            val capacity = TraceRecorder.capacity(maxSteps, TracePolicy.Log(10, 1.3))
            for (end in 0L..maxSteps) {
                val recorder = TraceRecorder(maxSteps, withPositions = true, TracePolicy.Log(10, 1.3))
                for (k in 0 until end) recorder.record(k, k.toDouble(), 1.0, 1.0, doubleArrayOf(k.toDouble(), 0.0))
                recorder.recordLast(end, -1.0, 0.0, 0.0, doubleArrayOf(end.toDouble(), 1.0))
                // a run that fails inside its last step records that point again, with more facts
                recorder.recordLast(end, -2.0, 0.0, 0.0, doubleArrayOf(end.toDouble(), 2.0))
                val trace = recorder.build()
                trace.steps.last() shouldBe end
                trace.loss.last() shouldBe -2.0
                trace.positions.last() shouldBe 2.0
                (trace.size <= capacity) shouldBe true
            }
        }
        // 0..10 every step, then 13, 17, 23, 30, 39, 51, 67, 88, 115: a budget of 115 ends on the schedule
        TraceRecorder.capacity(115, TracePolicy.Log(10, 1.3)) shouldBe 20
        TraceRecorder.capacity(116, TracePolicy.Log(10, 1.3)) shouldBe 21
        TraceRecorder.capacity(1000, TracePolicy.Log(1000, 1.02)) shouldBe 1001
    }

    test("a run that reaches its target between two kept steps ends its trace at that step, with its f") {
        // gd(lr=0.001) on quadratic(kappa=10) (mu = 1): the slow mode's gap shrinks by (1 - 0.001)^2 a step, so
        // f - f* <= 1e-8 comes after some 9,000 steps, where the default schedule's kept steps are about 180 apart
        val engine = Engine(1)
        val spec = CompareStudy(listOf("gd(lr=0.001)"), listOf("quadratic(dim=2, kappa=10)"), StartPlan("default"),
            budget = Budget(maxSteps = 20_000)).runs(engine).single()
        val result = engine.run(spec)
        val reached = result.outcome as Outcome.ReachedTarget
        (reached.step in 5000L..15000L) shouldBe true
        val kept = generateSequence(0L) { TracePolicy.LOG.next(it) }.takeWhile { it <= reached.step }.toSet()
        (reached.step in kept) shouldBe false // off the schedule, or this test would not test anything
        result.trace.steps.last() shouldBe reached.step
        result.trace.loss.last() shouldBe result.finalValue
        (result.trace.loss.last() <= 1e-8) shouldBe true
    }

    test("every:N keeps the start, every N-th step and the last point; none keeps nothing") {
        for (maxSteps in 1L..60L) {
            for (end in 0L..maxSteps) {
                val recorder = TraceRecorder(maxSteps, withPositions = false, TracePolicy.Every(7))
                for (k in 0 until end) recorder.record(k, k.toDouble(), 1.0, 1.0, DoubleArray(1))
                recorder.recordLast(end, -1.0, 0.0, 0.0, DoubleArray(1))
                val steps = recorder.build().steps.toList()
                steps shouldBe ((0 until end step 7).toList() + end).distinct()
                (steps.size <= TraceRecorder.capacity(maxSteps, TracePolicy.Every(7))) shouldBe true
            }
        }
        val none = TraceRecorder(1000, withPositions = true, TracePolicy.NONE)
        for (k in 0 until 1000L) none.record(k, 1.0, 1.0, 1.0, DoubleArray(2))
        none.recordLast(1000, 1.0, 0.0, 0.0, DoubleArray(2))
        none.build() shouldBe Trace.EMPTY
    }

    test("the policies read back from their text, and bad ones are refused in one line") {
        for (text in listOf("none", "log", "every:1", "every:250")) TracePolicy.parse(text).text shouldBe text
        for (bad in listOf("every:0", "every:-3", "every:x", "all", "")) {
            val message = io.kotest.assertions.throwables.shouldThrow<LabException> { TracePolicy.parse(bad) }.message!!
            (message.contains("none, log or every:N") || message.contains("from 1 to 10^12")) shouldBe true
        }
    }
})
