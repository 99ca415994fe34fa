package dev.fluxion.optimizers

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

class RegistrySpec : FunSpec({

    val builtIn = listOf("adabelief", "adagrad", "adam", "adamax", "adamw", "amsgrad", "chain", "clip", "clipValue",
        "gd", "momentum", "nadam", "natural", "nesterov", "newton", "radam", "rmsprop", "yogi", "weightDecay",
        "preconditionByHessian", "preconditionByMetric", "scale", "scaleByAdaBelief", "scaleByAdagrad", "scaleByAdam",
        "scaleByAdamax", "scaleByAmsgrad", "scaleByNadam", "scaleByRadam", "scaleByRms", "scaleByYogi", "trace",
        "newton-tr", "trustRegion")

    test("listing every optimizer with its hyperparameters is one call") {
        Optimizers.registry().names() shouldContainAll builtIn
        val adam = Optimizers.list().single { it.name() == "adam" }
        adam.hyperparameters().map { it.name() } shouldBe
            listOf("lr", "beta1", "beta2", "eps", "epsInsideSqrt", "biasCorrection")
        adam.hyperparameters().single { it.name() == "beta2" }.toString() shouldBe
            "beta2 = 0.999 (a real number in [0, 1)): second-moment decay"
        val text = Optimizers.describe()
        for (name in builtIn) text shouldContain name
        text shouldContain "cosine"
        println(text)
    }

    test("specs parse to chains whose spec prints every hyperparameter and parses back to itself") {
        val optimizer = Optimizers.parse("chain(clip(norm=1), nesterov(lr=0.1, momentum=0.9))")
        optimizer.spec() shouldBe "chain(clip(norm=1.0), nesterov(lr=0.1, momentum=0.9, lrInBuffer=true))"
        Optimizers.parse(optimizer.spec()).spec() shouldBe optimizer.spec()
        Optimizers.adam().lr(0.01).spec() shouldBe Optimizers.parse("adam(lr=0.01)").spec()
        Optimizers.parse("chain(clip(norm=1.0), scaleByAdam(beta2=0.99), scale(lr=cosine(init=0.1, steps=100)))").spec() shouldBe
            "chain(clip(norm=1.0), scaleByAdam(beta1=0.9, beta2=0.99, eps=1.0E-8, epsInsideSqrt=false, biasCorrection=true)," +
            " scale(lr=cosine(init=0.1, steps=100, final=0.0)))"
        Optimizers.parse("adam(0.01, 0.8)").spec() shouldBe Optimizers.parse("adam(lr=0.01, beta1=0.8)").spec()
        Optimizers.parse("adam").spec() shouldBe
            "adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, epsInsideSqrt=false, biasCorrection=true)"
        Optimizers.parse("adam(lr=warmup(steps=10, then=cosine(init=0.1, steps=100)))").spec() shouldContain
            "lr=warmup(steps=10, start=0.0, then=cosine(init=0.1, steps=100, final=0.0))"
    }

    test("a provider declared only in the tests' META-INF/services is found by name and runs") {
        Optimizers.registry().names() shouldContainAll listOf("signDescent")
        // x <- x - 0.25 sign(2x) from 1: 0.75, 0.5, 0.25
        firstThree("signDescent(lr=0.25)") shouldBe listOf(0.75, 0.5, 0.25)
        // and chains with the built-in transforms
        firstThree("chain(weightDecay(rate=1), signDescent(lr=0.25))") shouldBe listOf(0.75, 0.5, 0.25)
    }

    test("an unknown optimizer name lists the known ones") {
        val error = shouldThrow<OptimizerException> { Optimizers.parse("chain(clip(norm=1), adamm(lr=0.1))") }
        error.message!! shouldContain "unknown optimizer 'adamm'"
        for (name in builtIn) error.message!! shouldContain name
        error.column() shouldBe 21
    }

    test("a hyperparameter out of range names it and its range") {
        val error = shouldThrow<OptimizerException> { Optimizers.parse("adam(lr=0.01, beta2=1.5)") }
        error.message!! shouldContain "beta2 = 1.5 (column 21) is out of range"
        error.column() shouldBe 21
        error.message!! shouldContain "[0, 1)"
        shouldThrow<OptimizerException> { Optimizers.parse("gd(lr=-0.1)") }.message!! shouldContain "lr must be a number in (0, inf)"
        shouldThrow<OptimizerException> { Optimizers.parse("gd(lr=cosine(init=0.1, steps=0))") }.message!! shouldContain
            "steps = 0 (column 30) is out of range; steps must be an integer in [1, inf)"
    }

    test("a hyperparameter of the wrong type names it, its allowed values and the column") {
        val word = shouldThrow<OptimizerException> { Optimizers.parse("adam(beta1=fast)") }
        word.message!! shouldContain "beta1 = fast (column 12) is not a number; beta1 must be a real number in [0, 1)"
        word.column() shouldBe 12
        shouldThrow<OptimizerException> { Optimizers.parse("momentum(lrInBuffer=1)") }.message!! shouldContain
            "lrInBuffer must be true or false"
        shouldThrow<OptimizerException> { Optimizers.parse("newton(indefinite=flip)") }.message!! shouldContain
            "indefinite must be one of shift|abs|fail"
        shouldThrow<OptimizerException> { Optimizers.parse("cosine(every=2.5)") }.message!! shouldContain
            "unknown optimizer 'cosine'"
        shouldThrow<OptimizerException> { Optimizers.parse("adam(gamma=1)") }.message!! shouldContain
            "adam has no hyperparameter 'gamma' (column 6); its hyperparameters are lr, beta1, beta2"
        shouldThrow<OptimizerException> { Optimizers.parse("gd(lr=fancy(x=1))") }.message!! shouldContain
            "unknown schedule 'fancy' at column 7"
    }

    test("a malformed spec names the column") {
        fun column(spec: String) = shouldThrow<OptimizerException> { Optimizers.parse(spec) }.column()
        column("adam(lr=0.01") shouldBe 13            // end of text where ',' or ')' was due
        column("adam(lr 0.01)") shouldBe 9            // a value where ',' or ')' was due
        column("adam(lr=)") shouldBe 9
        column("adam(lr=0.01))") shouldBe 14
        column("chain(clip(norm=1) nesterov)") shouldBe 20
        column("adam(lr=1e-3e2)") shouldBe 9
        shouldThrow<OptimizerException> { Optimizers.parse("adam(lr=0.01") }.message!! shouldContain "at column 13"
    }
})
