package dev.fluxion.landscapes.bbob

import dev.fluxion.landscapes.Curvature
import dev.fluxion.landscapes.LandscapeException
import dev.fluxion.landscapes.Tag
import dev.fluxion.landscapes.gradient
import dev.fluxion.landscapes.landscape
import dev.fluxion.landscapes.norm
import dev.fluxion.landscapes.registry
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeGreaterThanOrEqual
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.ints.shouldBeGreaterThan as shouldBeMoreThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.util.SplittableRandom
import kotlin.math.abs
import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.pow
import kotlin.math.sign
import kotlin.math.sin

/**
 * What a bbob landscape knows about itself: f* = f_opt at the minimizer for every function, dimension 2 to 20 and
 * instance 1 to 3, f >= f* over the domain, COCO's groups and seeds, the tags of the non-smooth functions,
 * Gallagher's local minima, and values at fixed points derived by hand from the definitions of f1, f2 and f5.
 */
class BbobFactsSpec : FunSpec({

    fun spec(f: Int, dim: Int, instance: Int) = "bbob(f=$f, dim=$dim, instance=$instance)"

    test("the registry lists bbob with its three parameters and its canonical spec") {
        registry.names() shouldContain "bbob"
        registry.provider("bbob").parameters().map { it.name() } shouldBe listOf("f", "dim", "instance")
        landscape("bbob").spec() shouldBe "bbob(f=1, dim=2, instance=1)"
        landscape("bbob(13, 10, 3)").spec() shouldBe "bbob(f=13, dim=10, instance=3)"
        registry.describe() shouldContain "bbob f1, sphere (separable), 2-D, instance 1"
    }

    test("a function, dimension or instance outside the generator's range is named with its range") {
        shouldThrow<LandscapeException> { landscape("bbob(f=25)") }.message shouldContain
            "f must be an integer in [1, 24]"
        shouldThrow<LandscapeException> { landscape("bbob(dim=1)") }.message shouldContain "[2, 40]"
        shouldThrow<LandscapeException> { landscape("bbob(instance=0)") }.message shouldContain "[1, 214648]"
        shouldThrow<LandscapeException> { BbobFunction.of(0) }.message shouldContain "1 to 24"
    }

    test("the groups are COCO's: 1-5, 6-9, 10-14, 15-19, 20-24") {
        (1..24).map { BbobFunction.of(it).group().abbreviation() } shouldBe
            List(5) { "separ" } + List(4) { "lcond" } + List(5) { "hcond" } + List(5) { "multi" } + List(5) { "mult2" }
        landscape(spec(17, 5, 2)).facts().description() shouldContain "multimodal with adequate global structure"
    }

    test("the non-smooth functions are tagged so, and only they") {
        val nonsmooth = (1..24).filter { BbobFunction.of(it).tags().contains(Tag.NONSMOOTH) }
        nonsmooth shouldBe listOf(5, 7, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24)
        (1..24).filter { BbobFunction.of(it).tags().contains(Tag.MULTIMODAL) } shouldBe listOf(3, 4) + (15..24)
        (1..24).filter { BbobFunction.of(it).tags().contains(Tag.CONVEX) } shouldBe listOf(1, 5, 13)
        landscape(spec(13, 5, 1)).facts().has(Tag.NONSMOOTH) shouldBe true
    }

    test("f4 and f18 are seeded as their siblings f3 and f17, as in COCO") {
        for (instance in listOf(1, 2, 3, 57)) {
            BbobInstance(4, 5, instance).fopt() shouldBe BbobInstance(3, 5, instance).fopt()
            BbobInstance(18, 5, instance).fopt() shouldBe BbobInstance(17, 5, instance).fopt()
            landscape(spec(18, 5, instance)).facts().globalMinimizers()[0].toList() shouldBe
                landscape(spec(17, 5, instance)).facts().globalMinimizers()[0].toList()
        }
    }

    test("x_opt is a multiple of 8e-4 in [-4, 4], never 0, and f_opt a multiple of 0.01 in [-1000, 1000]") {
        for (instance in 1..15) {
            val draw = BbobInstance(1, 40, instance)
            for (x in draw.xopt()) {
                (x in -4.0..4.0) shouldBe true
                x shouldBe (Math.rint(x / 8e-4) * 8e-4 plusOrMinus 1e-12)
                abs(x) shouldBeGreaterThan 0.0
            }
            val fopt = draw.fopt()
            abs(fopt) shouldBeLessThan 1000.0 + 1e-9
            fopt * 100 shouldBe (Math.rint(fopt * 100) plusOrMinus 1e-6)
        }
    }

    for (f in 1..24) {
        test("f$f: f* = f_opt at the minimizer, in the domain, gradient 0, for dimensions 2-20 and instances 1-3") {
            for (dim in listOf(2, 5, 10, 20)) {
                for (instance in 1..3) {
                    val l = landscape(spec(f, dim, instance))
                    val facts = l.facts()
                    val minimum = facts.minimum().asDouble
                    minimum shouldBe BbobInstance(f, dim, instance).fopt()
                    val x = facts.globalMinimizers().single()
                    facts.domain().contains(x) shouldBe true
                    l.value(x) shouldBe (minimum plusOrMinus 1e-9)
                    if (f != 5) {
                        norm(l.objective().gradient(x)) shouldBeLessThan 1e-6
                    }
                }
            }
        }

        test("f$f: f >= f* at 500 random points of the domain") {
            val random = SplittableRandom(f.toLong())
            for (dim in listOf(2, 10)) {
                val l = landscape(spec(f, dim, 1))
                val minimum = l.facts().minimum().asDouble
                repeat(250) {
                    l.value(l.facts().domain().sample(random)) shouldBeGreaterThanOrEqual minimum - 1e-9
                }
            }
        }
    }

    test("f5: the minimizer is the corner of the domain the slope leads to, and beyond it f stays at f*") {
        val l = landscape(spec(5, 5, 2))
        val corner = l.facts().globalMinimizers().single()
        corner.forEach { abs(it) shouldBe 5.0 }
        val beyond = DoubleArray(5) { corner[it] * 1.5 }
        l.value(beyond) shouldBe l.facts().minimum().asDouble
    }

    test("f1: f(x* + t e_i) = f_opt + t^2, for dimensions 2-20 and instances 1-3") {
        for (dim in listOf(2, 5, 10, 20)) {
            for (instance in 1..3) {
                val l = landscape(spec(1, dim, instance))
                val xopt = l.facts().globalMinimizers().single()
                val fopt = l.facts().minimum().asDouble
                for (i in 0 until dim) {
                    val x = xopt.copyOf().also { it[i] += 0.75 }
                    l.value(x) shouldBe (fopt + 0.75 * 0.75 plusOrMinus 1e-12)
                }
            }
        }
    }

    test("f2: f(x* + t e_i) = f_opt + 10^(6 (i-1)/(n-1)) T_osz(t)^2, with T_osz as the 2009 definitions write it") {
        /** T_osz(t) = sign(t) exp(u + 0.049 (sin(c1 u) + sin(c2 u))), u = ln|t|, (c1, c2) = (10, 7.9) or (5.5, 3.1). */
        fun oscillated(t: Double): Double {
            val u = ln(abs(t))
            val (c1, c2) = if (t > 0) 10.0 to 7.9 else 5.5 to 3.1
            return sign(t) * exp(u + 0.049 * (sin(c1 * u) + sin(c2 * u)))
        }
        for (dim in listOf(2, 5, 10, 20)) {
            for (instance in 1..3) {
                val l = landscape(spec(2, dim, instance))
                val xopt = l.facts().globalMinimizers().single()
                val fopt = l.facts().minimum().asDouble
                for (i in 0 until dim) {
                    for (t in listOf(-0.3, 0.02, 1.7)) {
                        val x = xopt.copyOf().also { it[i] += t }
                        val expected = 10.0.pow(6.0 * i / (dim - 1)) * oscillated(x[i] - xopt[i]).pow(2)
                        (l.value(x) - fopt) shouldBe (expected plusOrMinus 1e-12 * expected + 1e-12)
                    }
                }
            }
        }
    }

    test("f5: at the centre of the domain f = f_opt + 5 sum_i 10^((i-1)/(n-1))") {
        for (dim in listOf(2, 5, 10, 20)) {
            for (instance in 1..3) {
                val l = landscape(spec(5, dim, instance))
                val expected = 5 * (0 until dim).sumOf { 10.0.pow(it.toDouble() / (dim - 1)) }
                (l.value(DoubleArray(dim)) - l.facts().minimum().asDouble) shouldBe (expected plusOrMinus 1e-9)
            }
        }
    }

    test("Gallagher's local minima are critical, minima, and lie at T_osz(10 - w_i)^2 above f*") {
        for ((f, dim) in listOf(21 to 2, 21 to 5, 22 to 2, 22 to 10)) {
            val l = landscape(spec(f, dim, 1))
            val minima = l.facts().localMinima()
            minima.size shouldBeMoreThan 0
            for (point in minima) {
                norm(l.objective().gradient(point.location())) shouldBeLessThan 1e-8
                l.hessianSpectrumAt(point.location()).curvature() shouldBe Curvature.MIN
                val gap = point.value() - l.facts().minimum().asDouble
                gap shouldBeGreaterThan 0.0
                val heights = (1 until (if (f == 21) 101 else 21)).map { i ->
                    1.1 + 8.0 * (i - 1) / ((if (f == 21) 101 else 21) - 2)
                }
                heights.minOf { abs(Oscillation.T_OSZ.value(10 - it).pow(2) - gap) } shouldBeLessThan 1e-9
            }
        }
    }

    test("the start is COCO's initial solution, the centre of [-5, 5]^n") {
        val facts = landscape(spec(8, 10, 4)).facts()
        facts.start().toList() shouldBe List(10) { 0.0 }
        facts.domain().lower().toList() shouldBe List(10) { -5.0 }
        facts.domain().upper().toList() shouldBe List(10) { 5.0 }
    }

    test("the same spec builds the same landscape, bit for bit") {
        val random = SplittableRandom(5)
        for (f in listOf(3, 12, 21, 23)) {
            val a = landscape(spec(f, 10, 7))
            val b = landscape(spec(f, 10, 7))
            a.facts() shouldBe b.facts()
            repeat(10) {
                val x = a.facts().domain().sample(random)
                a.value(x).toRawBits() shouldBe b.value(x).toRawBits()
            }
        }
    }
})
