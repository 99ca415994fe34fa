package dev.fluxion.lab

import dev.fluxion.lab.report.SignedLog
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe

/** The signed log scale's transform and ticks, against values worked out by hand. */
class SignedLogSpec : FunSpec({
    test("s(v) = sign(v) log10(1 + |v|): 0 at 0, +-1 at +-9, +-3 at +-999, odd") {
        SignedLog.of(0.0) shouldBe 0.0
        SignedLog.of(9.0) shouldBe (1.0 plusOrMinus 1e-15)
        SignedLog.of(-9.0) shouldBe (-1.0 plusOrMinus 1e-15)
        SignedLog.of(-999.0) shouldBe (-3.0 plusOrMinus 1e-15)
        SignedLog.of(-1e100) shouldBe (-100.0 plusOrMinus 1e-12)
    }

    test("0 down to -1000: a tick at 0 and at every power of ten but 1") {
        SignedLog.ticks(-1000.0, 0.0).map { it.second } shouldBe listOf("-1e3", "-1e2", "-1e1", "0")
        SignedLog.ticks(-1000.0, 0.0).first().first shouldBe (-Math.log10(1001.0) plusOrMinus 1e-15)
    }

    test("0 down to -1.7e106: ticks every 20 decades (every 10 would be 11 ticks, more than 8)") {
        SignedLog.ticks(-1.7e106, 0.0).map { it.second } shouldBe listOf("-1e100", "-1e80", "-1e60", "-1e40", "-1e20", "0")
    }

    test("-5e6 to 2e4: both signs, every second decade") {
        // every decade: 6 below 0, 0, 4 above = 11 ticks; every second: -1e6, -1e4, -1e2, 0, 1e2, 1e4
        SignedLog.ticks(-5e6, 2e4).map { it.second } shouldBe listOf("-1e6", "-1e4", "-1e2", "0", "1e2", "1e4")
    }

    test("a range within two decades: 1, 2 and 5 times the powers of ten inside it; narrower still, its ends") {
        // -8000..-1500 holds no power of ten; -5e3 and -2e3 lie inside it
        SignedLog.ticks(-8000.0, -1500.0).map { it.second } shouldBe listOf("-5e3", "-2e3")
        // -5000..-900 holds only -1e3 of the powers; with the mantissas, -5e3, -2e3, -1e3
        SignedLog.ticks(-5000.0, -900.0).map { it.second } shouldBe listOf("-5e3", "-2e3", "-1e3")
        // -1900..-1100 holds none of them: its two ends
        SignedLog.ticks(-1900.0, -1100.0).map { it.second } shouldBe listOf("-1.90e+03", "-1.10e+03")
        SignedLog.ticks(-1900.0, -1100.0).first().first shouldBe (-Math.log10(1901.0) plusOrMinus 1e-15)
    }

    test("a range without 0 keeps 1e0 and stays on its side") {
        SignedLog.ticks(-50.0, -1.0).map { it.second } shouldBe listOf("-1e1", "-1e0")
    }
})
