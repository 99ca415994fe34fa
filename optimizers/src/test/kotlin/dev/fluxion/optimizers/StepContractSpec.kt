package dev.fluxion.optimizers

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.schedule.ConstantSchedule
import dev.fluxion.optimizers.schedule.ExponentialDecaySchedule
import dev.fluxion.optimizers.transform.ScaleByAdam
import dev.fluxion.optimizers.transform.ScaleByLearningRate
import dev.fluxion.optimizers.transform.Trace
import dev.fluxion.optimizers.transform.ValueClip
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/**
 * The step contract: gradient, finiteness check (nothing moves when it fails), the chain, x += u. The fused passes
 * (Adam's, the trace's, the learning rate's) give the chain's bits; every evaluation a transform makes through its context is counted by kind, and a line
 * search's last evaluation is reused by the next step instead of repeated.
 */
class StepContractSpec : FunSpec({

    /** [inner] seen only through its update: no step can fuse it. */
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

    test("Adam's fused pass equals Adam, the learning rate and x += u in three passes, bit for bit, for every formulation") {
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

    test("the trace's fused pass equals the trace, the learning rate and x += u in three passes, bit for bit, in both orders") {
        for (nesterov in listOf(false, true)) {
            val trace = Trace(0.9, nesterov)
            val rate = ScaleByLearningRate(ExponentialDecaySchedule(0.05, 0.99, 1))
            bits(Optimizer.chain(rate, trace)) shouldBe bits(Optimizer.chain(opaque(rate), opaque(trace)))
            bits(Optimizer.chain(trace, rate)) shouldBe bits(Optimizer.chain(opaque(trace), opaque(rate)))
        }
        // the named optimizers are these chains, in both buffer conventions
        val rate = opaque(ScaleByLearningRate(ConstantSchedule(0.05)))
        val trace = opaque(Trace(0.9, false))
        bits(Optimizers.momentum().lr(0.05).lrInBuffer(true)) shouldBe bits(Optimizer.chain(rate, trace))
        bits(Optimizers.momentum().lr(0.05).lrInBuffer(false)) shouldBe bits(Optimizer.chain(trace, rate))
    }

    test("the learning rate's fused pass equals the learning rate and x += u in two passes, bit for bit") {
        val rate = ScaleByLearningRate(ExponentialDecaySchedule(0.05, 0.99, 1))
        bits(Optimizer.chain(rate)) shouldBe bits(Optimizer.chain(opaque(rate)))
        // gd is this chain
        bits(Optimizers.gd().lr(0.05)) shouldBe bits(Optimizer.chain(opaque(ScaleByLearningRate(ConstantSchedule(0.05)))))
        // and its first step is x - lr grad f: grad f(0.5, 0.5, 0.5) = (2 (x - 1) + y, 6 (y + 2) + x, cos z)
        val x = doubleArrayOf(0.5, 0.5, 0.5)
        Optimizers.gd().lr(0.05).start(3).step(bowl, x)
        x[0] shouldBe 0.5 - 0.05 * (2 * (0.5 - 1) + 0.5)
        x[1] shouldBe 0.5 - 0.05 * (6 * (0.5 + 2) + 0.5)
        x[2] shouldBe (0.5 - 0.05 * Math.cos(0.5) plusOrMinus 1e-16)
    }

    test("a chain inside a chain, with a learning rate after each, steps as the same links one by one") {
        val adam = ScaleByAdam(0.9, 0.999, 1e-8, false, true)
        val rate = ScaleByLearningRate(ConstantSchedule(0.5))
        val outer = ScaleByLearningRate(ConstantSchedule(0.1))
        bits(Optimizer.chain(Optimizer.chain(adam, rate), outer)) shouldBe
            bits(Optimizer.chain(opaque(adam), opaque(rate), opaque(outer)))
    }

    test("a non-finite update is reported and x is put back exactly") {
        // eps = 0 and a zero gradient component: Adam's direction there is 0 / (sqrt(0) + 0) = NaN, while the
        // other component moves; the whole step is undone
        val f = Expr.parse("x^2 + (y - 3)^2").compile("x", "y")
        firstStepFails(Optimizers.parse("adam(lr=0.1, eps=0)").start(2), f, "the update is NaN in component 0 (x)")
    }

    test("a step reports |grad f| at the point it left") {
        // grad of (x - 1)^2 + 3 (y + 2)^2 + x y + sin z is (2(x - 1) + y, 6(y + 2) + x, cos z), written out here
        val x = doubleArrayOf(0.5, 0.5, 0.5)
        val run = Optimizers.adam().lr(0.05).start(3)
        repeat(20) {
            val (a, b, c) = x
            val g = doubleArrayOf(2 * (a - 1) + b, 6 * (b + 2) + a, Math.cos(c))
            val norm = Math.sqrt(g.sumOf { it * it })
            val info = run.step(bowl, x)
            Math.abs(info.gradientNorm() - norm) shouldBeLessThan 4e-16 * norm
        }
    }

    test("a non-finite gradient is named, nothing moves, and the run goes on as if the step had not been tried") {
        // ln(x^2) has gradient 2/x, infinite at x = 0, while y's component is finite
        val f = Expr.parse("ln(x^2) + y^2").compile("x", "y")
        val run = Optimizers.adam().lr(0.1).start(2)
        firstStepFails(run, f, "in component 0 (x) at step 0 of adam")
        // the moments did not move: the next step from (1, 1) is a first step, bit for bit as a fresh run's
        val x = doubleArrayOf(1.0, 1.0)
        run.step(f, x)
        val fresh = doubleArrayOf(1.0, 1.0)
        Optimizers.adam().lr(0.1).start(2).step(f, fresh)
        x.map { it.toRawBits() } shouldBe fresh.map { it.toRawBits() }
        // at x = (1, 1), g = (2, 2), and Adam's first step is -lr g / (|g| + eps) per component
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

    /** [inner] with its calls counted by kind, as the objective itself sees them. */
    class Counted(private val inner: Objective) : Objective by inner {
        var values = 0
        var gradients = 0
        var hessians = 0
        override fun value(x: DoubleArray): Double { values++; return inner.value(x) }
        override fun valueAndGradient(x: DoubleArray, gradient: DoubleArray): Double {
            gradients++
            return inner.valueAndGradient(x, gradient)
        }
        override fun hasHessian() = inner.hasHessian()
        override fun variableNames(): List<String> = inner.variableNames()
        override fun hessian(x: DoubleArray, hessian: Array<DoubleArray>) { hessians++; inner.hessian(x, hessian) }
    }

    /**
     * Halves t from 1 until f(x - t d) < f(x) (values), then takes f and grad f at the accepted point (a gradient, as
     * a Wolfe search would) and hands on -t d.
     */
    val halving = object : Transform {
        override fun init(dimension: Int) = object : TransformState() {
            private val trial = DoubleArray(dimension)
            private val trialGradient = DoubleArray(dimension)

            override fun update(direction: DoubleArray, context: StepContext) {
                var t = 1.0
                while (true) {
                    for (i in trial.indices) trial[i] = context.point()[i] - t * direction[i]
                    if (context.value(trial) < context.value() || t < 1e-10) break
                    t /= 2
                }
                context.valueAndGradient(trial, trialGradient)
                for (i in direction.indices) direction[i] = trial[i] - context.point()[i]
            }
        }

        override fun spec() = "halving"
    }

    test("evaluations made through the context are counted by kind, and the accepted point's is not repeated") {
        // f = x^2 + 10 y^2 from (1, 1), g = (2, 20): t = 1 and 1/2 overshoot (f = 3611 and 810 against 11), t = 1/4
        // gives (0.5, -4) with f = 160.25, still above; 1/8 gives (0.75, -1.5), f = 23.06; 1/16 gives (0.875, -0.25),
        // f = 1.3906 < 11: five values, then one gradient at the accepted point
        val f = Counted(Expr.parse("x^2 + 10*y^2").compile("x", "y"))
        val x = doubleArrayOf(1.0, 1.0)
        val run = Optimizer.of(halving).start(2)
        val info = run.step(f, x)
        x.toList() shouldBe listOf(0.875, -0.25)
        Triple(info.valueEvaluations(), info.gradientEvaluations(), info.hessianEvaluations()) shouldBe Triple(5L, 2L, 0L)
        Triple(f.values, f.gradients, f.hessians) shouldBe Triple(5, 2, 0)
        // the second step starts where the first's search evaluated f and grad f: reused, not repeated
        run.step(f, x)
        f.gradients shouldBe 3                     // one for the new accepted point, none for the start
        run.evaluations().gradients() shouldBe 3L
        run.evaluations().values() shouldBe f.values.toLong()
        // a point moved by someone else is evaluated afresh
        x[0] += 0.5
        run.step(f, x)
        f.gradients shouldBe 5
        run.evaluations().gradients() shouldBe 5L
    }

    test("the counts a transform reads include the step's own; a step that throws counts its evaluation") {
        // a transform that records the gradient count it sees and then does nothing (u = g, since a step copies g)
        val seen = mutableListOf<Long>()
        val peek = object : Transform {
            override fun init(dimension: Int) = object : TransformState() {
                override fun update(direction: DoubleArray, context: StepContext) {
                    seen += context.evaluations().gradients()
                    for (i in direction.indices) direction[i] = -0.25 * direction[i]
                }
            }

            override fun spec() = "peek"
        }
        // f = x^2 on the first variable, and 1/y on the second: at y = 0 the gradient -1/y^2 is -infinity
        val f = Counted(Expr.parse("x^2 + 1/y").compile("x", "y"))
        val run = Optimizer.of(peek).start(2)
        val x = doubleArrayOf(1.0, 1.0)
        repeat(2) { run.step(f, x) }
        seen shouldBe listOf(1L, 2L)               // each step's own evaluation, counted before it completes
        x[1] = 0.0
        shouldThrow<OptimizerException> { run.step(f, x) }
        f.gradients shouldBe 3
        run.evaluations().gradients() shouldBe 3L  // the refused step evaluated once, and that is counted
        run.steps() shouldBe 2L                    // and it did not complete
        x[1] = 1.0
        val info = run.step(f, x)
        seen shouldBe listOf(1L, 2L, 4L)
        info.steps() shouldBe 3L
        info.gradientEvaluations() shouldBe 4L
        info.reusedEvaluation() shouldBe false
    }

    test("the report says whether its step reused the last trial, also after a step that threw") {
        val f = Counted(Expr.parse("x^2 + 10*y^2 + 1/(z + 2)").compile("x", "y", "z"))
        val x = doubleArrayOf(1.0, 1.0, 0.0)
        val run = Optimizer.of(halving).start(3)
        run.step(f, x).reusedEvaluation() shouldBe false     // the first step has no trial before it
        run.step(f, x).reusedEvaluation() shouldBe true      // it starts at the first's accepted trial
        // a point moved by someone else to where the gradient is not finite (z = -2): evaluated afresh, refused
        x[2] = -2.0
        shouldThrow<OptimizerException> { run.step(f, x) }
        run.evaluations().gradients() shouldBe f.gradients.toLong()
        x[2] = 0.0
        run.step(f, x).reusedEvaluation() shouldBe false
        run.evaluations().gradients() shouldBe f.gradients.toLong()
    }

    test("Newton counts a Hessian per step, and the cost model weighs it as n evaluations") {
        val f = Counted(Expr.parse("x^2 + 10*y^2 + x*y + z^4 + z^2").compile("x", "y", "z"))
        val x = doubleArrayOf(1.0, 1.0, 1.0)
        val run = Optimizers.newton().start(3)
        repeat(4) { run.step(f, x) }
        run.evaluations() shouldBe Evaluations(0, 4, 4)
        f.hessians shouldBe 4
        run.evaluations().cost(3) shouldBe 4L + 3 * 4L
    }

    test("saving keeps the counts; text saved before they existed restores with none") {
        val f = Expr.parse("x^2 + 10*y^2").compile("x", "y")
        val x = doubleArrayOf(1.0, 1.0)
        val run = Optimizers.adam().lr(0.1).start(2)
        repeat(3) { run.step(f, x) }
        val saved = run.save()
        saved shouldContain "evaluations 0 3 0"
        Optimizers.adam().lr(0.1).restore(saved).evaluations() shouldBe Evaluations(0, 3, 0)
        val older = saved.lines().filterNot { it.startsWith("evaluations") }.joinToString("\n")
        val restored = Optimizers.adam().lr(0.1).restore(older)
        restored.evaluations() shouldBe Evaluations.NONE
        restored.steps() shouldBe 3L
    }
})
