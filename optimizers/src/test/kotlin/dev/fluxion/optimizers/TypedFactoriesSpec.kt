package dev.fluxion.optimizers

import dev.fluxion.dsl.spec.ParameterType
import dev.fluxion.optimizers.named.Adam
import dev.fluxion.optimizers.schedule.CosineDecaySchedule
import dev.fluxion.optimizers.schedule.LinearWarmupSchedule
import dev.fluxion.optimizers.transform.GlobalNormClip
import dev.fluxion.optimizers.transform.ScaleByAdam
import dev.fluxion.optimizers.transform.ScaleByLearningRate
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs

/** The message a spec's error gives, less its column: what the typed values say for the same value. */
fun textMessage(spec: String): String =
    shouldThrow<OptimizerException> { Optimizers.parse(spec) }.message!!.replace(Regex(" \\(column \\d+\\)"), "")

/**
 * The typed values are the primary API: defaults, withers named like the hyperparameters, equality by value,
 * specs that print every hyperparameter, and out-of-range values refused with the text spec's message.
 */
class TypedFactoriesSpec : FunSpec({

    test("a factory gives every default and withers change one hyperparameter at a time") {
        val adam = Optimizers.adam().lr(0.01).beta2(0.99)
        adam shouldBe Optimizers.parse("adam(lr=0.01, beta2=0.99)")
        adam.spec() shouldBe "adam(lr=0.01, beta1=0.9, beta2=0.99, eps=1.0E-8, epsInsideSqrt=false, biasCorrection=true)"
        adam.beta1() shouldBe 0.9
        Optimizers.adam() shouldBe Optimizers.parse("adam")
        Optimizers.adam().lr(CosineDecaySchedule(0.05, 1500, 0.0)) shouldBe
            Optimizers.parse("adam(lr=cosine(init=0.05, steps=1500))")
        Optimizers.chain(Optimizers.clip().norm(1.0), Optimizers.nesterov().lr(0.1).momentum(0.9)) shouldBe
            Optimizers.parse("chain(clip(norm=1), nesterov(lr=0.1, momentum=0.9))")
    }

    test("a named optimizer is the chain of its building blocks, and Adam's is the shape the fused pass knows") {
        val adam = Optimizers.adam().lr(0.05)
        adam.chain() shouldBe Optimizers.chain(ScaleByAdam.DEFAULT, ScaleByLearningRate.DEFAULT.lr(0.05))
        adam.chain().spec() shouldBe "chain(scaleByAdam(beta1=0.9, beta2=0.999, eps=1.0E-8, epsInsideSqrt=false," +
            " biasCorrection=true), scale(lr=0.05))"
        Optimizers.parse(adam.chain().spec()) shouldBe adam.chain()
        // the state of adam is its chain's: the same buffers, saved under the same paths
        adam.start(2).save() shouldBe adam.chain().start(2).save().replace(adam.chain().spec(), adam.spec())
        Optimizers.momentum().chain().spec() shouldBe "chain(scale(lr=0.01), trace(decay=0.9, nesterov=false))"
        Optimizers.nesterov().lrInBuffer(false).chain().spec() shouldBe
            "chain(trace(decay=0.9, nesterov=true), scale(lr=0.01))"
    }

    test("an optimizer is itself; a lone building block is the chain of that one link, which prints as a chain") {
        val adam = Optimizers.adam()
        Optimizer.of(adam) shouldBeSameInstanceAs adam
        val clip = Optimizer.of(GlobalNormClip(2.0))
        clip shouldBe Chain(listOf(GlobalNormClip(2.0)))
        clip.spec() shouldBe "chain(clip(norm=2.0))"
        Optimizers.parse("clip(norm=2)") shouldBe clip
        Optimizers.parse("chain(clip(norm=2))") shouldBe clip
        Optimizers.parse("chain(adam)") shouldBe Chain(listOf(adam))
    }

    test("an out-of-range value is refused with the text spec's message, less its column") {
        shouldThrow<OptimizerException> { Optimizers.adam().beta1(1.5) }.message shouldBe
            "adam: hyperparameter beta1 = 1.5 is out of range; beta1 must be a real number in [0, 1)"
        shouldThrow<OptimizerException> { Optimizers.adam().beta1(1.5) }.message shouldBe textMessage("adam(beta1=1.5)")
        shouldThrow<OptimizerException> { Optimizers.gd().lr(-0.1) }.message shouldBe textMessage("gd(lr=-0.1)")
        shouldThrow<OptimizerException> { Optimizers.newton().indefinite("flip") }.message shouldBe
            textMessage("newton(indefinite=flip)")
        shouldThrow<OptimizerException> { CosineDecaySchedule(0.1, 0, 0.0) }.message shouldBe
            textMessage("gd(lr=cosine(init=0.1, steps=0))")
        shouldThrow<OptimizerException> { LinearWarmupSchedule(10, -1.0, LinearWarmupSchedule.DEFAULT.then()) }
            .message shouldBe textMessage("gd(lr=warmup(steps=10, start=-1.0))")
    }

    test("every typed provider refuses every out-of-range value and every unknown choice as its spec does") {
        for (provider in Optimizers.list().filterIsInstance<TypedProvider>()) {
            val defaults = HyperparameterValues.defaults(provider.name(), provider.hyperparameters())
            for (h in provider.hyperparameters()) {
                val range = h.range()
                // the whole real line (polyak's f*) leaves no out-of-range number a spec could write
                if (range != null && range.min().isInfinite() && range.max().isInfinite()) continue
                // an optimizer-valued hyperparameter has no range: a number is refused whatever it is (own spec)
                if (range == null && h.type() == ParameterType.NESTED) continue
                val wrong: Any = when (h.type()) {
                    ParameterType.CHOICE -> "nonsense"
                    ParameterType.INTEGER -> Math.round(range.min()) - 1
                    ParameterType.REAL, ParameterType.NESTED -> if (range.max().isFinite()) range.max() + 0.5 else range.min() - 1
                    else -> continue
                }
                val typed = shouldThrow<OptimizerException> {
                    if (h.type() == ParameterType.NESTED) h.constant(provider.name(), wrong as Double)
                    else provider.create(HyperparameterValues(provider.name(), defaults.asMap() + (h.name() to wrong)))
                }
                withClue("${provider.name()}(${h.name()}=$wrong)") {
                    typed.message shouldBe textMessage("${provider.name()}(${h.name()}=$wrong)")
                    typed.column() shouldBe 0
                }
            }
        }
    }

    test("Adam's record is Adam's chain, bit for bit, with the fused pass and without it") {
        val bowl = dev.fluxion.dsl.expr.Expr.parse("(x - 1)^2 + 3*(y + 2)^2 + x*y").compile("x", "y")
        fun bits(optimizer: Optimizer): List<Long> {
            val x = doubleArrayOf(0.5, 0.5)
            val run = optimizer.start(2)
            return (1..40).flatMap { run.step(bowl, x); x.map { it.toRawBits() } }
        }
        val adam = Adam.DEFAULT.lr(0.05).epsInsideSqrt(true)
        bits(adam) shouldBe bits(Optimizers.chain(Optimizers.clipValue().value(1e9), adam.chain()))
    }

    test("quasi-Newton methods and CG are chains of a direction and a line search, whose joint rules both faces state alike") {
        Optimizers.lbfgs().memory(5).chain() shouldBe
            Optimizers.chain(Optimizers.lbfgsDirection().memory(5), Optimizers.wolfe().maxEvals(20))
        Optimizers.lbfgs().chain().spec() shouldBe "chain(lbfgsDirection(memory=10, curvatureEps=1.0E-8)," +
            " wolfe(c1=1.0E-4, c2=0.9, init=1.0, guess=constant, maxEvals=20))"
        Optimizers.bfgs().linesearch("backtracking").chain() shouldBe
            Optimizers.chain(Optimizers.bfgsDirection(), Optimizers.backtracking())
        Optimizers.cg().linesearch("hagerZhang").c1(0.1).chain() shouldBe Optimizers.chain(Optimizers.cgDirection(),
            Optimizers.hagerZhang().c2(0.1).epsilon(1e-6).guess("quadratic"))
        for (named in listOf<NamedOptimizer>(Optimizers.lbfgs(), Optimizers.bfgs(), Optimizers.cg())) {
            Optimizers.parse(named.chain().spec()) shouldBe named.chain()
        }
        Optimizers.chain(Optimizers.gd().lr(0.001), Optimizers.wolfe().c2(0.1)) shouldBe
            Optimizers.parse("chain(gd(lr=0.001), wolfe(c2=0.1))")
        // c1 < c2 is a rule on two values, which no one range states: both faces refuse it in the same words
        shouldThrow<OptimizerException> { Optimizers.wolfe().c1(0.95) }.message shouldBe textMessage("wolfe(c1=0.95)")
        shouldThrow<OptimizerException> { Optimizers.hagerZhang().c2(0.05) }.message shouldBe
            textMessage("hagerZhang(c2=0.05)")
        shouldThrow<OptimizerException> { Optimizers.lbfgs().c1(0.95) }.message shouldBe textMessage("lbfgs(c1=0.95)")
        shouldThrow<OptimizerException> { Optimizers.cg().linesearch("hagerZhang").c1(0.3) }.message shouldBe
            textMessage("cg(linesearch=hagerZhang, c1=0.3)")
        shouldThrow<OptimizerException> { Optimizers.wolfe().guess("cubic") }.message shouldBe
            textMessage("wolfe(guess=cubic)")
    }
})
