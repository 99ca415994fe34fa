package dev.fluxion.examples.mixture

import dev.fluxion.landscapes.Curvature
import dev.fluxion.landscapes.LandscapeRegistry
import dev.fluxion.landscapes.Tag
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlin.math.PI
import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.sqrt

class GaussianMixtureNllSpec : FunSpec({
    val registry = LandscapeRegistry.load(GaussianMixtureNll::class.java.classLoader)
    val landscape = registry.create("gaussian-mixture")
    val data = landscape.data().get().targets()

    fun density(t: Double) = exp(-t * t / 2) / sqrt(2 * PI)

    /** f by the definition, one sample at a time: -(1/N) sum log(φ(x - mu1)/2 + φ(x - mu2)/2). */
    fun direct(mu1: Double, mu2: Double) = -data.sumOf { ln(density(it - mu1) / 2 + density(it - mu2) / 2) } / data.size

    /** The gradient by the responsibilities r = φ(x - mu1) / (φ(x - mu1) + φ(x - mu2)). */
    fun responsibilityGradient(mu1: Double, mu2: Double): DoubleArray {
        val r = data.map { density(it - mu1) / (density(it - mu1) + density(it - mu2)) }
        return doubleArrayOf(
            -data.indices.sumOf { r[it] * (data[it] - mu1) } / data.size,
            -data.indices.sumOf { (1 - r[it]) * (data[it] - mu2) } / data.size,
        )
    }

    fun gradient(x: DoubleArray) = DoubleArray(2).also { landscape.objective().valueAndGradient(x, it) }

    test("ServiceLoader finds it by the services file; the spec prints every parameter") {
        registry.names() shouldContain "gaussian-mixture"
        landscape.spec() shouldBe "gaussian-mixture(samples=200, center=0, separation=4, seed=0)"
        data.size shouldBe 200
        // half the samples from N(-2, 1), half from N(2, 1)
        data.filterIndexed { i, _ -> i % 2 == 0 }.average() shouldBe (-2.0 plusOrMinus 0.3)
        data.filterIndexed { i, _ -> i % 2 == 1 }.average() shouldBe (2.0 plusOrMinus 0.3)
    }

    test("the value is the mixture's negative log-likelihood, per sample, at every point tried") {
        for ((mu1, mu2) in listOf(0.0 to 0.0, -2.0 to 2.0, 1.5 to -0.5, 3.0 to 3.0, -5.0 to 6.0)) {
            landscape.value(doubleArrayOf(mu1, mu2)) shouldBe (direct(mu1, mu2) plusOrMinus 1e-12)
        }
        // far from the data a naive log(φ + φ) underflows; the softplus form stays finite
        landscape.value(doubleArrayOf(60.0, 70.0)).isFinite() shouldBe true
    }

    test("the gradient is the responsibility-weighted residual, EM's direction") {
        for (x in listOf(doubleArrayOf(0.0, 1.0), doubleArrayOf(-2.5, 1.5), doubleArrayOf(1.0, -1.0))) {
            val expected = responsibilityGradient(x[0], x[1])
            val actual = gradient(x)
            actual[0] shouldBe (expected[0] plusOrMinus 1e-12)
            actual[1] shouldBe (expected[1] plusOrMinus 1e-12)
        }
    }

    test("swapping the means leaves f unchanged") {
        landscape.value(doubleArrayOf(-1.0, 2.5)) shouldBe (landscape.value(doubleArrayOf(2.5, -1.0)) plusOrMinus 1e-14)
    }

    test("facts: two label-switched minimizers near the true means, a saddle at the sample mean, a start in the domain") {
        val facts = landscape.facts()
        val (first, second) = facts.globalMinimizers()
        first[0] shouldBe (-2.0 plusOrMinus 0.3)
        first[1] shouldBe (2.0 plusOrMinus 0.3)
        second[0] shouldBe first[1]
        second[1] shouldBe first[0]
        for (m in facts.globalMinimizers()) {
            gradient(m).maxOf { kotlin.math.abs(it) } shouldBeLessThan 1e-10
            landscape.hessianSpectrumAt(m).curvature() shouldBe Curvature.MIN
        }
        facts.minimum().asDouble shouldBe (direct(first[0], first[1]) plusOrMinus 1e-12)

        val saddle = facts.saddlePoints().single().location()
        val mean = data.average()
        saddle[0] shouldBe mean
        gradient(saddle).maxOf { kotlin.math.abs(it) } shouldBeLessThan 1e-12
        // eigenvalues 1/2 along (1, 1) and (1 - v)/2 along (1, -1)
        val variance = data.sumOf { (it - mean) * (it - mean) } / data.size
        val spectrum = landscape.hessianSpectrumAt(saddle)
        spectrum.curvature() shouldBe Curvature.SADDLE
        spectrum.smallest() shouldBe ((1 - variance) / 2 plusOrMinus 1e-10)
        spectrum.largest() shouldBe (0.5 plusOrMinus 1e-10)

        facts.domain().contains(facts.start()) shouldBe true
        facts.has(Tag.MULTIMODAL) shouldBe true
    }
})
