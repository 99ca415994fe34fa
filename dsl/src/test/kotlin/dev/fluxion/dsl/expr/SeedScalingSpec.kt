package dev.fluxion.dsl.expr

import dev.fluxion.dsl.number.HyperDual
import dev.fluxion.dsl.number.Jet
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.checkAll

/**
 * Rescaled seeds ([dev.fluxion.dsl.number.SeedScaling]) change nothing where the first attempt is finite: on random
 * expressions, `hessianAt` and the jet's f'' equal the plain computations with unit seeds bit for bit. And the
 * premise of the rescue holds: the cross part of a hyper-dual, a jet's second coefficient and the tape's H u are
 * homogeneous in the seeds, so seeds 2^-k give 2^-2k (or 2^-k) times the same bits.
 */
class SeedScalingSpec : StringSpec({

    val k = 40

    "where unit seeds give a finite Hessian, hessianAt is it bit for bit, and 2^-k seeds (tree walk and tape) too" {
        checkAll(propertyConfig(300), Arb.expressionSample()) { sample ->
            val names = sample.variables
            val hessian = sample.expr.hessianAt(sample.point, names)
            // hessianAt seeds x_i in e1 and x_j in e2 for i <= j and mirrors the entry
            for (i in names.indices) for (j in i until names.size) {
                val plain = crossPart(sample, names[i], names[j], 1.0)
                if (!plain.isFinite()) continue
                withClue("d2f/d${names[i]}d${names[j]}, $sample") {
                    hessian[i][j].toRawBits() shouldBe plain.toRawBits()
                    hessian[j][i].toRawBits() shouldBe plain.toRawBits()
                    if (farFromUnderflow(plain)) {
                        val scaled = crossPart(sample, names[i], names[j], Math.scalb(1.0, -k))
                        Math.scalb(scaled, 2 * k).toRawBits() shouldBe plain.toRawBits()
                    }
                }
            }
            val tape = sample.expr.compile(names)
            val x = DoubleArray(names.size) { sample.point.get(names[it]) }
            val compiled = Array(names.size) { DoubleArray(names.size) }
            tape.hessian(x, compiled)
            for (j in names.indices) {
                val direction = DoubleArray(names.size) { if (it == j) Math.scalb(1.0, -k) else 0.0 }
                val product = DoubleArray(names.size)
                tape.hessianVectorProduct(x, direction, product)
                for (i in names.indices) {
                    if (compiled[i][j].isFinite() && farFromUnderflow(compiled[i][j])) {
                        withClue("compiled H e_$j along 2^-$k, entry $i, $sample") {
                            Math.scalb(product[i], k).toRawBits() shouldBe compiled[i][j].toRawBits()
                        }
                    }
                }
            }
        }
    }

    "where the unit seed gives a finite f'', nthDerivativeAt(x, 2) is it bit for bit, and a 2^-k seed too" {
        checkAll(propertyConfig(300), Arb.expressionSample(listOf("x"))) { sample ->
            val x = sample.point.get("x")
            val plain = sample.expr.evaluate(mapOf("x" to Jet.variable(x, 2))).derivative(2)
            if (plain.isFinite()) {
                withClue("f''($x), $sample") {
                    sample.expr.nthDerivativeAt(x, 2).toRawBits() shouldBe plain.toRawBits()
                    if (farFromUnderflow(plain)) {
                        val seeded = Jet.of(x, Math.scalb(1.0, -k), 0.0)
                        val scaled = sample.expr.evaluate(mapOf("x" to seeded)).derivative(2)
                        Math.scalb(scaled, 2 * k).toRawBits() shouldBe plain.toRawBits()
                    }
                }
            }
        }
    }
})

/** Whether d stays normal when scaled by 2^-2k, so that scaling it is exact. */
private fun farFromUnderflow(d: Double) = d == 0.0 || kotlin.math.abs(d) >= 1e-200

/** The cross part of f with a seeded s in e1 and b in e2, the other variables held. */
private fun crossPart(sample: ExpressionSample, a: String, b: String, s: Double): Double {
    val bindings = sample.variables.associateWith { v ->
        HyperDual(sample.point.get(v), if (v == a) s else 0.0, if (v == b) s else 0.0, 0.0)
    }
    return sample.expr.evaluate(bindings).cross()
}
