package dev.fluxion.dsl.expr

import io.kotest.core.spec.style.StringSpec
import io.kotest.property.Arb
import io.kotest.property.checkAll

/**
 * Simplification never changes a value where the expression is defined: the same random tree built through
 * Expr's simplifying operations and through the raw node constructors evaluates to the same number, up to the
 * rounding of the reordered arithmetic (constants gathered, powers merged).
 */
class SimplificationPropertySpec : StringSpec({

    "the simplified and the raw tree of a random expression have the same value" {
        checkAll(propertyConfig(500), Arb.expressionSample()) { sample ->
            val raw = sample.recipe.build(Construction.RAW)
            shouldAgree("simplified vs raw, raw = $raw, $sample", sample.expr.valueAt(sample.point),
                raw.valueAt(sample.point), 1e-12)
            val rawGradient = raw.gradientAt(sample.point, sample.variables)
            val gradient = sample.expr.gradientAt(sample.point, sample.variables)
            sample.variables.indices.forEach { i ->
                shouldAgree("df/d${sample.variables[i]} simplified vs raw, raw = $raw, $sample", gradient[i],
                    rawGradient[i], 1e-12)
            }
        }
    }
})
