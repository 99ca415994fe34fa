package dev.fluxion.optimizers

import dev.fluxion.dsl.spec.Range
import dev.fluxion.optimizers.named.Adam
import dev.fluxion.optimizers.schedule.ConstantSchedule
import dev.fluxion.optimizers.schedule.CosineDecaySchedule
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

class SignatureSpec : FunSpec({

    test("a signature builds its record from spec values in the components' order, and prints every one") {
        val values = HyperparameterValues("cosine", linkedMapOf<String, Any>("init" to 0.5, "steps" to 40L, "final" to 0.125))
        val cosine = CosineDecaySchedule.SIGNATURE.create(values)
        cosine shouldBe CosineDecaySchedule(0.5, 40, 0.125)
        // the component is called end, the hyperparameter final: the order binds them, not the names
        CosineDecaySchedule.SIGNATURE.spec(cosine) shouldBe "cosine(init=0.5, steps=40, final=0.125)"
        Adam.SIGNATURE.spec(Adam.DEFAULT.lr(0.01).beta2(0.99)) shouldBe
            "adam(lr=0.01, beta1=0.9, beta2=0.99, eps=1.0E-8, epsInsideSqrt=false, biasCorrection=true)"
        // Kingma and Ba's defaults
        Adam.SIGNATURE.defaults() shouldBe Adam(ConstantSchedule(0.001), 0.9, 0.999, 1e-8, false, true)
    }

    test("what the record's constructor refuses comes out of the signature as it is") {
        val values = HyperparameterValues("cosine", linkedMapOf<String, Any>("init" to 0.5, "steps" to 0L, "final" to 0.0))
        shouldThrow<OptimizerException> { CosineDecaySchedule.SIGNATURE.create(values) }.message!! shouldContain
            "steps = 0 is out of range"
    }

    test("a record without one component per hyperparameter is refused, naming both") {
        shouldThrow<IllegalArgumentException> {
            Signature(HalfDeclared::class.java, "half", listOf(
                Hyperparameter.real("rate", 0.1, Range.POSITIVE, "the rate"),
                Hyperparameter.real("floor", 0.0, Range.NON_NEGATIVE, "the floor")), "a half-declared schedule")
        }.message shouldBe "dev.fluxion.optimizers.HalfDeclared is not a record with one component per" +
            " hyperparameter of half [rate, floor]"
    }

    test("the built-in providers are named after their records, plugins after their classes") {
        (Optimizers.registry().find("adam") as TypedProvider).origin() shouldBe "dev.fluxion.optimizers.named.Adam"
        val plugin = object : TypedProvider("plain", listOf(), { Adam.DEFAULT }, "a plugin's provider") {}
        plugin.origin() shouldBe plugin.javaClass.name
    }
})
