package dev.fluxion.optimizers.kotlin

import dev.fluxion.dsl.spec.ParameterType
import dev.fluxion.optimizers.Optimizer
import dev.fluxion.optimizers.OptimizerException
import dev.fluxion.optimizers.Optimizers
import dev.fluxion.optimizers.schedule.Schedules
import dev.fluxion.optimizers.textMessage
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/**
 * The Kotlin face: a function per named optimizer, building block and schedule, with named parameters whose
 * defaults are the typed values' own. Each value equals the one its text spec parses to, and an out-of-range value
 * is refused with the text spec's message, less its column.
 */
class FactoriesSpec : FunSpec({

    fun parse(spec: String) = Optimizers.parse(spec)
    fun schedule(spec: String) = Schedules.parse(spec)

    test("named parameters read like the spec and give the value it parses to") {
        adam(lr = 0.01) shouldBe parse("adam(lr=0.01)")
        adam(lr = 0.01, beta2 = 0.99, epsInsideSqrt = true) shouldBe parse("adam(lr=0.01, beta2=0.99, epsInsideSqrt=true)")
        momentum(lr = 1e-3, momentum = 0.9) shouldBe parse("momentum(lr=0.001, momentum=0.9)")
        chain(clip(norm = 10.0), momentum(lr = 1e-3)) shouldBe parse("chain(clip(norm=10), momentum(lr=0.001))")
        adam(lr = cosine(init = 0.05, steps = 1500)) shouldBe parse("adam(lr=cosine(init=0.05, steps=1500))")
        nadam(lr = 0.01, momentumSchedule = false) shouldBe parse("nadam(lr=0.01, momentumSchedule=false)")
        radam(lr = 0.01, threshold = 4.0, epsOnRawRoot = false) shouldBe
            parse("radam(lr=0.01, threshold=4, epsOnRawRoot=false)")
        chain(clip(norm = 1.0), yogi(initialMomentum = 0.0, biasCorrection = false)) shouldBe
            parse("chain(clip(norm=1), yogi(initialMomentum=0, biasCorrection=false))")
        chain(clip(norm = 1.0), nesterov(lr = cosine(init = 0.01, steps = 60), momentum = 0.9)).spec() shouldBe
            parse("chain(clip(norm=1), nesterov(lr=cosine(init=0.01, steps=60), momentum=0.9))").spec()
        chain(clipValue(value = 1.0), weightDecay(rate = 0.1), rmsprop(lr = 0.01, centered = true)) shouldBe
            parse("chain(clipValue(value=1), weightDecay(rate=0.1), rmsprop(lr=0.01, centered=true))")
    }

    test("every named optimizer and building block, with its defaults, is the value of its bare name") {
        val named = mapOf(
            "gd" to gd(), "momentum" to momentum(), "nesterov" to nesterov(), "adam" to adam(), "adamw" to adamw(),
            "amsgrad" to amsgrad(), "rmsprop" to rmsprop(), "adagrad" to adagrad(), "natural" to natural(),
            "newton" to newton(), "lbfgs" to lbfgs(), "bfgs" to bfgs(), "cg" to cg(),
            "nadam" to nadam(), "radam" to radam(), "adamax" to adamax(), "adabelief" to adabelief(), "yogi" to yogi(),
            "scheduleFreeSgd" to scheduleFreeSgd(), "scheduleFreeAdamw" to scheduleFreeAdamw(), "prodigy" to prodigy(),
            "lookahead" to lookahead(),
            "newton-tr" to newtonTr(),
        )
        val blocks = mapOf(
            "clip" to clip(), "clipValue" to clipValue(), "weightDecay" to weightDecay(), "scale" to scale(),
            "scaleByAdam" to scaleByAdam(), "scaleByAmsgrad" to scaleByAmsgrad(), "scaleByRms" to scaleByRms(),
            "scaleByAdagrad" to scaleByAdagrad(), "preconditionByMetric" to preconditionByMetric(),
            "preconditionByHessian" to preconditionByHessian(), "trace" to trace(),
            "lbfgsDirection" to lbfgsDirection(), "bfgsDirection" to bfgsDirection(), "cgDirection" to cgDirection(),
            "trustRegion" to trustRegion(),
            "wolfe" to wolfe(), "backtracking" to backtracking(), "hagerZhang" to hagerZhang(), "polyak" to polyak(),
            "scaleByNadam" to scaleByNadam(), "scaleByRadam" to scaleByRadam(), "scaleByAdamax" to scaleByAdamax(),
            "scaleByAdaBelief" to scaleByAdaBelief(), "scaleByYogi" to scaleByYogi(),
            "scheduleFree" to scheduleFree(),
        )
        for ((name, value) in named) parse(name) shouldBe value
        for ((name, value) in blocks) parse(name) shouldBe Optimizer.of(value)
        // and so the faces cover the registry's typed providers, no more and no less
        (named.keys + blocks.keys) shouldBe Optimizers.list().filterIsInstance<dev.fluxion.optimizers.TypedProvider>()
            .map { it.name() }.toSet()
    }

    test("a number or a schedule wherever a learning rate goes, in every optimizer that takes one") {
        val rate = warmup(steps = 10, start = 0.001, then = cosine(init = 0.05, steps = 50))
        val text = "warmup(steps=10, start=0.001, then=cosine(init=0.05, steps=50))"
        for ((name, pair) in mapOf(
            "gd" to (gd(lr = 0.2) to gd(lr = rate)), "momentum" to (momentum(lr = 0.2) to momentum(lr = rate)),
            "nesterov" to (nesterov(lr = 0.2) to nesterov(lr = rate)), "adam" to (adam(lr = 0.2) to adam(lr = rate)),
            "adamw" to (adamw(lr = 0.2) to adamw(lr = rate)), "amsgrad" to (amsgrad(lr = 0.2) to amsgrad(lr = rate)),
            "rmsprop" to (rmsprop(lr = 0.2) to rmsprop(lr = rate)), "adagrad" to (adagrad(lr = 0.2) to adagrad(lr = rate)),
            "natural" to (natural(lr = 0.2) to natural(lr = rate)), "newton" to (newton(lr = 0.2) to newton(lr = rate)),
            "nadam" to (nadam(lr = 0.2) to nadam(lr = rate)), "radam" to (radam(lr = 0.2) to radam(lr = rate)),
            "adamax" to (adamax(lr = 0.2) to adamax(lr = rate)), "yogi" to (yogi(lr = 0.2) to yogi(lr = rate)),
            "adabelief" to (adabelief(lr = 0.2) to adabelief(lr = rate)),
            "scheduleFreeSgd" to (scheduleFreeSgd(lr = 0.2) to scheduleFreeSgd(lr = rate)),
            "scheduleFreeAdamw" to (scheduleFreeAdamw(lr = 0.2) to scheduleFreeAdamw(lr = rate)),
            "prodigy" to (prodigy(lr = 0.2) to prodigy(lr = rate)),
        )) {
            pair.first shouldBe parse("$name(lr=0.2)")
            pair.second shouldBe parse("$name(lr=$text)")
        }
        lookahead(inner = prodigy(lr = 0.2), k = 3) shouldBe parse("lookahead(inner=prodigy(lr=0.2), k=3)")
        Optimizer.of(scheduleFree(base = scaleByAdam(beta1 = 0.0), lr = rate)) shouldBe
            parse("scheduleFree(base=scaleByAdam(beta1=0), lr=$text)")
        Optimizer.of(scale(lr = 0.2)) shouldBe parse("scale(lr=0.2)")
        Optimizer.of(scale(lr = rate)) shouldBe parse("scale(lr=$text)")
    }

    test("every schedule kind, nested ones included, is the value of its spec") {
        constant(value = 0.1) shouldBe schedule("constant(value=0.1)")
        step(init = 0.1, factor = 0.5, every = 20) shouldBe schedule("step(init=0.1, factor=0.5, every=20)")
        exponential(init = 0.1, rate = 0.5, steps = 30) shouldBe schedule("exponential(init=0.1, rate=0.5, steps=30)")
        inverseTime(init = 0.1, rate = 2.0) shouldBe schedule("inverseTime(init=0.1, rate=2)")
        cosine(init = 0.05, steps = 1500, final = 0.001) shouldBe schedule("cosine(init=0.05, steps=1500, final=0.001)")
        warmup(steps = 10, then = 0.1) shouldBe schedule("warmup(steps=10, then=0.1)")
        join(constant(0.002), exponential(init = 0.001), at = 30) shouldBe
            schedule("join(constant(value=0.002), exponential(init=0.001), at=30)")
        join(warmup(then = cosine()), join(step(), inverseTime())) shouldBe
            schedule("join(warmup(then=cosine()), join(step(), inverseTime()))")
    }

    test("an out-of-range value is refused with the text spec's message, less its column") {
        fun message(block: () -> Any) = shouldThrow<OptimizerException> { block() }.message
        message { adam(beta1 = 1.5) } shouldBe "adam: hyperparameter beta1 = 1.5 is out of range; beta1 must be a real number in [0, 1)"
        message { adam(beta1 = 1.5) } shouldBe textMessage("adam(beta1=1.5)")
        message { radam(threshold = 3.0) } shouldBe textMessage("radam(threshold=3.0)")
        message { adam(lr = -0.01) } shouldBe textMessage("adam(lr=-0.01)")
        message { momentum(lr = 0.1, momentum = 1.0) } shouldBe textMessage("momentum(lr=0.1, momentum=1.0)")
        message { natural(fallback = "fisher") } shouldBe textMessage("natural(fallback=fisher)")
        message { clip(norm = 0.0) } shouldBe textMessage("clip(norm=0.0)")
        message { scale(lr = 0.0) } shouldBe textMessage("scale(lr=0.0)")
        message { trace(decay = -0.5) } shouldBe textMessage("trace(decay=-0.5)")
        message { cosine(init = 0.1, steps = 0) } shouldBe textMessage("gd(lr=cosine(init=0.1, steps=0))")
        message { warmup(then = -1.0) } shouldBe textMessage("gd(lr=warmup(then=-1.0))")
        message { step(factor = 1.5) } shouldBe textMessage("gd(lr=step(factor=1.5))")
        message { constant(value = -1.0) } shouldBe textMessage("gd(lr=constant(value=-1.0))")
    }

    test("the face is written from the signatures: a function per record with its components' types, a Double twin per learning rate") {
        val facade = Class.forName("dev.fluxion.optimizers.kotlin.Factories")
        fun has(name: String, returns: Class<*>, parameters: List<Class<*>>) =
            facade.methods.any { it.name == name && it.returnType == returns && it.parameterTypes.toList() == parameters }
        var twins = 0
        for (signature in Optimizers.BUILT_IN + Schedules.SIGNATURES) {
            val name = if (signature.name() == "newton-tr") "newtonTr" else signature.name()
            val types = signature.type().recordComponents.map { it.type }
            withClue(name) { has(name, signature.type(), types) shouldBe true }
            signature.hyperparameters().forEachIndexed { i, h ->
                if (h.type() == ParameterType.NESTED && h.range() != null) {
                    twins++
                    withClue("$name with a number for ${h.name()}") {
                        has(name, signature.type(), types.toMutableList().also { it[i] = Double::class.javaPrimitiveType!! }) shouldBe true
                    }
                }
            }
        }
        // counted by hand: 20 records take lr (18 named optimizers, scale, scheduleFree), warmup takes then, join first and second
        twins shouldBe 23
    }

    test("the tool that writes the face is a build tool: neither in the library's classes nor on its class path") {
        shouldThrow<ClassNotFoundException> { Class.forName("dev.fluxion.build.KotlinFace") }
        shouldThrow<ClassNotFoundException> { Class.forName("dev.fluxion.optimizers.KotlinFace") }
        val classes = java.nio.file.Path.of(Optimizers::class.java.protectionDomain.codeSource.location.toURI())
        java.nio.file.Files.walk(classes).use { files ->
            files.map { classes.relativize(it).toString() }.filter { it.contains("KotlinFace") }.toList()
        } shouldBe emptyList()
    }
})
