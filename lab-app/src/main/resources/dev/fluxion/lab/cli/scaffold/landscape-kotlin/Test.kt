package {{package}}

import dev.fluxion.landscapes.LandscapeRegistry
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe

/** The values, gradients and facts of `{{name}}`, worked out by hand from its formula. */
class {{Class}}Test : StringSpec({
    fun landscape(spec: String) = LandscapeRegistry.load({{Class}}::class.java.classLoader).create(spec)

    "the services file makes it a plugin" {
        landscape("{{name}}").spec() shouldBe "{{name}}(kappa=10)"
    }

    "value and gradient follow the formula" {
        // at (0, 0): f = (0 - 1)^2 + 10 (0 - 2)^2 = 41, grad f = (2 (x - 1), 2 kappa (y - 2)) = (-2, -40)
        val gradient = DoubleArray(2)
        val value = landscape("{{name}}(kappa=10)").objective().valueAndGradient(doubleArrayOf(0.0, 0.0), gradient)
        value shouldBe (41.0 plusOrMinus 1e-12)
        gradient[0] shouldBe (-2.0 plusOrMinus 1e-12)
        gradient[1] shouldBe (-40.0 plusOrMinus 1e-12)
    }

    "the minimum is zero at (1, 2)" {
        val bowl = landscape("{{name}}(kappa=100)")
        bowl.facts().minimum().asDouble shouldBe 0.0
        bowl.value(doubleArrayOf(1.0, 2.0)) shouldBe 0.0
    }
})
