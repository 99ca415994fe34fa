package dev.fluxion.landscapes

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/**
 * The promise of the non-smooth tag: at a kink the dsl's convention gives a finite subgradient, never NaN. Checked
 * where kinks sit by construction, at the global minimizers of every landscape tagged non-smooth (catalog and bbob),
 * and by hand where the subgradient is known: Ackley's gradient at its minimizer, the origin, is 0 (its radial
 * term is a function of the norm, whose subgradient at the origin the convention takes as 0; its cosine term is
 * smooth with gradient 0 there). Before roots had a cusp convention, Ackley's gradient there was NaN.
 */
class KinkPromiseSpec : FunSpec({

    fun nonsmooth(spec: String): Landscape? = landscape(spec).takeIf { it.facts().has(Tag.NONSMOOTH) }

    test("Ackley's gradient at its minimizer is exactly 0 in every dimension") {
        for (dim in listOf(1, 2, 5, 10)) {
            landscape("ackley(dim=$dim)").objective().gradient(DoubleArray(dim)).toList() shouldBe List(dim) { 0.0 }
        }
        landscape("ackley").objective().gradient(doubleArrayOf(0.0, 0.0)).toList() shouldBe listOf(0.0, 0.0)
    }

    test("every catalog landscape tagged non-smooth has a finite gradient at each of its global minimizers") {
        val tagged = registry.names().filter { it != "bbob" && it != "mgh" }.mapNotNull { name ->
            runCatching { nonsmooth(name) }.getOrNull()
        }
        (tagged.size > 0) shouldBe true
        for (l in tagged) {
            for (x in l.facts().globalMinimizers()) {
                withClue("${l.spec()} at ${x.toList()}") {
                    l.objective().gradient(x).all { it.isFinite() } shouldBe true
                }
            }
        }
    }

    test("every non-smooth bbob function has a finite gradient at x_opt, dimensions 2, 5 and 10, instances 1 to 3") {
        for (f in 1..24) for (dim in listOf(2, 5, 10)) for (instance in 1..3) {
            val l = nonsmooth("bbob(f=$f, dim=$dim, instance=$instance)") ?: continue
            for (x in l.facts().globalMinimizers()) {
                withClue("${l.spec()} at x_opt") { l.objective().gradient(x).all { it.isFinite() } shouldBe true }
            }
        }
    }
})
