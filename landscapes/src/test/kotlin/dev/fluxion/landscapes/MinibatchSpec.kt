package dev.fluxion.landscapes

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import java.util.SplittableRandom
import kotlin.math.abs
import kotlin.math.exp
import kotlin.math.ln

/**
 * Minibatches of the data landscapes: batch t's indices replayed from the documented recipe, batch gradients against
 * per-example gradients written out by hand, an epoch's batches averaging to the full gradient, and bit-identical
 * streams for equal seeds.
 */
class MinibatchSpec : FunSpec({

    /** Stafford's mix64 variant 13, written out from its published constants. */
    fun mix(seed: Long): Long {
        var z = seed
        z = (z xor (z ushr 30)) * -0x40a7b892e31b1a47L
        z = (z xor (z ushr 27)) * -0x6b2fb644ecceee15L
        return z xor (z ushr 31)
    }

    /** Epoch e's order by Fisher-Yates from SplittableRandom(mix(mix(seed) + e)), as MinibatchSchedule documents. */
    fun replayedPermutation(seed: Long, epoch: Long, samples: Int): IntArray {
        val order = IntArray(samples) { it }
        val random = SplittableRandom(mix(mix(seed) + epoch))
        for (i in samples - 1 downTo 1) {
            val j = random.nextInt(i + 1)
            val swap = order[i]; order[i] = order[j]; order[j] = swap
        }
        return order
    }

    fun sigmoid(t: Double) = 1 / (1 + exp(-t))

    fun DoubleArray.shouldBeCloseTo(expected: DoubleArray, tolerance: Double) {
        size shouldBe expected.size
        for (j in indices) withClue("component $j") { this[j] shouldBe (expected[j] plusOrMinus tolerance) }
    }

    test("batch t is the t-th slice of its epoch's shuffle, replayed from the documented recipe") {
        val schedule = MinibatchSchedule(42, 4, 2)
        schedule.batchesPerEpoch() shouldBe 2
        for (epoch in 0L..2L) {
            val order = replayedPermutation(42, epoch, 4)
            schedule.indices(2 * epoch).toList() shouldBe order.slice(0..1)
            schedule.indices(2 * epoch + 1).toList() shouldBe order.slice(2..3)
        }
        // 7 samples in batches of 3: two batches an epoch, the seventh sample dropped from each
        val odd = MinibatchSchedule(5, 7, 3)
        odd.indices(3).toList() shouldBe replayedPermutation(5, 1, 7).slice(3..5)
    }

    test("logistic regression: the batch gradient is the mean of the per-example gradients of batch t, plus lambda w") {
        // f_B(w) = (1/B) sum_{i in B} log(1 + exp(-y_i x_i.w)) + (lambda/2)|w|^2,
        // grad = (1/B) sum_{i in B} -y_i sigmoid(-y_i x_i.w) x_i + lambda w
        val l = landscape("logistic-regression(samples=4, features=2, l2=0.1, seed=3, batch=2)")
        l.isMinibatched() shouldBe true
        val data = l.data().get()
        val x = data.inputs()
        val y = data.targets()
        val objective = l.minibatchObjective(9, 0)
        val w = doubleArrayOf(0.3, -0.7)
        for (t in 0L..4L) {
            val batch = replayedPermutation(9, t / 2, 4).slice((t % 2).toInt() * 2 until (t % 2).toInt() * 2 + 2)
            val expected = DoubleArray(2) { 0.1 * w[it] }
            var loss = 0.05 * (w[0] * w[0] + w[1] * w[1])
            for (i in batch) {
                val margin = y[i] * (x[i][0] * w[0] + x[i][1] * w[1])
                loss += ln(1 + exp(-margin)) / 2
                for (j in 0..1) expected[j] += -y[i] * sigmoid(-margin) * x[i][j] / 2
            }
            val gradient = DoubleArray(2)
            objective.valueAndGradient(w, gradient) shouldBe (loss plusOrMinus 1e-14)
            gradient.shouldBeCloseTo(expected, 1e-14)
            // a line search's trial value within the step sees the same batch
            objective.value(w) shouldBe (loss plusOrMinus 1e-14)
        }
        objective.gradientEvaluations() shouldBe 5
    }

    test("with replacement, batch t is B uniform draws from SplittableRandom(mix(mix(seed) + t)), a repeat counting twice") {
        // linear regression: grad_i = 2 (x_i.w - y_i) x_i
        val l = landscape("linear-regression(samples=5, features=2, noise=0.3, seed=8, batch=3, sampling=replacement)")
        l.spec() shouldContain "sampling=replacement"
        val data = l.data().get()
        val x = data.inputs()
        val y = data.targets()
        val objective = l.objectiveForRun(21)
        val w = doubleArrayOf(-0.4, 0.9)
        var repeats = 0
        for (t in 0L..39L) {
            val random = SplittableRandom(mix(mix(21) + t))
            val drawn = IntArray(3) { random.nextInt(5) }
            if (drawn.toSet().size < 3) repeats++
            val expected = DoubleArray(2)
            for (i in drawn) {
                val residual = x[i][0] * w[0] + x[i][1] * w[1] - y[i]
                for (j in 0..1) expected[j] += 2 * residual * x[i][j] / 3
            }
            objective.gradient(w).shouldBeCloseTo(expected, 1e-14)
        }
        (repeats > 0) shouldBe true // 1 - (5 4 3) / 5^3 = 52% of batches repeat an index: the case is exercised
        landscape("linear-regression(sampling=replacement)").spec() shouldNotContain "sampling"
    }

    test("Gaussian NLL: the batch gradient is the mean of per-sample gradients") {
        // per sample: (x - mu)^2 e^{-2s} / 2 + s + log(2 pi)/2, d/dmu = -(x - mu) e^{-2s}, d/ds = 1 - (x - mu)^2 e^{-2s}
        val l = landscape("gaussian-nll(samples=6, mean=1, sd=2, seed=2, batch=3)")
        val samples = l.data().get().targets()
        val objective = l.objectiveForRun(11)
        val point = doubleArrayOf(0.5, 0.2)
        val scale = exp(-2 * 0.2)
        for (t in 0L..3L) {
            val batch = MinibatchSchedule(11, 6, 3).indices(t)
            batch.toList() shouldBe replayedPermutation(11, t / 2, 6).slice((t % 2).toInt() * 3 until (t % 2).toInt() * 3 + 3)
            val dMu = batch.sumOf { -(samples[it] - 0.5) * scale } / 3
            val dS = batch.sumOf { 1 - (samples[it] - 0.5) * (samples[it] - 0.5) * scale } / 3
            objective.gradient(point).shouldBeCloseTo(doubleArrayOf(dMu, dS), 1e-13)
        }
    }

    test("over an epoch the batch gradients average to the full gradient, on every data landscape") {
        for (spec in listOf("linear-regression(samples=12, features=3, seed=1, batch=4)",
            "logistic-regression(samples=12, features=3, seed=1, batch=3)",
            "softmax-regression(samples=12, features=2, classes=3, seed=1, batch=6)",
            "gaussian-nll(samples=12, seed=1, batch=2)",
            "mlp(samples=12, hidden=2, seed=1, batch=4)")) {
            val l = landscape(spec)
            val n = l.dimension()
            val point = DoubleArray(n) { 0.1 * (it + 1) * (if (it % 2 == 0) 1 else -1) }
            val full = l.objective().gradient(point)
            val objective = l.minibatchObjective(77, 0)
            val perEpoch = objective.schedule().batchesPerEpoch()
            for (epoch in 0..1) {
                val mean = DoubleArray(n)
                val seen = mutableListOf<Int>()
                repeat(perEpoch) { b ->
                    seen += objective.schedule().indices(epoch.toLong() * perEpoch + b).toList()
                    val g = objective.gradient(point)
                    for (j in 0 until n) mean[j] += g[j] / perEpoch
                }
                seen.sorted() shouldBe (0 until 12).toList()
                val scale = norm(full) + 1
                for (j in 0 until n) {
                    withClue("$spec component $j") { abs(mean[j] - full[j]) / scale shouldBe (0.0 plusOrMinus 1e-14) }
                }
            }
        }
    }

    test("same seed, same bits; another seed, other batches; a resumed run draws the batches it would have") {
        val l = landscape("linear-regression(samples=50, features=4, seed=2, batch=5)")
        fun gradients(objective: dev.fluxion.dsl.Objective, count: Int): List<List<Double>> {
            val x = doubleArrayOf(1.0, -1.0, 0.5, 2.0)
            return List(count) { objective.gradient(x).toList() }
        }
        val first = gradients(l.objectiveForRun(123), 30)
        gradients(l.objectiveForRun(123), 30) shouldBe first
        gradients(l.objectiveForRun(124), 30) shouldNotBe first
        gradients(l.minibatchObjective(123, 17), 13) shouldBe first.drop(17)
    }

    test("batch is range checked, and a full batch leaves the landscape and its spec as they were") {
        val error = shouldThrow<LandscapeException> { landscape("logistic-regression(samples=4, batch=5)") }
        error.message shouldContain "batch = 5"
        error.message shouldContain "4 samples"
        shouldThrow<LandscapeException> { landscape("linear-regression(batch=-1)") }.message shouldContain "batch"

        val plain = landscape("logistic-regression")
        plain.spec() shouldNotContain "batch"
        plain.isMinibatched() shouldBe false
        landscape("logistic-regression(batch=0)").spec() shouldBe plain.spec()
        landscape("logistic-regression(batch=200)").isMinibatched() shouldBe false
        val batched = landscape("logistic-regression(batch=8)")
        batched.spec() shouldContain "batch=8"
        landscape(batched.spec()).batch() shouldBe 8
        // the full objective of a minibatched landscape is the full-batch landscape's, bit for bit
        val w = doubleArrayOf(0.1, 0.2, -0.3, 0.4, 0.5)
        batched.value(w) shouldBe plain.value(w)
        shouldThrow<LandscapeException> { plain.minibatchObjective(1, 0) }.message shouldContain "batch=B"
    }
})
