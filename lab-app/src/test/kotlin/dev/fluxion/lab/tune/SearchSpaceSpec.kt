package dev.fluxion.lab.tune

import dev.fluxion.lab.LabException
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain

class SearchSpaceSpec : FunSpec({
    fun space(vararg options: String) = SearchSpace.parse(options.toList())

    test("a log-uniform grid of 5 points over 1e-4 .. 1 is the five decades") {
        val lrs = space("lr=loguniform(1e-4, 1)").grid(5).map { it.value("lr") }
        lrs.zip(listOf(1e-4, 1e-3, 1e-2, 1e-1, 1.0)).forEach { (got, want) -> got shouldBe (want plusOrMinus want * 1e-12) }
    }

    test("two ranges share the budget: 20 settings allow 4 x 4 (5 x 5 = 25 would not fit), the last varying fastest") {
        val grid = space("lr=loguniform(1e-3, 1)", "momentum=uniform(0.5, 0.8)").grid(20)
        grid.size shouldBe 16
        // lr: 1e-3 .. 1 in 3 equal log steps of a decade each; momentum: 0.5 .. 0.8 in steps of 0.1
        grid.map { it.value("lr") }.distinct().zip(listOf(1e-3, 1e-2, 1e-1, 1.0)).forEach { (g, w) -> g shouldBe (w plusOrMinus w * 1e-12) }
        grid.take(4).map { it.value("momentum") }.zip(listOf(0.5, 0.6, 0.7, 0.8)).forEach { (g, w) -> g shouldBe (w plusOrMinus 1e-12) }
        grid.take(4).map { it.value("lr") }.distinct().size shouldBe 1
    }

    test("a choice of 3 and a range under a budget of 10: 3 x 3 settings; int(1, 4) gives its 4 values whatever the budget") {
        space("batch=choice(1, 2, 3)", "lr=uniform(0, 1)").grid(10).size shouldBe 9
        space("batch=choice(1, 2, 3)", "lr=uniform(0, 1)").grid(10).map { it.value("lr") }.distinct() shouldBe listOf(0.0, 0.5, 1.0)
        space("k=int(1, 4)").grid(10).map { it.value("k") } shouldBe listOf(1.0, 2.0, 3.0, 4.0)
        space("lr=loggrid(1e-3, 1e-1, 3)").grid(10).map { it.value("lr") }.let {
            it.size shouldBe 3
            it[1] shouldBe (1e-2 plusOrMinus 1e-14)
        }
        space("lr=grid(0, 1, 5)").grid(100).map { it.value("lr") } shouldBe listOf(0.0, 0.25, 0.5, 0.75, 1.0)
        shouldThrow<LabException> { space("a=choice(1, 2, 3)", "b=choice(1, 2)").grid(5) }.message shouldContain
            "a grid of 6 settings, more than --budget 5"
    }

    test("random draws are seeded and stay in range; log-uniform draws are uniform in log space") {
        val logs = space("lr=loguniform(1e-6, 1)").random(4000, 7).map { it.value("lr") }
        logs.all { it >= 1e-6 && it <= 1.0 } shouldBe true
        // log10 uniform on [-6, 0]: mean -3, standard deviation 6 / sqrt(12) = 1.73, so the mean of 4000 draws is
        // within 0.03 (one standard error) of -3 most of the time, and within 0.15 (5 errors) always
        logs.map { Math.log10(it) }.average() shouldBe (-3.0 plusOrMinus 0.15)
        // half the mass lies below 1e-3 (a linear uniform on the same range would put 0.1% there)
        logs.count { it < 1e-3 } / 4000.0 shouldBe (0.5 plusOrMinus 0.04)
        val uniform = space("m=uniform(0.5, 0.9)").random(4000, 7).map { it.value("m") }
        uniform.all { it >= 0.5 && it < 0.9 } shouldBe true
        uniform.average() shouldBe (0.7 plusOrMinus 0.01)
        val whole = space("k=int(1, 4)").random(400, 1).map { it.value("k") }
        whole.toSet() shouldBe setOf(1.0, 2.0, 3.0, 4.0)
        space("lr=loguniform(1e-6, 1)").random(5, 7) shouldBe space("lr=loguniform(1e-6, 1)").random(5, 7)
        space("lr=loguniform(1e-6, 1)").random(5, 7) shouldNotBe space("lr=loguniform(1e-6, 1)").random(5, 8)
    }

    test("parse errors name the option, the column and what was wrong") {
        fun error(option: String) = shouldThrow<LabException> { space(option) }.message!!
        // l=1 r=2 '='=3, loguniform at 4..13, '(' at 14, the 0 at 15
        error("lr=loguniform(0,1)") shouldContain "--tune 'lr=loguniform(0,1)': loguniform needs 0 < low, got 0.0 (column 15)"
        // uniform at 4..10, '(' 11, '1' 12, ',' 13, ' ' 14, 'x' 15
        error("lr=uniform(1, x)") shouldContain "'x' is not a finite number (column 15)"
        error("lr=loguniform(1e-5)") shouldContain "loguniform takes 2 numbers"
        error("lr=normal(0,1)") shouldContain "unknown distribution 'normal' (column 4)"
        error("lr=uniform(2,1)") shouldContain "uniform needs low < high"
        error("lr") shouldContain "expected name=distribution"
        error("lr=0.1") shouldContain "'0.1' is not a distribution"
        error("k=int(1.5, 3)") shouldContain "'1.5' is not a whole number (column 7)"
        shouldThrow<LabException> { space("lr=uniform(0,1)", "lr=uniform(0,2)") }.message shouldContain "'lr' is tuned twice"
        shouldThrow<LabException> { Search.parse("bayes") }.message shouldBe "--search 'bayes' is unknown; known: grid, random, halving"
    }

    test("successive halving's rungs, worked by hand") {
        // R = 1 + floor(log3 20) = 3 rungs: 20, 20/3 = 6, 6/3 = 2 settings; steps 1000/9 = 111, 1000/3 = 333, 1000
        Halving(20, 3, 1000).rungs shouldBe listOf(Rung(0, 20, 111), Rung(1, 6, 333), Rung(2, 2, 1000))
        // 27 = 3^3: four rungs of 27, 9, 3, 1 at 81/27 = 3, 9, 27, 81 steps
        Halving(27, 3, 81).rungs shouldBe listOf(Rung(0, 27, 3), Rung(1, 9, 9), Rung(2, 3, 27), Rung(3, 1, 81))
        // eta 2 on 8: 8, 4, 2, 1 at 100/8 = 12, 25, 50, 100 steps
        Halving(8, 2, 100).rungs shouldBe listOf(Rung(0, 8, 12), Rung(1, 4, 25), Rung(2, 2, 50), Rung(3, 1, 100))
        // fewer settings than eta: one rung, the full budget
        Halving(2, 3, 100).rungs shouldBe listOf(Rung(0, 2, 100))
        // a step budget shorter than the rungs need: never below one step
        Halving(9, 3, 4).rungs shouldBe listOf(Rung(0, 9, 1), Rung(1, 3, 1), Rung(2, 1, 4))
    }
})
