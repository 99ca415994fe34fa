package dev.fluxion.lab.suite

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.LabException
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/** COCO's 51 targets, 10^(2 - k/5) for k = 0..50, and the seven its tables show. */
class SuiteTargetsSpec : FunSpec({
    test("51 targets from 100 down to 1e-8, five per decade, each 10^(-1/5) times the one before") {
        val t = SuiteTargets.COCO
        t.size shouldBe 51
        t.first() shouldBe 100.0
        t.last() shouldBe (1e-8 plusOrMinus 1e-23)
        // each of a and b is rounded, so the ratio is off by a few ulps
        t.zipWithNext().forEach { (a, b) -> b / a shouldBe (0.6309573444801932 plusOrMinus 1e-14) }
        // every fifth is a power of ten: 100, 10, 1, ..., 1e-8
        for (j in 0..10) t[5 * j] shouldBe (Math.pow(10.0, 2.0 - j) plusOrMinus Math.pow(10.0, 2.0 - j) * 1e-15)
    }

    test("the table targets are COCO's 10, 1, 1e-1, 1e-2, 1e-3, 1e-5 and 1e-7") {
        val expected = listOf(10.0, 1.0, 1e-1, 1e-2, 1e-3, 1e-5, 1e-7)
        SuiteTargets.TABLE.map { SuiteTargets.COCO[it] }.zip(expected).forEach { (a, b) -> a shouldBe (b plusOrMinus b * 1e-15) }
    }

    test("a suite budget aims at them, and another set of targets is refused") {
        SuiteTargets.budget(500).targets shouldBe SuiteTargets.COCO
        shouldThrow<LabException> { SuiteTargets.check(Budget(maxSteps = 10)) }.message shouldContain "51 targets"
    }
})
