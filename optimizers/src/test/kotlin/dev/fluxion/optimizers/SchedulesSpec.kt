package dev.fluxion.optimizers

import dev.fluxion.optimizers.schedule.Schedules
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.PI
import kotlin.math.cos
import kotlin.math.pow

class SchedulesSpec : FunSpec({
    fun schedule(spec: String) = Schedules.parse(spec)
    fun values(spec: String, vararg steps: Long) = steps.map { schedule(spec).at(it) }

    test("step decay: 0.1 * 0.5^floor(t / 3)") {
        values("step(init=0.1, factor=0.5, every=3)", 0, 2, 3, 7) shouldBe listOf(0.1, 0.1, 0.05, 0.025)
    }

    test("exponential decay: 0.1 * 0.5^(t / 2)") {
        values("exponential(init=0.1, rate=0.5, steps=2)", 0, 1, 2, 4).zip(
            listOf(0.1, 0.1 * 0.5.pow(0.5), 0.05, 0.025)
        ).forEach { (got, want) -> got shouldBe (want plusOrMinus 1e-17) }
    }

    test("inverse time: 0.1 / (1 + 0.5 t / 2)") {
        // t = 2: 1 + 0.5 * 2 / 2 = 1.5; t = 4: 1 + 0.5 * 4 / 2 = 2
        values("inverseTime(init=0.1, rate=0.5, steps=2)", 0, 2, 4) shouldBe listOf(0.1, 0.1 / 1.5, 0.1 / 2)
    }

    test("cosine: 0.01 + 0.09 (1 + cos(pi t / 10)) / 2, then 0.01") {
        val got = values("cosine(init=0.1, steps=10, final=0.01)", 0, 5, 10, 50)
        got[0] shouldBe (0.1 plusOrMinus 1e-17)
        got[1] shouldBe ((0.01 + 0.09 * (1 + cos(PI / 2)) / 2) plusOrMinus 1e-17)
        got[2] shouldBe 0.01
        got[3] shouldBe 0.01
    }

    test("linear warm-up composed with cosine: 0.02 t / 4 for t < 4, then cosine(t - 4)") {
        val got = values("warmup(steps=4, start=0, then=cosine(init=0.02, steps=8))", 0, 1, 3, 4, 8, 12)
        got.take(3) shouldBe listOf(0.0, 0.005, 0.015)
        got[3] shouldBe 0.02
        got[4] shouldBe (0.01 plusOrMinus 1e-17)      // cos(pi/2): halfway down
        got[5] shouldBe 0.0
    }

    test("join: constant 0.3 for t < 2, then step decay from its own t = 0") {
        values("join(constant(value=0.3), step(init=0.2, factor=0.5, every=1), at=2)", 0, 1, 2, 3) shouldBe
            listOf(0.3, 0.3, 0.2, 0.1)
    }

    test("join's spec parses back to itself, and a join missing its second schedule names it and the column") {
        val spec = "join(0.3, cosine(init=0.2, steps=10, final=0.0), at=2)"
        schedule(schedule(spec).spec()).spec() shouldBe schedule(spec).spec()
        shouldThrow<OptimizerException> { schedule("join(0.3, at=2)") }.let {
            it.message shouldContain "join needs hyperparameter second, a number in (0, inf) or a schedule"
            it.column() shouldBe 1
        }
        shouldThrow<OptimizerException> { schedule("join(0.3, -1, at=2)") }.message shouldContain
            "second = -1 (column 11) is out of range"
    }
})
