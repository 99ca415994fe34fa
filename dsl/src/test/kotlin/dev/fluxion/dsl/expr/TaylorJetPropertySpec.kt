package dev.fluxion.dsl.expr

import dev.fluxion.dsl.number.Jet
import io.kotest.core.spec.style.StringSpec
import io.kotest.property.Arb
import io.kotest.property.arbitrary.int
import io.kotest.property.checkAll

/**
 * For random one-variable expressions, a Taylor jet of order k carries the k-th derivative: k! c_k equals the
 * k-th symbolic derivative evaluated, and nthDerivativeAt says the same.
 */
class TaylorJetPropertySpec : StringSpec({

    "k! times the jet's k-th coefficient is the k-th symbolic derivative, for k up to 4" {
        checkAll(propertyConfig(500), Arb.expressionSample(listOf("x")), Arb.int(0..4)) { sample, k ->
            val x = sample.point.get("x")
            val jet = sample.expr.evaluate(mapOf("x" to Jet.variable(x, k)))
            val fromJet = jet.coefficient(k) * factorial(k)
            var symbolic: Expr = sample.expr
            repeat(k) { symbolic = symbolic.derivative("x") }
            val exact = symbolic.valueAt(sample.point)
            // Rounding in a k-th derivative grows with k: each order multiplies the terms it sums.
            shouldAgree("d^$k f/dx^$k by jet vs symbolic, $sample", fromJet, exact, 1e-9)
            shouldAgree("d^$k f/dx^$k by nthDerivativeAt vs jet, $sample", sample.expr.nthDerivativeAt(x, k), fromJet,
                1e-15)
            shouldAgree("the jet's value vs valueAt, $sample", jet.value(), sample.expr.valueAt(sample.point), 1e-15)
        }
    }

    afterSpec { println("TaylorJetPropertySpec: $SamplingStatistics") }
})

private fun factorial(k: Int): Double = (2..k).fold(1.0) { product, i -> product * i }
