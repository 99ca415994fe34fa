package dev.fluxion.dsl.calculus

import dev.fluxion.dsl.DslException
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.pow

class PowerLawSpec : FunSpec({

    test("points on y = 3 x^2 give back the exponent 2 and the coefficient 3") {
        val x = doubleArrayOf(1.0, 2.0, 4.0, 8.0, 0.5)
        val law = PowerLaw.fit(x, DoubleArray(x.size) { 3 * x[it] * x[it] })
        law.exponent shouldBe (2.0 plusOrMinus 1e-12)
        law.coefficient shouldBe (3.0 plusOrMinus 1e-12)
        law.valueAt(10.0) shouldBe (300.0 plusOrMinus 1e-9)
    }

    test("off the law: (1, 1), (10, 10), (100, 1000) give slope 3/2 and log10 c = -1/6, by the normal equations by hand") {
        // u = 0, 1, 2 and v = 0, 1, 3: sum u = 3, sum v = 4, sum u^2 = 5, sum u v = 7
        // p = (3 * 7 - 3 * 4) / (3 * 5 - 9) = 9 / 6, log10 c = (4 - 1.5 * 3) / 3 = -1/6
        val law = PowerLaw.fit(doubleArrayOf(1.0, 10.0, 100.0), doubleArrayOf(1.0, 10.0, 1000.0))
        law.exponent shouldBe (1.5 plusOrMinus 1e-14)
        law.coefficient shouldBe (10.0.pow(-1.0 / 6) plusOrMinus 1e-14)
    }

    test("a range of indices fits only those points: the order of an error h + h^2 where h dominates") {
        val h = doubleArrayOf(1.0, 1e-3, 1e-4, 1e-5, 1e-6)
        val error = DoubleArray(h.size) { h[it] + h[it] * h[it] }
        // over the last four points h^2 is at most 1e-3 of h: slope within 1e-3 of 1; with h = 1 it is pulled off
        PowerLaw.fit(h, error, 1, 5).exponent shouldBe (1.0 plusOrMinus 1e-3)
        (PowerLaw.fit(h, error).exponent - 1 > 1e-3) shouldBe true
    }

    test("bad input is named: lengths, too few points, values that have no logarithm, one x only") {
        shouldThrow<DslException> { PowerLaw.fit(doubleArrayOf(1.0, 2.0), doubleArrayOf(1.0)) }.message shouldContain "2 x and 1 y"
        shouldThrow<DslException> { PowerLaw.fit(doubleArrayOf(1.0, 2.0, 3.0), doubleArrayOf(1.0, 2.0, 3.0), 2, 3) }
            .message shouldContain "at least two points"
        shouldThrow<DslException> { PowerLaw.fit(doubleArrayOf(1.0, 2.0), doubleArrayOf(1.0, 0.0)) }.message shouldContain "point 1 is (2.0, 0.0)"
        shouldThrow<DslException> { PowerLaw.fit(doubleArrayOf(2.0, 2.0), doubleArrayOf(1.0, 3.0)) }.message shouldContain "all have x = 2.0"
    }
})
