package dev.fluxion.optimizers.trustregion

import dev.fluxion.optimizers.Optimizers
import dev.fluxion.optimizers.quasinewton.Convergence
import dev.fluxion.optimizers.quasinewton.beale
import dev.fluxion.optimizers.quasinewton.converge
import dev.fluxion.optimizers.quasinewton.gradientInfNorm
import dev.fluxion.optimizers.quasinewton.rosenbrock
import dev.fluxion.optimizers.quasinewton.rosenbrockStart
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeLessThanOrEqual
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe

/**
 * Trust-region Newton from the standard starts reaches ||grad f||_inf <= 1e-8 on Rosenbrock in 2 and 10 dimensions and
 * on Beale, with both subproblem solvers. The table of steps and evaluations is printed; the bounds on steps guard
 * against a regression that would still converge, only slowly.
 *
 * scipy 1.17.1 (`minimize(..., method="trust-ncg" | "dogleg")`, run here from the same starts with the exact gradient
 * and Hessian, Beale's Hessian by central differences of its exact gradient; iterations until ||grad f||_inf <= 1e-8,
 * then its f / gradient / Hessian evaluations): trust-ncg 30 (31 / 27 / 27) on rosenbrock(dim=2), 86 (87 / 76 / 76) on
 * rosenbrock(dim=10) with the same final f, 1.2942249226282225e-30, 12 (13 / 12 / 12) on Beale; dogleg 24 (25 / 21 /
 * 21) on rosenbrock(dim=2), and it stops with "a linalg error, such as a non-psd Hessian" at iteration 4 on
 * rosenbrock(dim=10) and at once on Beale, where this dogleg takes the Cauchy point. The step counts below are those
 * iteration counts.
 */
class TrustRegionConvergenceSpec : FunSpec({
    val problems = listOf(
        Triple("rosenbrock(dim=2)", rosenbrock(2), rosenbrockStart(2)),
        Triple("rosenbrock(dim=10)", rosenbrock(10), rosenbrockStart(10)),
        Triple("beale", beale, doubleArrayOf(1.0, 1.0)),
    )
    // the steps each took when this spec was written, plus a quarter
    val stepBounds = mapOf(
        "newton-tr()" to mapOf("rosenbrock(dim=2)" to STEIHAUG_R2, "rosenbrock(dim=10)" to STEIHAUG_R10, "beale" to STEIHAUG_BEALE),
        "newton-tr(method=dogleg)" to mapOf("rosenbrock(dim=2)" to DOGLEG_R2, "rosenbrock(dim=10)" to DOGLEG_R10, "beale" to DOGLEG_BEALE),
    )
    val rows = mutableListOf<Convergence>()

    for ((spec, bounds) in stepBounds) {
        for ((problem, f, start) in problems) {
            test("$spec reaches ||grad f||_inf <= 1e-8 on $problem") {
                val row = converge(problem, spec, f, start)
                rows += row
                row.gradientNorm shouldBeLessThanOrEqual 1e-8
                row.steps shouldBeLessThanOrEqual bounds.getValue(problem).let { it + it / 4 }
            }
        }
    }

    test("1000 steps, far past convergence, never fail and never leave the minimizer") {
        for (spec in stepBounds.keys) {
            for ((_, f, start) in problems) {
                val x = start.copyOf()
                val run = Optimizers.parse(spec).start(x.size)
                repeat(1000) { run.step(f, x) }
                gradientInfNorm(f, x) shouldBeLessThanOrEqual 1e-8
            }
        }
    }

    test("at g = 0 exactly nothing is evaluated and x does not move") {
        // the minimizer (1, 1) of Rosenbrock, where g = (0, 0) in exact arithmetic and in doubles
        val x = doubleArrayOf(1.0, 1.0)
        val run = Optimizers.parse("newton-tr()").start(2)
        repeat(3) { run.step(rosenbrock(2), x) }
        x.toList() shouldBe listOf(1.0, 1.0)
        run.evaluations().hessians() shouldBe 0L
        run.evaluations().gradients() shouldBe 3L
    }

    afterSpec {
        println("| problem | optimizer | steps | values | gradients | Hessians | f |")
        rows.forEach { println("| ${it.problem} | ${it.spec} | ${it.steps} | ${it.values} | ${it.gradients} | ${it.hessians} | ${it.value} |") }
    }
}) {
    companion object {
        const val STEIHAUG_R2 = 30
        const val STEIHAUG_R10 = 86
        const val STEIHAUG_BEALE = 12
        const val DOGLEG_R2 = 24
        const val DOGLEG_R10 = 709
        const val DOGLEG_BEALE = 9
    }
}
