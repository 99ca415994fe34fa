package dev.fluxion.optimizers

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.schedule.ConstantSchedule
import dev.fluxion.optimizers.transform.ScaleByAdam
import dev.fluxion.optimizers.transform.ScaleByLearningRate
import dev.fluxion.optimizers.transform.ValueClip
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/**
 * The step's last pass: a link that computes its direction and adds the update to x in one pass
 * ([TransformState.updateAndApply]), with the learning rate that follows it folded in, moves x exactly as its
 * [TransformState.update], the learning rate's pass and x += u one after the other; a non-finite update puts x
 * back; a transform that reads the raw gradient still gets it.
 */
class OnePassStepSpec : FunSpec({

    /** [inner] seen only through its update: the chain cannot fold or fuse it, and copies the gradient for it. */
    fun opaque(inner: Transform) = object : Transform {
        override fun init(dimension: Int): TransformState {
            val state = inner.init(dimension)
            return object : TransformState() {
                override fun update(direction: DoubleArray, context: StepContext) = state.update(direction, context)
            }
        }

        override fun spec() = "opaque(" + inner.spec() + ")"
    }

    val bowl = Expr.parse("(x - 1)^2 + 3 * (y + 2)^2 + x * y + sin(z)").compile("x", "y", "z")

    /**
     * Each step's x and |u| as raw bits, over 50 steps from (0.5, 0.5, 0.5); |grad f| is left out, since a one-pass
     * step sums its squares in another order (it is checked on its own below).
     */
    fun bits(optimizer: Optimizer): List<Long> {
        val x = doubleArrayOf(0.5, 0.5, 0.5)
        val run = optimizer.start(3)
        return (1..50).flatMap {
            val info = run.step(bowl, x)
            x.map { it.toRawBits() } + info.stepLength().toRawBits()
        }
    }

    /**
     * The first step of [run] on [f] from (0, 1) fails in component 0 at step 0 with [message], and leaves x at
     * (0, 1) bit for bit and the step counter at 0.
     */
    fun firstStepFails(run: OptimizerState, f: Objective, message: String) {
        val x = doubleArrayOf(0.0, 1.0)
        val error = shouldThrow<OptimizerException> { run.step(f, x) }
        error.component() shouldBe 0
        error.step() shouldBe 0L
        error.message!! shouldContain message
        x.map { it.toRawBits() } shouldBe listOf(0.0.toRawBits(), 1.0.toRawBits())
        run.steps() shouldBe 0L
    }

    test("Adam in one pass equals Adam, the learning rate and x += u in three, bit for bit, for every formulation") {
        for (inside in listOf(false, true)) {
            for (correction in listOf(true, false)) {
                val adam = ScaleByAdam(0.9, 0.999, 1e-8, inside, correction)
                val rate = ScaleByLearningRate(ConstantSchedule(0.05))
                bits(Optimizer.chain(adam, rate)) shouldBe bits(Optimizer.chain(opaque(adam), opaque(rate)))
                // and as the last link, with no learning rate after it
                bits(Optimizer.chain(ValueClip(0.5), adam)) shouldBe bits(Optimizer.chain(ValueClip(0.5), opaque(adam)))
            }
        }
    }

    test("a chain inside a chain, with a learning rate after each, steps as the same links one by one") {
        // the outer rate is folded into the inner chain, whose own rate then cannot be: the inner chain applies
        // the update in its last link's pass, and nothing measures the gradient in Adam's pass
        val adam = ScaleByAdam(0.9, 0.999, 1e-8, false, true)
        val rate = ScaleByLearningRate(ConstantSchedule(0.5))
        val outer = ScaleByLearningRate(ConstantSchedule(0.1))
        bits(Optimizer.chain(Chain.of(adam, rate), outer)) shouldBe
            bits(Optimizer.chain(opaque(adam), opaque(rate), opaque(outer)))
    }

    test("a non-finite update is reported and x is put back exactly") {
        // eps = 0 and a zero gradient component: Adam's direction there is 0 / (sqrt(0) + 0) = NaN, while the
        // other component moves; the whole step is undone
        val f = Expr.parse("x^2 + (y - 3)^2").compile("x", "y")
        firstStepFails(Optimizers.parse("adam(lr=0.1, eps=0)").start(2), f, "the update is NaN in component 0 (x)")
    }

    test("a one-pass Adam step reports |grad f| at the point it left, summed in its own pass") {
        // grad of (x - 1)^2 + 3 (y + 2)^2 + x y + sin z is (2(x - 1) + y, 6(y + 2) + x, cos z), written out here
        val x = doubleArrayOf(0.5, 0.5, 0.5)
        val run = Optimizers.adam(0.05).start(3)
        repeat(20) {
            val (a, b, c) = x
            val g = doubleArrayOf(2 * (a - 1) + b, 6 * (b + 2) + a, Math.cos(c))
            val norm = Math.sqrt(g.sumOf { it * it })
            val info = run.step(bowl, x)
            Math.abs(info.gradientNorm() - norm) shouldBeLessThan 4e-16 * norm
        }
    }

    test("a non-finite gradient in a one-pass step: x is put back, the component is named, and the run stops") {
        // ln(x) has gradient 1/x, infinite at x = 0, while y's component is finite
        val f = Expr.parse("ln(x^2) + y^2").compile("x", "y")
        val run = Optimizers.adam(0.1).start(2)
        firstStepFails(run, f, "the gradient is not finite (NaN or infinite) in component 0 (x) at step 0")
        // the moments moved in the same pass, so the run refuses to go on ...
        val again = shouldThrow<OptimizerException> { run.step(f, doubleArrayOf(1.0, 1.0)) }
        again.message!! shouldContain "this run stopped at step 0"
        // ... while a fresh run from the same optimizer is unaffected: at x = (1, 1), g = (2, 2), and Adam's first
        // step is -lr g / (|g| + eps) per component, -0.1 * 2 / (2 + 1e-8)
        val fresh = doubleArrayOf(1.0, 1.0)
        Optimizers.adam(0.1).start(2).step(f, fresh)
        fresh[0] shouldBe (1.0 - 0.1 * 2.0 / (2.0 + 1e-8) plusOrMinus 1e-15)
    }

    test("a transform that reads the raw gradient gets it unchanged, after a link that rewrote the direction") {
        val seen = mutableListOf<Double>()
        val reader = object : Transform {
            override fun init(dimension: Int) = object : TransformState() {
                override fun update(direction: DoubleArray, context: StepContext) {
                    seen += context.gradient()[0]
                    direction[0] = -0.1 * direction[0]
                }
            }

            override fun spec() = "reader"
        }
        val x = doubleArrayOf(2.0)
        Optimizer.chain(ValueClip(1.0), reader).start(1).step(square, x)
        seen shouldBe listOf(4.0)   // the raw g = 2x = 4, though the clip made the direction 1
        x[0] shouldBe 1.9
    }
})
