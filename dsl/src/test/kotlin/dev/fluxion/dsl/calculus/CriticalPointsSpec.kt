package dev.fluxion.dsl.calculus

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.formula
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.PI
import kotlin.math.sqrt

private fun CriticalPoint.shouldBeAt(location: Double, value: Double, kind: Classification) {
    this.location shouldBe (location plusOrMinus 1e-9)
    this.value shouldBe (value plusOrMinus 1e-9)
    classification shouldBe kind
}

private fun GlobalExtremum.shouldBeAt(value: Double, vararg locations: Double) {
    this.value shouldBe (value plusOrMinus 1e-9)
    this.locations shouldHaveSize locations.size
    this.locations.zip(locations.toList()).forEach { (found, expected) -> found shouldBe (expected plusOrMinus 1e-9) }
}

class CriticalPointsSpec : FunSpec({

    test("x^4 - 4x^2 on [-3, 3]: f' = 4x(x^2 - 2), minima -4 at ±sqrt 2, maximum 0 at 0, f(±3) = 45") {
        val result = CriticalPoints.find(formula("x^4 - 4*x^2"), -3.0, 3.0)
        result.points shouldHaveSize 3
        result.points[0].shouldBeAt(-sqrt(2.0), -4.0, Classification.LOCAL_MIN)
        result.points[1].shouldBeAt(0.0, 0.0, Classification.LOCAL_MAX)
        result.points[2].shouldBeAt(sqrt(2.0), -4.0, Classification.LOCAL_MIN)
        result.points.forEach { it.decidedBy shouldBe Criterion.SECOND_DERIVATIVE }
        result.points.map { it.firstDerivativeTest } shouldBe result.points.map { it.classification }
        result.minimum.shouldBeAt(-4.0, -sqrt(2.0), sqrt(2.0))
        result.maximum.shouldBeAt(45.0, -3.0, 3.0)
    }

    test("x^3 - 3x on [-2, 3]: max 2 at -1, min -2 at 1; global max 18 at 3, global min -2 at -2 and at 1") {
        val result = CriticalPoints.find(formula("x^3 - 3*x"), -2.0, 3.0)
        result.points shouldHaveSize 2
        result.points[0].shouldBeAt(-1.0, 2.0, Classification.LOCAL_MAX)
        result.points[1].shouldBeAt(1.0, -2.0, Classification.LOCAL_MIN)
        result.localMaxima().map { it.location } shouldHaveSize 1
        result.maximum.shouldBeAt(18.0, 3.0)
        result.minimum.shouldBeAt(-2.0, -2.0, 1.0)
    }

    test("x^3 at 0 is an inflection, decided by the third derivative, with or without 0 on the grid") {
        for ((a, b) in listOf(-1.0 to 2.0, -1.0 to 1.0)) {
            val result = CriticalPoints.find(formula("x^3"), a, b)
            result.points shouldHaveSize 1
            result.points[0].shouldBeAt(0.0, 0.0, Classification.INFLECTION)
            result.points[0].decidedBy shouldBe Criterion.HIGHER_DERIVATIVE
            result.points[0].order shouldBe 3
            result.points[0].firstDerivativeTest shouldBe Classification.INFLECTION
        }
    }

    test("x^4 at 0 is a minimum by the fourth-derivative test") {
        val result = CriticalPoints.find(formula("x^4"), -1.3, 1.7)
        result.points shouldHaveSize 1
        result.points[0].shouldBeAt(0.0, 0.0, Classification.LOCAL_MIN)
        result.points[0].decidedBy shouldBe Criterion.HIGHER_DERIVATIVE
        result.points[0].order shouldBe 4
        result.minimum.shouldBeAt(0.0, 0.0)
        result.maximum.shouldBeAt(1.7 * 1.7 * 1.7 * 1.7, 1.7)
    }

    test("x^4 - 4x^3 + 4x^2 + 1 = x^2 (x - 2)^2 + 1 on [-1, 3]: minima 1 at 0 and 2, maximum 2 at 1, f(-1) = f(3) = 10") {
        val result = CriticalPoints.find(formula("x^4 - 4*x^3 + 4*x^2 + 1"), -1.0, 3.0)
        result.points shouldHaveSize 3
        result.points[0].shouldBeAt(0.0, 1.0, Classification.LOCAL_MIN)
        result.points[1].shouldBeAt(1.0, 2.0, Classification.LOCAL_MAX)
        result.points[2].shouldBeAt(2.0, 1.0, Classification.LOCAL_MIN)
        result.minimum.shouldBeAt(1.0, 0.0, 2.0)
        result.maximum.shouldBeAt(10.0, -1.0, 3.0)
    }

    test("cos on [0, 10]: minima -1 at pi and 3pi, maximum 1 at 2pi and at the end 0") {
        val result = CriticalPoints.find(formula("cos(x)"), 0.0, 10.0)
        result.points shouldHaveSize 4 // 0 itself is critical: sin 0 = 0
        result.points[0].shouldBeAt(0.0, 1.0, Classification.LOCAL_MAX)
        result.points[1].shouldBeAt(PI, -1.0, Classification.LOCAL_MIN)
        result.points[2].shouldBeAt(2 * PI, 1.0, Classification.LOCAL_MAX)
        result.points[3].shouldBeAt(3 * PI, -1.0, Classification.LOCAL_MIN)
        result.maximum.shouldBeAt(1.0, 0.0, 2 * PI)
        result.minimum.shouldBeAt(-1.0, PI, 3 * PI)
    }

    test("a constant, and sin^2 + cos^2, are flat: one point, every derivative zero") {
        for (f in listOf(Expr.constant(5.0), formula("sin(x)^2 + cos(x)^2"))) {
            val result = CriticalPoints.find(f, -1.0, 2.0)
            result.points shouldHaveSize 1
            result.points[0].classification shouldBe Classification.FLAT
            result.points[0].decidedBy shouldBe Criterion.NONE
            result.minimum.value shouldBe (result.maximum.value plusOrMinus 1e-12)
        }
    }

    test("bad input is refused with a clear message") {
        shouldThrow<DslException> { CriticalPoints.find(formula("x*y"), 0.0, 1.0) }
            .message shouldContain "one variable"
        shouldThrow<DslException> { CriticalPoints.find(formula("x^2"), 2.0, 1.0) }
            .message shouldContain "[2.0, 1.0] is empty or a point: it needs a < b"
        shouldThrow<DslException> { CriticalPoints.find(formula("x^2"), 0.0, Double.POSITIVE_INFINITY) }
            .message shouldContain "finite ends"
        shouldThrow<DslException> { CriticalPoints.find(formula("x^2"), 0.0, 1.0, 1, 8) }
            .message shouldContain "at least 2 intervals, got 1"
    }
})
