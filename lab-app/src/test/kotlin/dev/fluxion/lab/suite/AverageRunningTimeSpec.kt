package dev.fluxion.lab.suite

import dev.fluxion.lab.stats.AverageRunningTime
import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.stats.PairSummary
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.Trace
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import java.util.SplittableRandom

/** COCO's aRT and its simulated restarts on run sets small enough to work out by hand. */
class AverageRunningTimeSpec : FunSpec({

    fun runtimes(successful: List<Long>, unsuccessful: List<Long>) = Runtimes(successful.toLongArray(), unsuccessful.toLongArray())

    test("3 runs, 2 reaching the target after e1 and e2 evaluations, 1 spending its budget B: aRT = (e1 + e2 + B) / 2") {
        // (120 + 80 + 1000) / 2 = 600
        runtimes(listOf(120, 80), listOf(1000)).averageRunningTime shouldBe 600.0
        runtimes(listOf(120, 80), listOf(1000)).successRate shouldBe (2.0 / 3 plusOrMinus 1e-15)
    }

    test("all runs successful: aRT is their mean; none successful: aRT is infinite") {
        runtimes(listOf(3, 4, 8), emptyList()).averageRunningTime shouldBe 5.0
        runtimes(emptyList(), listOf(50, 60)).averageRunningTime shouldBe Double.POSITIVE_INFINITY
    }

    test("from stored runs: a run that hit a target counts its evaluations to the hit, one that missed everything it used") {
        val budget = Budget(maxSteps = 100, targets = listOf(1.0, 0.1))
        fun run(evaluations: Long, hits: List<Long>) = RunResult(
            RunSpec("gd", "gd", "sphere", "sphere", 0, listOf(0.0), 0, 0, budget),
            if (hits.last() >= 0) Outcome.ReachedTarget(hits.last(), hits.last()) else Outcome.OutOfBudget(100),
            100, evaluations, 0.0, 0.0, listOf(0.0), hits, hits, Trace.EMPTY)
        val runs = listOf(run(30, listOf(10, 30)), run(100, listOf(25, -1)), run(100, listOf(-1, -1)))
        // target 1: hits after 10 and 25, the third used 100: (10 + 25 + 100) / 2
        Runtimes.of(runs, 0).averageRunningTime shouldBe 67.5
        // target 0.1: one hit after 30; the others used 100 each: (30 + 100 + 100) / 1
        Runtimes.of(runs, 1).averageRunningTime shouldBe 230.0
        Runtimes.of(runs, 1).successCount shouldBe 1
    }

    test("one formula for the comparison's tables and the suite's: hits after 10 and 30 evaluations, a miss after 100") {
        val budget = Budget(maxSteps = 100, targets = listOf(1.0))
        fun run(seed: Int, evaluations: Long, hit: Long) = RunResult(
            RunSpec("gd", "gd", "sphere", "sphere", 0, listOf(0.0), seed, 0, budget),
            if (hit >= 0) Outcome.ReachedTarget(hit, hit) else Outcome.OutOfBudget(100),
            100, evaluations, 0.0, 0.0, listOf(0.0), listOf(hit), listOf(hit), Trace.EMPTY)
        val runs = listOf(run(0, 10, 10), run(1, 30, 30), run(2, 100, -1))
        // (10 + 30 + 100) / 2 successes
        AverageRunningTime.of(140, 2) shouldBe 70.0
        runs.map { AverageRunningTime.evaluationsSpent(it, 0) } shouldBe listOf(10L, 30L, 100L)
        Runtimes.of(runs, 0).averageRunningTime shouldBe 70.0
        PairSummary.of(runs).single().averageRuntime shouldBe listOf(70.0)
        // the miss alone: no success, aRT infinite in both
        AverageRunningTime.of(100, 0) shouldBe Double.POSITIVE_INFINITY
        Runtimes.of(runs.drop(2), 0).averageRunningTime shouldBe Double.POSITIVE_INFINITY
        PairSummary.of(runs.drop(2)).single().averageRuntime shouldBe listOf(Double.POSITIVE_INFINITY)
    }

    test("a group pools its functions' runs: evaluations of all over successes of all") {
        // f: 10, 20 hit, 100 missed; g: 40 hit; (10 + 20 + 100 + 40) / 3
        Runtimes.pooled(listOf(runtimes(listOf(10, 20), listOf(100)), runtimes(listOf(40), emptyList())))
            .averageRunningTime shouldBe (170.0 / 3 plusOrMinus 1e-12)
    }

    test("negative runtimes are refused") {
        shouldThrow<LabException> { runtimes(listOf(-1), emptyList()) }.message shouldContain ">= 0"
    }

    test("percentiles as cocopp's prctile reads them: position N p/100 - 1/2, clamped, linear in between") {
        val x = doubleArrayOf(1.0, 2.0, 3.0, 4.0)
        Bootstrap.percentile(x, 50.0) shouldBe 2.5 // i = 1.5: halfway between 2 and 3
        Bootstrap.percentile(x, 30.0) shouldBe (1.7 plusOrMinus 1e-15) // i = 0.7: 0.3 * 1 + 0.7 * 2
        Bootstrap.percentile(x, 10.0) shouldBe 1.0 // i = -0.1 <= 0
        Bootstrap.percentile(x, 90.0) shouldBe 4.0 // i = 3.1 >= N - 1
        Bootstrap.percentile(x, 62.5) shouldBe 3.0 // i = 2.0 exactly: x[2]
        shouldThrow<LabException> { Bootstrap.percentile(x, 101.0) }.message shouldContain "[0, 100]"
        shouldThrow<LabException> { Bootstrap.percentile(DoubleArray(0), 50.0) }.message shouldContain "empty"
    }

    test("one successful run: every simulated restart is that run") {
        Bootstrap.percentiles(runtimes(listOf(7), emptyList()), seed = 1) shouldBe RunLengthPercentiles(7.0, 7.0, 7.0)
    }

    test("no successful run: nothing to simulate") {
        Bootstrap.percentiles(runtimes(emptyList(), listOf(100)), seed = 1) shouldBe null
    }

    test("a success of 10 and a failure of 4: lengths 10 + 4 G, G geometric with p = 1/2, mean = aRT = 14") {
        // P(L = 10) = 1/2, P(L = 14) = 1/4, P(L = 18) = 1/8, P(L = 22) = 1/16, ...; E[G] = 1, sd(L) = 4 sqrt 2
        val set = runtimes(listOf(10), listOf(4))
        set.averageRunningTime shouldBe 14.0
        val n = 200_000
        val lengths = Bootstrap.simulatedRunLengths(set, n, SplittableRandom(17))!!
        lengths.average() shouldBe (14.0 plusOrMinus 0.1) // 8 standard errors of 0.0127
        (lengths.count { it == 10.0 }.toDouble() / n) shouldBe (0.5 plusOrMinus 0.01)
        (lengths.count { it == 14.0 }.toDouble() / n) shouldBe (0.25 plusOrMinus 0.01)
        (lengths.count { it == 18.0 }.toDouble() / n) shouldBe (0.125 plusOrMinus 0.01)
        lengths.all { (it - 10) % 4 == 0.0 } shouldBe true
        // P(L <= 10) = 1/2 > 10%, P(L <= 18) = 7/8 < 90% <= P(L <= 22) = 15/16
        Bootstrap.percentile(lengths, 10.0) shouldBe 10.0
        Bootstrap.percentile(lengths, 90.0) shouldBe 22.0
    }

    test("simulated restarts are reproducible from the seed, and the seed matters") {
        val set = runtimes(listOf(10, 30, 55), listOf(100, 100))
        val a = Bootstrap.simulatedRunLengths(set, 500, SplittableRandom(5))!!
        a.toList() shouldBe Bootstrap.simulatedRunLengths(set, 500, SplittableRandom(5))!!.toList()
        a.toList() shouldNotBe Bootstrap.simulatedRunLengths(set, 500, SplittableRandom(6))!!.toList()
        Bootstrap.percentiles(set, 9) shouldBe Bootstrap.percentiles(set, 9)
    }
})
