package dev.fluxion.landscapes.bbob

import dev.fluxion.dsl.number.Dual
import dev.fluxion.landscapes.hessianAt
import dev.fluxion.landscapes.landscape
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import java.util.SplittableRandom
import kotlin.math.abs
import kotlin.math.max
import kotlin.math.pow
import kotlin.math.sqrt

/**
 * The pieces the bbob functions are made of that the dsl lacks, with their derivative conventions: T_osz, T_asy,
 * roots with slope 0 at 0, and the roundings. Each derivative of order n is the same function at order n + 1, so
 * the slope is checked against differences of the value, and the curvature against differences of the slope.
 */
class TransformationsSpec : FunSpec({

    /** (f(x + h) - f(x - h)) / 2h with h = 1e-6 |x|: T_osz wiggles on the scale |x| / 10. */
    fun centered(f: (Double) -> Double, x: Double): Double {
        val h = 1e-6 * abs(x)
        return (f(x + h) - f(x - h)) / (2 * h)
    }

    val points = listOf(-3.7, -1.0, -0.2, -1e-3, 2e-3, 0.3, 1.0, 2.9)

    test("T_osz keeps 0, +1 and -1 and the sign, and is increasing") {
        Oscillation.T_OSZ.value(0.0) shouldBe 0.0
        Oscillation.T_OSZ.value(1.0) shouldBe 1.0
        Oscillation.T_OSZ.value(-1.0) shouldBe -1.0
        val grid = (-2000..2000).map { it / 200.0 }
        grid.zipWithNext().forEach { (a, b) ->
            Oscillation.T_OSZ.value(b) shouldBeGreaterThan Oscillation.T_OSZ.value(a)
        }
    }

    test("T_osz' and T_osz'' agree with differences away from 0; T_osz'(0) = 1 and T_osz''(0) = 0 by convention") {
        val slope = Oscillation(1)
        val curvature = Oscillation(2)
        for (x in points) {
            val expected = centered(Oscillation.T_OSZ::value, x)
            slope.value(x) shouldBe (expected plusOrMinus 1e-6 * max(1.0, abs(expected)))
            curvature.value(x) shouldBe (centered(slope::value, x) plusOrMinus 1e-5 * max(1.0, abs(curvature.value(x))))
        }
        slope.value(0.0) shouldBe 1.0
        curvature.value(0.0) shouldBe 0.0
        Oscillation.T_OSZ.derivative(Dual(0.7, 1.0)).value() shouldBe slope.value(0.7)
    }

    test("T_asy is the identity at and below 0, x^(1 + c sqrt x) above, with slope 1 at 0") {
        val asymmetry = Asymmetry(0.25, 0)
        for (x in listOf(-2.0, -0.5, 0.0)) {
            asymmetry.value(x) shouldBe x
            Asymmetry(0.25, 1).value(x) shouldBe 1.0
        }
        asymmetry.value(4.0) shouldBe 4.0.pow(1.5)
        Asymmetry(0.25, 1).value(1e-16) shouldBe (1.0 plusOrMinus 1e-6)
        for (x in points.filter { it > 0 }) {
            Asymmetry(0.25, 1).value(x) shouldBe (centered(asymmetry::value, x) plusOrMinus 1e-6 * max(1.0, x))
            Asymmetry(0.25, 2).value(x) shouldBe (centered(Asymmetry(0.25, 1)::value, x) plusOrMinus 1e-5 / sqrt(x))
        }
        Asymmetry(0.25, 2).value(0.0) shouldBe 0.0
        Asymmetry(0.0, 0).value(3.5) shouldBe 3.5
    }

    test("roots x^p have derivatives p (p-1) ... (p-n+1) x^(p-n), all 0 at 0, and sqrt is Math.sqrt") {
        for (p in listOf(0.1, 0.25, 0.5, 0.9)) {
            val root = FractionalPower.of(p)
            root.value(0.0) shouldBe 0.0
            for (order in 1..3) {
                FractionalPower(p, order).value(0.0) shouldBe 0.0
            }
            for (x in listOf(1e-3, 0.4, 2.0, 30.0)) {
                val slope = p * x.pow(p - 1)
                FractionalPower(p, 1).value(x) shouldBe (centered(root::value, x) plusOrMinus 1e-6 * slope)
                FractionalPower(p, 2).value(x) shouldBe (p * (p - 1) * x.pow(p - 2) plusOrMinus 1e-12 * x.pow(p - 2))
            }
            FractionalPower(p, 1).value(-1.0).isNaN() shouldBe true
        }
        FractionalPower.SQRT.value(2.0) shouldBe sqrt(2.0)
    }

    test("the roundings: floor(x + 1/2), and the step ellipsoid's tenths near 0; their slope is 0") {
        Rounding.NEAREST.value(2.5) shouldBe 3.0
        Rounding.NEAREST.value(-2.5) shouldBe -2.0
        Rounding.NEAREST.value(-2.6) shouldBe -3.0
        Rounding.STEP.value(0.26) shouldBe 0.3
        Rounding.STEP.value(-0.44) shouldBe -0.4
        Rounding.STEP.value(0.74) shouldBe 1.0
        Rounding.STEP.value(-1.5) shouldBe -1.0
        Rounding.STEP.derivative(Dual(0.3, 1.0)).value() shouldBe 0.0
    }

    test("every bbob function has a finite, symmetric Hessian at random points") {
        val random = SplittableRandom(11)
        for (f in 1..24) {
            val l = landscape("bbob(f=$f, dim=5, instance=2)")
            repeat(5) {
                val x = l.facts().domain().sample(random)
                val h = l.objective().hessianAt(x)
                for (i in 0 until 5) {
                    for (j in 0 until 5) {
                        h[i][j].isFinite() shouldBe true
                        abs(h[i][j] - h[j][i]) shouldBeLessThan 1e-9 * (abs(h[i][j]) + 1)
                    }
                }
            }
        }
    }
})
