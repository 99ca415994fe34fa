package dev.fluxion.landscapes

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlin.math.abs
import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.tanh
import kotlin.random.Random

/**
 * The two-layer network's loss against the formula written out here from its data, at theta = 0 (log 2) and at
 * random parameters; its gradient against central differences; and a plain gradient descent that learns XOR,
 * which no linear model can.
 */
class NeuralNetworkSpec : FunSpec({

    /** (1/N) sum log(1 + exp(-y z)) + (lambda/2)|theta|^2, z = b2 + sum_j v_j tanh(W_j . x + b_j), from the data. */
    fun loss(l: Landscape, theta: DoubleArray, hidden: Int, l2: Double): Double {
        val data = l.data().get()
        var sum = 0.0
        for (i in 0 until data.size()) {
            val x = data.inputs()[i]
            var z = theta[4 * hidden]
            for (j in 0 until hidden) {
                z += theta[3 * hidden + j] * tanh(theta[3 * j] * x[0] + theta[3 * j + 1] * x[1] + theta[3 * j + 2])
            }
            val margin = -data.targets()[i] * z
            sum += if (margin > 0) margin + ln(1 + exp(-margin)) else ln(1 + exp(margin))
        }
        return sum / data.size() + l2 / 2 * theta.sumOf { it * it }
    }

    for (data in listOf("xor", "spirals")) {
        val spec = "mlp(data=$data, samples=64, hidden=3, l2=0.001, seed=7)"
        val l = landscape(spec)

        test("$spec: 13 parameters, f(0) = log 2, and f at random points is the written-out loss") {
            l.dimension() shouldBe 13
            l.value(DoubleArray(13)) shouldBe (ln(2.0) plusOrMinus 1e-15)
            val random = Random(3)
            repeat(20) {
                val theta = DoubleArray(13) { random.nextDouble(-2.0, 2.0) }
                l.value(theta) shouldBe (loss(l, theta, 3, 0.001) plusOrMinus 1e-13)
            }
        }

        test("$spec: the gradient agrees with central differences") {
            val random = Random(5)
            repeat(10) {
                val theta = DoubleArray(13) { random.nextDouble(-2.0, 2.0) }
                val exact = l.objective().gradient(theta)
                val numeric = l.objective().centeredDifference(theta)
                for (k in exact.indices) exact[k] shouldBe (numeric[k] plusOrMinus 1e-7 * (1 + abs(numeric[k])))
            }
        }
    }

    test("the data: XOR labels are the sign of x1 x2; the spirals alternate classes at radius t <= 1 (+ noise)") {
        val xor = landscape("mlp(data=xor, samples=100)").data().get()
        for (i in 0 until xor.size()) {
            xor.targets()[i] shouldBe (if (xor.inputs()[i][0] * xor.inputs()[i][1] > 0) 1.0 else -1.0)
        }
        val spirals = landscape("mlp(data=spirals, samples=100)").data().get()
        for (i in 0 until spirals.size()) {
            spirals.targets()[i] shouldBe (if (i % 2 == 0) 1.0 else -1.0)
            norm(spirals.inputs()[i]) shouldBeLessThan 1.1
        }
    }

    test("gradient descent from the seeded start learns XOR: loss from about log 2 to below 0.15, 95% of the points right") {
        val l = landscape("mlp(data=xor, samples=200, hidden=8, l2=0.0001, seed=1)")
        val theta = l.facts().start().copyOf()
        val g = DoubleArray(theta.size)
        l.value(theta) shouldBeGreaterThan 0.5
        repeat(4000) {
            l.objective().valueAndGradient(theta, g)
            for (k in theta.indices) theta[k] -= 0.5 * g[k]
        }
        l.value(theta) shouldBeLessThan 0.15
        val data = l.data().get()
        val right = (0 until data.size()).count { i ->
            val x = data.inputs()[i]
            var z = theta[32]
            for (j in 0 until 8) z += theta[24 + j] * tanh(theta[3 * j] * x[0] + theta[3 * j + 1] * x[1] + theta[3 * j + 2])
            z * data.targets()[i] > 0
        }
        (right / 200.0) shouldBeGreaterThan 0.95
    }
})
