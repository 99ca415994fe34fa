package dev.fluxion.optimizers

import dev.fluxion.dsl.expr.Expr
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.assertions.throwables.shouldThrow

/** Save, restore and continue gives the trajectory of a run that never stopped, bit for bit. */
class SaveRestoreSpec : FunSpec({
    // a non-quadratic valley with a positive-definite Hessian near the path, so that every rule has work to do
    val f = Expr.parse("(x - 1)^2 + 5*(y - x^2)^2 + 0.1*exp(0.3*x) + cosh(0.2*y)").compile("x", "y")

    val specs = listOf(
        "gd(lr=0.01)",
        "momentum(lr=0.01, momentum=0.9)",
        "momentum(lr=step(init=0.01, factor=0.5, every=7), lrInBuffer=false)",
        "nesterov(lr=0.01, momentum=0.8)",
        "nesterov(lr=exponential(init=0.01, rate=0.5, steps=10), lrInBuffer=false)",
        "adam(lr=0.05)",
        "adam(lr=cosine(init=0.05, steps=15), epsInsideSqrt=true, biasCorrection=false)",
        "adamw(lr=0.05, weightDecay=0.1)",
        "amsgrad(lr=0.05)",
        "amsgrad(lr=0.05, maxOfCorrected=true)",
        "nadam(lr=0.05)",
        "nadam(lr=0.05, momentumSchedule=false)",
        "radam(lr=0.05)",
        "radam(lr=0.05, threshold=4, epsOnRawRoot=false)",
        "adamax(lr=0.05)",
        "adamax(lr=0.05, epsInsideMax=false)",
        "adabelief(lr=0.05)",
        "adabelief(lr=0.05, epsRoot=0.001)",
        "yogi(lr=0.05)",
        "yogi(lr=0.05, initialMomentum=0, biasCorrection=false)",
        "rmsprop(lr=0.01)",
        "rmsprop(lr=0.01, centered=true, epsInsideSqrt=false, initialAccumulator=1)",
        "adagrad(lr=0.1)",
        "adagrad(lr=inverseTime(init=0.1, rate=0.5, steps=3), initialAccumulator=0.1)",
        "natural(lr=0.5, fallback=hessian, damping=1)",
        "natural(lr=0.01, fallback=identity)",
        "newton(lr=0.5)",
        "newton(lr=0.5, indefinite=abs)",
        "chain(clip(norm=0.5), nesterov(lr=0.05, momentum=0.9))",
        "chain(clipValue(value=0.3), weightDecay(rate=0.01), adam(lr=warmup(steps=5, then=0.05)))",
        "gd(lr=join(constant(value=0.02), cosine(init=0.02, steps=10), at=8))",
        "signDescent(lr=0.01)",
        "scheduleFreeSgd(lr=0.05, weightDecay=0.01, warmupSteps=5, r=1)",
        "scheduleFreeAdamw(lr=0.05, warmupSteps=3, warmupForm=optax, biasCorrection=moment)",
        "scheduleFreeAdamw(lr=0.05)",
        "scheduleFree(base=chain(clip(norm=1), scaleByRms), lr=0.01, beta=0.5)",
        "prodigy(lr=0.5)",
        "prodigy(biasCorrection=true, safeguardWarmup=true, growthRate=1.5, decouple=false, weightDecay=0.01)",
        // saved after 9 steps: mid-period for k = 4 (syncs at 12, 16, 20), right after a sync for k = 3
        "lookahead(inner=adam(lr=0.05), k=4, alpha=0.5)",
        "lookahead(inner=lbfgs, k=3, alpha=0.8)",
        "lookahead(inner=scheduleFreeAdamw(lr=0.05), k=3)",
    )

    for (spec in specs) {
        test("save, restore, continue == uninterrupted: $spec") {
            val uninterrupted = doubleArrayOf(-1.2, 1.0)
            val straight = Optimizers.parse(spec).start(2)
            repeat(20) { straight.step(f, uninterrupted) }

            val resumed = doubleArrayOf(-1.2, 1.0)
            val first = Optimizers.parse(spec).start(2)
            repeat(9) { first.step(f, resumed) }
            val saved = first.save()
            // a new optimizer parsed from the saved spec text, as another process would
            val specLine = saved.lines()[1].removePrefix("spec ")
            val second = Optimizers.parse(specLine).restore(saved)
            second.steps() shouldBe 9L
            repeat(11) { second.step(f, resumed) }

            resumed.map { it.toRawBits() } shouldBe uninterrupted.map { it.toRawBits() }
            second.save() shouldBe straight.save()
        }
    }

    test("the saved text is stable and exact") {
        val run = Optimizers.parse("adam(lr=0.1)").start(2)
        run.step(f, doubleArrayOf(0.3, -0.7))
        val text = run.save()
        text.lines()[0] shouldBe "fluxion-optimizer-state 1"
        text shouldContain "steps 1"
        text shouldContain "buffer 0 m "
        Optimizers.parse("adam(lr=0.1)").restore(text).save() shouldBe text
    }

    test("restoring into a different optimizer or from damaged text is an error that says why") {
        val text = Optimizers.adam().lr(0.1).start(2).save()
        shouldThrow<OptimizerException> { Optimizers.adam().lr(0.2).restore(text) }.message!! shouldContain
            "saved state belongs to adam(lr=0.1"
        shouldThrow<OptimizerException> { Optimizers.adam().lr(0.1).restore(text.replace("buffer 0 v", "buffer 0 w")) }
            .message!! shouldContain "buffer w at 0 is unknown"
        shouldThrow<OptimizerException> { Optimizers.adam().lr(0.1).restore(text.replace("0x0.0p0", "zero")) }
            .message!! shouldContain "malformed number 'zero'"
    }
})
