package dev.fluxion.landscapes

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/** The registry finds every landscape, lists them with their facts in one call, and names every bad input. */
class RegistrySpec : FunSpec({

    test("every landscape's objective states the facts' minimum f* (for a Polyak step), confined copies too") {
        for (name in registry.names()) {
            val l = landscape(name)
            l.objective().minimum() shouldBe l.facts().minimum()
            l.confinedObjective().minimum() shouldBe l.facts().minimum()
        }
        landscape("quadratic").objective().minimum().asDouble shouldBe 0.0
        landscape("saddle").objective().minimum().isPresent shouldBe false
    }

    test("a landscape is tagged one-dimensional exactly when it has one variable, scalable ones at dim=1 too") {
        val oneDimensional = mutableListOf<String>()
        for (entry in registry.catalog()) {
            entry.facts().tags().contains(Tag.ONE_DIMENSIONAL) shouldBe (entry.facts().dimension() == 1)
            if (entry.parameters().any { it.name() == "dim" }) {
                val atOne = try {
                    landscape(entry.name() + "(dim=1)")
                } catch (outOfRange: LandscapeException) {
                    continue // this family starts at two variables
                }
                atOne.dimension() shouldBe 1
                atOne.facts().tags() shouldContain Tag.ONE_DIMENSIONAL
                oneDimensional += entry.name()
            }
        }
        oneDimensional shouldContainAll listOf("sphere", "rastrigin", "ackley", "quadratic", "griewank")
        landscape("rosenbrock(dim=2)").facts().tags().contains(Tag.ONE_DIMENSIONAL) shouldBe false
    }

    test("ServiceLoader finds the whole catalog") {
        registry.names() shouldContainAll listOf("quadratic", "sphere", "ellipse", "beale", "booth", "matyas",
            "himmelblau", "three-hump-camel", "six-hump-camel", "goldstein-price", "levi13", "rosenbrock", "rastrigin",
            "ackley", "styblinski-tang", "griewank", "zakharov", "saddle", "monkey-saddle", "double-well",
            "wavy-parabola", "quartic", "cubic", "gaussian-nll", "linear-regression", "logistic-regression",
            "softmax-regression", "formula")
    }

    test("the catalog lists every landscape with its parameters and the facts of its default, in one call") {
        val catalog = registry.catalog()
        catalog.map { it.name() } shouldBe registry.names()
        val quadratic = catalog.single { it.name() == "quadratic" }
        quadratic.parameters().map { it.name() } shouldBe listOf("dim", "kappa", "rotated", "seed", "mu", "spacing")
        quadratic.facts().smoothness().asDouble shouldBe 10.0
        catalog.single { it.name() == "beale" }.facts().minimum().asDouble shouldBe 0.0
        for (entry in catalog) {
            entry.facts().domain().contains(entry.facts().start()) shouldBe true
            entry.facts().sources().isEmpty() shouldBe false
        }
        registry.describe() shouldContain "himmelblau"
    }

    test("specs from the issue build: quadratic(dim=50, kappa=1000), rosenbrock(dim=10), formula(\"x^2 + 10*y^2\")") {
        landscape("quadratic(dim=50, kappa=1000)").dimension() shouldBe 50
        landscape("rosenbrock(dim=10)").dimension() shouldBe 10
        val formula = landscape("formula(\"x^2 + 10*y^2\")")
        formula.objective().variableNames() shouldBe listOf("x", "y")
        formula.value(doubleArrayOf(1.0, 2.0)) shouldBe 41.0
        landscape("  rosenbrock ( 3 ) ").dimension() shouldBe 3
    }

    test("an unknown name lists the known ones") {
        val e = shouldThrow<LandscapeException> { landscape("rosenbrok(dim=3)") }
        e.message shouldContain "unknown landscape 'rosenbrok'"
        e.message shouldContain "rosenbrock"
        e.message shouldContain "himmelblau"
    }

    test("a parameter out of range names it and its range") {
        shouldThrow<LandscapeException> { landscape("rosenbrock(dim=0)") }.message.let {
            it shouldContain "dim"
            it shouldContain "[2, 10000]"
        }
        shouldThrow<LandscapeException> { landscape("sphere(dim=0)") }.message shouldContain
            "dim = 0 (column 12) is out of range; dim must be an integer in [1, 100000]"
        shouldThrow<LandscapeException> { landscape("quadratic(kappa=0.5)") }.message shouldContain
            "kappa = 0.5 (column 17) is out of range; kappa must be a real number in [1, 1000000000000]"
        shouldThrow<LandscapeException> { landscape("quadratic(dim=2.5)") }.message shouldContain "an integer"
        shouldThrow<LandscapeException> { landscape("quadratic(spacing=cubic)") }.message shouldContain
            "one of log|linear"
        shouldThrow<LandscapeException> { landscape("quadratic(rotated=maybe)") }.message shouldContain "true or false"
        shouldThrow<LandscapeException> { landscape("quadratic(kappa=ten)") }.message shouldContain "not a number"
    }

    test("an unknown or repeated parameter is named, with the known ones") {
        shouldThrow<LandscapeException> { landscape("rosenbrock(n=3)") }.message.let {
            it shouldContain "no parameter 'n'"
            it shouldContain "its parameters are dim"
        }
        shouldThrow<LandscapeException> { landscape("rosenbrock(dim=3, dim=4)") }.message shouldContain "given twice"
        shouldThrow<LandscapeException> { landscape("beale(1)") }.message shouldContain "at most 0 arguments"
    }

    test("a point of the wrong dimension names both dimensions") {
        val l = landscape("rosenbrock(dim=3)")
        shouldThrow<LandscapeException> { l.value(doubleArrayOf(1.0, 2.0)) }.message.let {
            it shouldContain "dimension 2"
            it shouldContain "dimension 3"
        }
        shouldThrow<LandscapeException> { l.objective().valueAndGradient(DoubleArray(4), DoubleArray(4)) }
        shouldThrow<LandscapeException> { l.distanceToNearestMinimizer(DoubleArray(1)) }
        shouldThrow<LandscapeException> { l.hessianSpectrumAt(DoubleArray(5)) }
    }

    test("a malformed spec names the column") {
        shouldThrow<LandscapeException> { landscape("quadratic(dim=3 kappa=2") }.let {
            it.column() shouldBe 17
            it.message shouldContain "column 17"
        }
        shouldThrow<LandscapeException> { landscape("quadratic(dim=)") }.column() shouldBe 15
        shouldThrow<LandscapeException> { landscape("formula(\"x^2 + ") }.column() shouldBe 9
        shouldThrow<LandscapeException> { landscape("(dim=3)") }.column() shouldBe 1
        shouldThrow<LandscapeException> { landscape("sphere(dim=2))") }.column() shouldBe 14
    }

    test("a formula that does not parse names the column in the formula") {
        val e = shouldThrow<LandscapeException> { landscape("formula(\"x^2 + * y\")") }
        e.column() shouldBe 7
        e.message shouldContain "column 7"
    }

    test("the geometry helpers need the facts they measure against") {
        shouldThrow<LandscapeException> { landscape("saddle").valueGap(doubleArrayOf(0.0, 0.0)) }.message shouldContain
            "no known minimum"
        shouldThrow<LandscapeException> { landscape("saddle").distanceToNearestMinimizer(doubleArrayOf(0.0, 0.0)) }
    }
})
