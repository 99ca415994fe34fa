package dev.fluxion.dsl.tape

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.minus
import dev.fluxion.dsl.pow
import dev.fluxion.dsl.times
import dev.fluxion.dsl.variables
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/** A compiled expression is an [Objective]: what optimizers and landscapes call. */
class CompiledObjectiveSpec : FunSpec({

    test("a scalar expression compiles to an Objective with its dimension, names, value, gradient and Hessian") {
        val (x, y) = variables("x", "y")
        val rosenbrock = ((1.0 - x) pow 2) + 100.0 * ((y - (x pow 2)) pow 2)
        val objective: Objective = rosenbrock.compile("x", "y")
        objective.dimension() shouldBe 2
        objective.variableNames() shouldBe listOf("x", "y")
        objective.hasHessian().shouldBeTrue()
        val at = doubleArrayOf(-1.2, 1.0)
        val a = at[1] - at[0] * at[0]
        val value = (1 - at[0]) * (1 - at[0]) + 100 * a * a
        assertClose(objective.value(at), value, 1e-13) { "value" }
        val gradient = DoubleArray(2)
        assertClose(objective.valueAndGradient(at, gradient), value, 1e-13) { "value with the gradient" }
        assertClose(gradient, doubleArrayOf(-2 * (1 - at[0]) - 400 * at[0] * a, 200 * a), 1e-12) { "gradient" }
        val hessian = Array(2) { DoubleArray(2) }
        objective.hessian(at, hessian)
        assertClose(
            hessian,
            arrayOf(doubleArrayOf(2 - 400 * a + 800 * at[0] * at[0], -400 * at[0]), doubleArrayOf(-400 * at[0], 200.0)),
            1e-12,
        ) { "Hessian" }
        objective.metric().isPresent shouldBe false
        objective.smoothness().isPresent shouldBe false
    }

    test("vector variables take consecutive slots, named w[0], w[1], ..., in the order given") {
        val w = VectorExpr.variable("w", 3)
        val (b) = variables("b")
        val objective: Objective = ((w + b).square().sum()).compile("w", "b")
        objective.dimension() shouldBe 4
        objective.variableNames() shouldBe listOf("w[0]", "w[1]", "w[2]", "b")
        val reordered: Objective = ((w + b).square().sum()).compile("b", "w")
        reordered.variableNames() shouldBe listOf("b", "w[0]", "w[1]", "w[2]")
        val gradient = DoubleArray(4)
        // sum (w_i + b)^2 at w = (1, 2, 3), b = 1: gradient 2 (w_i + b) and 2 sum (w_i + b)
        reordered.valueAndGradient(doubleArrayOf(1.0, 1.0, 2.0, 3.0), gradient) shouldBe 4.0 + 9.0 + 16.0
        assertClose(gradient, doubleArrayOf(18.0, 4.0, 6.0, 8.0), 0.0) { "gradient in the order (b, w)" }
    }

    test("checkDimension names both dimensions and the variables") {
        val w = VectorExpr.variable("w", 3)
        val objective: Objective = w.squaredNorm().compile("w")
        objective.checkDimension(DoubleArray(3))
        val message = shouldThrow<DslException> { objective.checkDimension(DoubleArray(2)) }.message!!
        message shouldContain "dimension 2"
        message shouldContain "dimension 3"
        message shouldContain "[w[0], w[1], w[2]]"
    }
})
