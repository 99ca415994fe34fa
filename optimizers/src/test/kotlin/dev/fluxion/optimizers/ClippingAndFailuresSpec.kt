package dev.fluxion.optimizers

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.transform.GlobalNormClip
import dev.fluxion.optimizers.transform.ValueClip
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.abs
import kotlin.math.min
import kotlin.math.sqrt
import kotlin.random.Random

class ClippingAndFailuresSpec : FunSpec({

    fun norm(v: DoubleArray) = sqrt(v.sumOf { it * it })

    fun apply(transform: Transform, vector: DoubleArray): DoubleArray {
        val out = vector.copyOf()
        transform.init(vector.size).update(out, StepContext(vector.size))
        return out
    }

    test("clipping by global norm keeps the direction and caps the norm exactly") {
        // (3, 4) has norm 5; clipped to 1 it is (0.6, 0.8)
        val clipped = apply(GlobalNormClip(1.0), doubleArrayOf(3.0, 4.0))
        clipped[0] shouldBe (0.6 plusOrMinus 1e-16)
        clipped[1] shouldBe (0.8 plusOrMinus 1e-16)
        val random = Random(4)
        repeat(1000) {
            val g = DoubleArray(1 + random.nextInt(20)) { random.nextDouble(-100.0, 100.0) }
            val c = random.nextDouble(0.01, 200.0)
            val out = apply(GlobalNormClip(c), g)
            // capped: ||out|| = min(||g||, c) to within a few units in the last place
            norm(out) shouldBe (min(norm(g), c) plusOrMinus 8 * Math.ulp(c))
            // same direction: out = s g with one s > 0 for every component
            val s = norm(out) / norm(g)
            for (i in g.indices) abs(out[i] - s * g[i]) shouldBe (0.0 plusOrMinus 1e-14 * abs(g[i]) + 1e-300)
        }
        // below the cap the vector is untouched, bit for bit
        apply(GlobalNormClip(10.0), doubleArrayOf(3.0, 4.0)).toList() shouldBe listOf(3.0, 4.0)
    }

    test("clipping by value clamps each component") {
        apply(ValueClip(1.5), doubleArrayOf(-3.0, 0.5, 2.0)).toList() shouldBe listOf(-1.5, 0.5, 1.5)
    }

    test("a non-finite gradient is reported with its step and component, and x is left unchanged") {
        // sqrt(x) has gradient NaN for x < 0: two good steps of gd(lr=1) on y^2 ... then x goes negative
        val f = Expr.parse("sqrt(x) + y^2").compile("x", "y")
        val x = doubleArrayOf(0.3, 1.0)
        val run = Optimizers.gd().lr(1.0).start(2)
        run.step(f, x)   // g = (1/(2 sqrt 0.3), 2) = (0.9129, 2): x = (0.3 - 0.9129, -1) < 0
        val before = x.copyOf()
        val error = shouldThrow<OptimizerException> { run.step(f, x) }
        error.step() shouldBe 1L
        error.component() shouldBe 0
        error.message!! shouldContain "component 0 (x)"
        error.message!! shouldContain "at step 1"
        x.toList() shouldBe before.toList()
        run.steps() shouldBe 1L
    }

    test("an infinite gradient is reported too, on the first step") {
        val blowUp = object : Objective {
            override fun dimension() = 3
            override fun value(x: DoubleArray) = 0.0
            override fun valueAndGradient(x: DoubleArray, gradient: DoubleArray): Double {
                gradient[0] = 1.0; gradient[1] = 1.0; gradient[2] = Double.POSITIVE_INFINITY
                return 0.0
            }
        }
        val x = doubleArrayOf(1.0, 2.0, 3.0)
        val error = shouldThrow<OptimizerException> { Optimizers.adam().lr(0.1).start(3).step(blowUp, x) }
        error.component() shouldBe 2
        error.step() shouldBe 0L
        error.message!! shouldContain "x2"
        x.toList() shouldBe listOf(1.0, 2.0, 3.0)
    }

    test("natural gradient without a metric asks for a fallback; Newton with indefinite=fail names the remedies") {
        val error = shouldThrow<OptimizerException> { Optimizers.natural().lr(0.1).start(1).step(square, doubleArrayOf(1.0)) }
        error.message!! shouldContain "fallback=hessian"
        error.message!! shouldContain "fallback=identity"
        val saddle = Expr.parse("x^2 - y^2").compile("x", "y")
        val indefinite = shouldThrow<OptimizerException> {
            Optimizers.parse("newton(indefinite=fail)").start(2).step(saddle, doubleArrayOf(1.0, 1.0))
        }
        indefinite.message!! shouldContain "indefinite=shift"
    }
})
