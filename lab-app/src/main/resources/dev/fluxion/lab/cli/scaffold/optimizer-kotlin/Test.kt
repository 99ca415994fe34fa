package {{package}}

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.OptimizerRegistry
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe

/** The steps of `{{name}}` on f(x, y) = x^2 + 4 y^2, worked out by hand. */
class {{Class}}Test : StringSpec({
    val bowl = Expr.parse("x^2 + 4*y^2").compile("x", "y")

    "the services file makes it a plugin whose spec parses to the typed value" {
        val registry = OptimizerRegistry.load({{Class}}Provider::class.java.classLoader)
        registry.parse("{{name}}(lr=0.5)") shouldBe {{Class}}.DEFAULT.lr(0.5)
        registry.parse("{{name}}(lr=0.5)").spec() shouldBe "{{name}}(lr=0.5)"
    }

    "a step has length lr against the gradient" {
        // at (3, 1) the gradient is (2x, 8y) = (6, 8), of norm 10: the step is -0.5 (0.6, 0.8) = (-0.3, -0.4)
        val x = doubleArrayOf(3.0, 1.0)
        {{Class}}.DEFAULT.lr(0.5).start(2).step(bowl, x)
        x[0] shouldBe (2.7 plusOrMinus 1e-15)
        x[1] shouldBe (0.6 plusOrMinus 1e-15)
    }

    "a zero gradient takes no step" {
        val x = doubleArrayOf(0.0, 0.0)
        {{Class}}.DEFAULT.start(2).step(bowl, x)
        x.toList() shouldBe listOf(0.0, 0.0)
    }
})
