package dev.fluxion.landscapes

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThanOrEqual
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import java.util.SplittableRandom
import kotlin.math.PI
import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.max
import org.ejml.data.DMatrixRMaj
import org.ejml.dense.row.CommonOps_DDRM

/** The statistical and ML landscapes against their closed forms. */
class StatisticalSpec : FunSpec({

    test("Gaussian NLL: the metric is the per-sample Fisher information diag(1/sigma^2, 2)") {
        val l = landscape("gaussian-nll(samples=500, mean=-3, sd=0.5, seed=11)")
        val metric = l.objective().metric().get()
        val random = SplittableRandom(1)
        repeat(100) {
            val x = l.facts().domain().sample(random)
            val sigma = exp(x[1])
            val g = Array(2) { DoubleArray(2) }
            metric.at(x, g)
            g[0][0] shouldBe (1 / (sigma * sigma) plusOrMinus 1e-12 / (sigma * sigma))
            g[0][1] shouldBe 0.0
            g[1][0] shouldBe 0.0
            g[1][1] shouldBe 2.0
        }
    }

    test("Gaussian NLL: the minimizer is the sample mean and log of the biased standard deviation") {
        val l = landscape("gaussian-nll(samples=500, mean=-3, sd=0.5, seed=11)")
        val data = l.data().get().targets()
        val mean = data.average()
        val variance = data.sumOf { (it - mean) * (it - mean) } / data.size
        val optimum = doubleArrayOf(mean, 0.5 * ln(variance))
        distance(l.facts().globalMinimizers().single(), optimum) shouldBeLessThan 1e-12
        l.facts().minimum().asDouble shouldBe (0.5 + 0.5 * ln(variance) + 0.5 * ln(2 * PI) plusOrMinus 1e-12)
        l.value(optimum) shouldBe (l.facts().minimum().asDouble plusOrMinus 1e-9)
        norm(l.objective().gradient(optimum)) shouldBeLessThan 1e-9
        // At the maximum-likelihood estimate the observed information equals the Fisher information.
        val h = l.objective().hessianAt(optimum)
        h[0][0] shouldBe (1 / variance plusOrMinus 1e-9)
        h[0][1] shouldBe (0.0 plusOrMinus 1e-9)
        h[1][1] shouldBe (2.0 plusOrMinus 1e-9)
        mean shouldBe (-3.0 plusOrMinus 0.1)
    }

    test("linear regression: the least-squares optimum has zero gradient and solves the normal equations") {
        val l = landscape("linear-regression(samples=300, features=6, noise=0.5, seed=4)")
        val data = l.data().get()
        val x = DMatrixRMaj(data.inputs())
        val y = DMatrixRMaj(data.size(), 1, true, *data.targets())
        val gram = DMatrixRMaj(6, 6).also { CommonOps_DDRM.multTransA(x, x, it) }
        val moment = DMatrixRMaj(6, 1).also { CommonOps_DDRM.multTransA(x, y, it) }
        val normal = DMatrixRMaj(6, 1).also { CommonOps_DDRM.solve(gram, moment, it) shouldBe true }
        val w = l.facts().globalMinimizers().single()
        for (i in w.indices) {
            w[i] shouldBe (normal.get(i, 0) plusOrMinus 1e-10)
        }
        norm(l.objective().gradient(w)) shouldBeLessThan 1e-12
        val random = SplittableRandom(2)
        repeat(100) { l.valueGap(l.facts().domain().sample(random)) shouldBeGreaterThanOrEqual 0.0 }
        val hessian = l.objective().hessianAt(w)
        for (i in w.indices) {
            for (j in w.indices) hessian[i][j] shouldBe (2.0 / data.size() * gram.get(i, j) plusOrMinus 1e-12)
        }
        l.hessianSpectrumAt(w).largest() shouldBe (l.facts().smoothness().asDouble plusOrMinus 1e-12)
        l.hessianSpectrumAt(w).smallest() shouldBe (l.facts().strongConvexity().asDouble plusOrMinus 1e-12)
    }

    test("logistic regression: Newton's optimum has zero gradient, and the Hessian at 0 attains L") {
        val l = landscape("logistic-regression(samples=300, features=4, l2=0.1, seed=5)")
        val w = l.facts().globalMinimizers().single()
        norm(l.objective().gradient(w)) shouldBeLessThan 1e-10
        l.hessianSpectrumAt(w).curvature() shouldBe Curvature.MIN
        l.hessianSpectrumAt(DoubleArray(4)).largest() shouldBe (l.facts().smoothness().asDouble plusOrMinus 1e-12)
        l.hessianSpectrumAt(w).smallest() shouldBeGreaterThanOrEqual 0.1
        val labels = l.data().get().targets()
        labels.all { it == 1.0 || it == -1.0 } shouldBe true
        // f(0) = log 2 exactly: every margin is 0.
        l.value(DoubleArray(4)) shouldBe (ln(2.0) plusOrMinus 1e-13)
    }

    test("softmax regression: zero gradient at the optimum, f(0) = log k, curvature between mu and L") {
        val l = landscape("softmax-regression(samples=200, features=3, classes=4, l2=0.05, seed=6)")
        val w = l.facts().globalMinimizers().single()
        norm(l.objective().gradient(w)) shouldBeLessThan 1e-10
        l.value(DoubleArray(12)) shouldBe (ln(4.0) plusOrMinus 1e-14)
        val spectrum = l.hessianSpectrumAt(w)
        spectrum.curvature() shouldBe Curvature.MIN
        spectrum.smallest() shouldBeGreaterThanOrEqual 0.05 - 1e-12
        spectrum.largest() shouldBeLessThan l.facts().smoothness().asDouble
        l.data().get().targets().toSet() shouldBe setOf(0.0, 1.0, 2.0, 3.0)
    }

    test("softmax regression with two classes is logistic regression in the weight difference") {
        // With k = 2, p(class 1) = sigmoid((w_1 - w_0)^T x): check the loss at a point against that form.
        val l = landscape("softmax-regression(samples=50, features=2, classes=2, l2=0, seed=8)")
        val data = l.data().get()
        val w = doubleArrayOf(0.3, -0.7, 1.1, 0.2)
        val expected = data.inputs().indices.sumOf { i ->
            val xi = data.inputs()[i]
            val margin = (w[2] - w[0]) * xi[0] + (w[3] - w[1]) * xi[1]
            val sign = if (data.targets()[i] == 1.0) 1.0 else -1.0
            ln(1 + exp(-sign * margin))
        } / data.size()
        l.value(w) shouldBe (expected plusOrMinus 1e-12 * max(1.0, expected))
    }
})
