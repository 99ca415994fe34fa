package dev.fluxion.dsl.expr

import dev.fluxion.dsl.number.HyperDual
import io.kotest.core.spec.style.StringSpec
import io.kotest.property.Arb
import io.kotest.property.checkAll

/**
 * For random expressions in x, y, z, the Hessian by hyper-dual numbers is symmetric, equals the symbolic second
 * derivatives d/dx_j (d/dx_i f), and matches centered differences of the dual gradient.
 */
class HessianPropertySpec : StringSpec({

    "the hyper-dual Hessian is symmetric and agrees with symbolic and finite-difference second derivatives" {
        checkAll(propertyConfig(300), Arb.expressionSample()) { sample ->
            val names = sample.variables
            val hessian = sample.expr.hessianAt(sample.point, names)
            val firstDerivatives = names.map { sample.expr.derivative(it) }
            for (i in names.indices) {
                for (j in names.indices) {
                    val entry = "d2f/d${names[i]}d${names[j]}"
                    shouldAgree("hessianAt is symmetric at $entry, $sample", hessian[i][j], hessian[j][i], 0.0)
                    // Seeding x_i in e1 and x_j in e2 and the other way round are different computations.
                    val seeded = hyperDualEntry(sample, names[i], names[j])
                    shouldAgree("hyper-dual $entry seeded (e1, e2) = (${names[i]}, ${names[j]}) vs hessianAt, $sample",
                        seeded, hessian[i][j], 1e-12)
                    val symbolic = firstDerivatives[i].derivative(names[j]).valueAt(sample.point)
                    shouldAgree("$entry by hyper-duals vs symbolic, $sample", hessian[i][j], symbolic, 1e-10)
                    val difference = richardsonDerivative(
                        { t -> sample.expr.gradientAt(sample.shifted(names[j], t), names)[i] }, 0.0,
                        ExpressionSample.STENCIL, targetError = 1e-8 * maxOf(1.0, kotlin.math.abs(hessian[i][j])))
                    shouldAgree("$entry by hyper-duals vs differences of the dual gradient (estimated error " +
                        "${difference.error}), $sample", hessian[i][j], difference.derivative, 1e-6)
                }
            }
        }
    }

    afterSpec { println("HessianPropertySpec: $SamplingStatistics") }
})

/** d2f/da db from one hyper-dual evaluation with a seeded in e1 and b in e2. */
private fun hyperDualEntry(sample: ExpressionSample, a: String, b: String): Double {
    val bindings = sample.variables.associateWith { v ->
        HyperDual(sample.point.get(v), if (v == a) 1.0 else 0.0, if (v == b) 1.0 else 0.0, 0.0)
    }
    return sample.expr.evaluate(bindings).cross()
}
