package dev.fluxion.dsl.expr

import dev.fluxion.dsl.calculus.ComplexStep
import io.kotest.core.spec.style.StringSpec
import io.kotest.property.Arb
import io.kotest.property.checkAll

/**
 * For random expressions in x, y, z at random points, the four ways to a partial derivative agree: dual
 * numbers, the symbolic derivative evaluated, the complex step, and Richardson-extrapolated centered differences.
 */
class GradientPropertySpec : StringSpec({
    val config = propertyConfig(400)

    "dual, symbolic and finite-difference partial derivatives agree" {
        checkAll(config, Arb.expressionSample()) { sample ->
            val dual = sample.expr.gradientAt(sample.point, sample.variables)
            sample.variables.forEachIndexed { i, v ->
                val symbolic = sample.expr.derivative(v).valueAt(sample.point)
                shouldAgree("df/d$v by duals vs symbolic, $sample", dual[i], symbolic, 1e-12)
                val difference = richardsonDerivative({ t -> sample.expr.valueAt(sample.shifted(v, t)) }, 0.0,
                    ExpressionSample.STENCIL, targetError = 1e-9 * maxOf(1.0, kotlin.math.abs(dual[i])))
                shouldAgree("df/d$v by duals vs finite differences (estimated error ${difference.error}), $sample",
                    dual[i], difference.derivative, 1e-7)
            }
        }
    }

    "the complex step agrees with dual numbers to rounding" {
        // Im f(x + ih)/h with h = 1e-20 has no truncation error above rounding and no cancellation, so it is an
        // exact method like the duals. Non-analytic functions follow the complex-step convention of deciding
        // by the real part, which is exact away from their kinks (the sampler keeps points away from kinks).
        checkAll(config, Arb.expressionSample()) { sample ->
            val dual = sample.expr.gradientAt(sample.point, sample.variables)
            val complex = ComplexStep.gradient(sample.expr, sample.point, sample.variables)
            sample.variables.forEachIndexed { i, v ->
                shouldAgree("df/d$v by duals vs complex step, $sample", dual[i], complex[i], 1e-12)
            }
        }
    }

    afterSpec { println("GradientPropertySpec: $SamplingStatistics") }
})
