package dev.fluxion.optimizers.quasinewton

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.Optimizers
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/**
 * Save a run mid-way, restore it in a new optimizer parsed from the saved spec, continue: x is bit for bit that of the
 * run that never stopped, and so is every buffer, L-BFGS's ring of pairs included.
 *
 * The evaluation counts may differ by one gradient: a step that ended at its line search's last trial point hands
 * that evaluation to the next step (StepContext), and that hand-over is not part of the saved state, so a restored run
 * evaluates f and grad f at its point once more.
 */
class QuasiNewtonSaveRestoreSpec : FunSpec({
    val valley = Expr.parse("(x - 1)^2 + 5*(y - x^2)^2 + 0.1*exp(0.3*x) + cosh(0.2*y)").compile("x", "y")

    fun saveRestoreContinue(spec: String, f: Objective, start: DoubleArray, before: Int, after: Int) {
        val uninterrupted = start.copyOf()
        val straight = Optimizers.parse(spec).start(start.size)
        // whether the first step after the save point took its evaluation from the step before (a line search's last)
        var reusedAfterSave = false
        repeat(before + after) { k -> straight.step(f, uninterrupted).also { if (k == before) reusedAfterSave = it.reusedEvaluation() } }

        val resumed = start.copyOf()
        val first = Optimizers.parse(spec).start(start.size)
        repeat(before) { first.step(f, resumed) }
        val saved = first.save()
        val second = Optimizers.parse(saved.lines()[1].removePrefix("spec ")).restore(saved)
        second.steps() shouldBe before.toLong()
        repeat(after) { second.step(f, resumed) }

        resumed.map { it.toRawBits() } shouldBe uninterrupted.map { it.toRawBits() }
        fun buffers(text: String) = text.lines().filter { it.startsWith("buffer") }
        buffers(second.save()) shouldBe buffers(straight.save())
        second.evaluations().values() shouldBe straight.evaluations().values()
        // the restored run evaluates once more exactly where the uninterrupted one reused
        (second.evaluations().gradients() - straight.evaluations().gradients()) shouldBe (if (reusedAfterSave) 1L else 0L)
    }

    test("lbfgs(memory=3) on rosenbrock(dim=10), saved at step 17 after its ring of pairs has wrapped") {
        val f = rosenbrock(10)
        val x = rosenbrockStart(10)
        val run = Optimizers.parse("lbfgs(memory=3)").start(10)
        repeat(17) { run.step(f, x) }
        // 16 pairs offered, at most 3 kept: the ring has wrapped at least once
        run.save() shouldContain "buffer 0 history 0x1.8p1 "
        saveRestoreContinue("lbfgs(memory=3)", f, rosenbrockStart(10), before = 17, after = 23)
    }

    val specs = listOf(
        "lbfgs()",
        "lbfgs(memory=2, linesearch=backtracking)",
        "bfgs()",
        "bfgs(linesearch=backtracking, curvatureEps=0.001)",
        "cg(variant=fr)",
        "cg(variant=prplus, restartEvery=3)",
        "cg(variant=hs)",
        "cg(variant=hz, linesearch=backtracking)",
        "lbfgs(linesearch=hagerZhang)",
        "cg(variant=hz, linesearch=hagerZhang)",
        "wolfe(guess=quadratic)",
        "hagerZhang(guess=quadratic, epsilon=0)",
        "backtracking(guess=quadratic, c1=0.3, shrink=0.7)",
        "polyak(fStar=0.5)",
        "chain(clip(norm=1), lbfgs(memory=4))",
        "chain(adam(lr=0.1), wolfe(c2=0.5))",
    )
    for (spec in specs) {
        test("save, restore, continue == uninterrupted: $spec") {
            saveRestoreContinue(spec, valley, doubleArrayOf(-1.2, 1.0), before = 9, after = 11)
        }
    }
})
