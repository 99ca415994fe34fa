package dev.fluxion.optimizers.trustregion

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.Optimizers
import dev.fluxion.optimizers.quasinewton.rosenbrock
import dev.fluxion.optimizers.quasinewton.rosenbrockStart
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.collections.shouldBeIn
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe

/**
 * Save a trust-region run mid-way, restore it in a new optimizer parsed from the saved spec, continue: x and the radius
 * are bit for bit those of the run that never stopped. The counts differ by one evaluation: a restored run evaluates f
 * and g at its point again where the uninterrupted one reused its last trial (as for the line searches), or the Hessian
 * again where the uninterrupted one kept it from a rejected step.
 */
class TrustRegionSaveRestoreSpec : FunSpec({
    // the double well from (0.1, 0.5) rejects its first step; Rosenbrock in 10-D rejects steps on its way
    val well = Expr.parse("x^2/2 + y^4/4 - y^2/2").compile("x", "y")
    val cases = listOf(
        Triple("newton-tr()", rosenbrock(10), rosenbrockStart(10)),
        Triple("newton-tr(method=dogleg)", rosenbrock(10), rosenbrockStart(10)),
        Triple("newton-tr(radius=0.1, maxRadius=0.5, eta=0.2, cgTolerance=0.1)", rosenbrock(2), rosenbrockStart(2)),
        Triple("newton-tr()", well, doubleArrayOf(0.1, 0.5)),
        Triple("newton-tr(method=dogleg)", well, doubleArrayOf(0.1, 0.5)),
        Triple("chain(trustRegion(method=dogleg, radius=0.5))", rosenbrock(2), rosenbrockStart(2)),
    )

    fun saveRestoreContinue(spec: String, f: Objective, start: DoubleArray, before: Int, after: Int) {
        val uninterrupted = start.copyOf()
        val straight = Optimizers.parse(spec).start(start.size)
        repeat(before + after) { straight.step(f, uninterrupted) }

        val resumed = start.copyOf()
        val first = Optimizers.parse(spec).start(start.size)
        repeat(before) { first.step(f, resumed) }
        val saved = first.save()
        val second = Optimizers.parse(saved.lines()[1].removePrefix("spec ")).restore(saved)
        repeat(after) { second.step(f, resumed) }

        resumed.map { it.toRawBits() } shouldBe uninterrupted.map { it.toRawBits() }
        fun buffers(text: String) = text.lines().filter { it.startsWith("buffer") }
        buffers(second.save()) shouldBe buffers(straight.save())
        // the first step after the restore pays once more what the uninterrupted run had in hand: f and g at x when
        // the step before was accepted (its trial, reused), or the Hessian at x when it was rejected (kept for the
        // retry from the same point); everything else is counted alike
        second.evaluations().values() shouldBe straight.evaluations().values()
        val moreGradients = second.evaluations().gradients() - straight.evaluations().gradients()
        val moreHessians = second.evaluations().hessians() - straight.evaluations().hessians()
        (moreGradients to moreHessians) shouldBeIn listOf(1L to 0L, 0L to 1L)
    }

    for ((spec, f, start) in cases) {
        test("save, restore, continue == uninterrupted: $spec on a ${f.dimension()}-D problem") {
            for (before in listOf(1, 4, 9)) saveRestoreContinue(spec, f, start, before, after = 12)
        }
    }

    test("the saved radius is the run's radius, and a run that was rejected has a smaller one") {
        val run = Optimizers.parse("newton-tr()").start(2)
        val x = doubleArrayOf(0.1, 0.5)
        run.step(well, x)
        // rejected: Delta = 1/4 = 0x1.0p-2
        run.save().lines().single { it.startsWith("buffer 0 radius") } shouldBe "buffer 0 radius 0x1.0p-2"
        run.evaluations().gradients() shouldBeGreaterThan 1L
        run.save() shouldNotBe Optimizers.parse("newton-tr()").start(2).save()
    }
})
