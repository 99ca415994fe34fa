package dev.fluxion.landscapes

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import java.util.SplittableRandom

/** The same spec and seed give the same landscape, data included, bit for bit. */
class DeterminismSpec : FunSpec({

    val seeded = listOf("quadratic(dim=30, kappa=1000, seed=42)", "gaussian-nll(seed=9)",
        "linear-regression(seed=9)", "logistic-regression(seed=9)", "softmax-regression(seed=9)")

    for (spec in seeded) {
        test("$spec: built twice, equal facts, equal data and equal values to the bit") {
            val a = landscape(spec)
            val b = landscape(spec)
            a.facts() shouldBe b.facts()
            a.data() shouldBe b.data()
            val random = SplittableRandom(3)
            repeat(20) {
                val x = a.facts().domain().sample(random)
                a.value(x).toRawBits() shouldBe b.value(x).toRawBits()
                a.objective().gradient(x).map { it.toRawBits() } shouldBe b.objective().gradient(x).map { it.toRawBits() }
            }
        }

        test("$spec: the canonical spec rebuilds the same landscape, and another seed gives another one") {
            val a = landscape(spec)
            landscape(a.spec()).facts() shouldBe a.facts()
            val other = landscape(a.spec().replace(Regex("seed=\\d+"), "seed=10"))
            other.facts().start().toList() + other.facts().globalMinimizers().flatMap { it.toList() } shouldNotBe
                a.facts().start().toList() + a.facts().globalMinimizers().flatMap { it.toList() }
        }
    }

    test("the canonical spec writes every parameter out") {
        landscape("quadratic(dim=50, kappa=1000)").spec() shouldBe
            "quadratic(dim=50, kappa=1000, rotated=true, seed=0, mu=1, spacing=log)"
        landscape("rosenbrock").spec() shouldBe "rosenbrock(dim=2)"
        landscape("beale").spec() shouldBe "beale"
        landscape("formula(\"x^2 + 10*y^2\")").spec() shouldBe
            "formula(expression=\"x^2 + 10*y^2\", lower=-5, upper=5, minimum=unknown, minimizers=unknown)"
    }
})
