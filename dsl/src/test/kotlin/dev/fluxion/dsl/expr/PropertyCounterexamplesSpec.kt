package dev.fluxion.dsl.expr

import dev.fluxion.dsl.function.PowerOf
import dev.fluxion.dsl.function.Unary
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf

/** The counterexamples the random-expression properties found, kept as fixed cases. */
class PropertyCounterexamplesSpec : StringSpec({

    "the 0-th derivative of a closed expression that is not a constant node is its value" {
        val closed = Expr.parse("sigmoid(atan(logGamma(0.5 + sigmoid(tan(1.2*tanh(softplus(1.07))))^2)))")
        closed.nthDerivativeAt(-1.41, 0) shouldBe closed.valueAt(Point.of())
        closed.nthDerivativeAt(-1.41, 3) shouldBe 0.0
    }

    "minus before a parenthesized negative constant or a named constant prints back as written" {
        for (tree in listOf(UnaryCall(Unary.NEG, Constant(-0.33)), UnaryCall(Unary.NEG, Constant.PI))) {
            val text = tree.toString()
            Expr.parse(text).toString() shouldBe text
            Expr.parse(text).valueAt(Point.of()) shouldBe tree.valueAt(Point.of())
        }
        Expr.parse("-2") shouldBe Constant(-2.0)
        Expr.parse("-(-2)") shouldBe UnaryCall(Unary.NEG, Constant(-2.0))
    }

    "a negated named constant in an exponent still makes a power node" {
        val power = Expr.parse("x^-pi").shouldBeInstanceOf<UnaryCall>()
        power.function() shouldBe PowerOf.of(-Math.PI)
    }
})
