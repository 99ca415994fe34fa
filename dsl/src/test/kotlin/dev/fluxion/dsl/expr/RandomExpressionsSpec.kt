package dev.fluxion.dsl.expr

import dev.fluxion.dsl.function.Binary
import dev.fluxion.dsl.function.Polygamma
import dev.fluxion.dsl.function.PowerOf
import dev.fluxion.dsl.function.Unary
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.ints.shouldBeGreaterThan
import kotlin.random.Random

/** The generator behind the property specs reaches every function of the tables, in trees of some depth. */
class RandomExpressionsSpec : StringSpec({
    val recipes = List(2000) { RandomExpressions(Random(it), listOf("x", "y", "z")).recipe(6) }

    "every unary and binary function, integer and fractional powers and polygamma 0..2 are generated" {
        val used = recipes.flatMap { it.functions() }.toSet()
        val expected = Unary.entries + Binary.entries + (0..2).map { Polygamma(it) }
        (expected - used).shouldBeEmpty()
        used.filterIsInstance<PowerOf>().map { it.exponent() }.let { exponents ->
            exponents.filter { it == Math.rint(it) && it < 0 }.size shouldBeGreaterThan 0
            exponents.filter { it != Math.rint(it) }.size shouldBeGreaterThan 0
        }
    }

    "the trees reach depth 6 and hold dozens of nodes" {
        val depths = recipes.map { it.depth() }
        val sizes = recipes.map { it.size() }
        println("RandomExpressionsSpec: depth histogram ${depths.groupingBy { it }.eachCount().toSortedMap()}, " +
            "mean size ${sizes.average()}, largest ${sizes.max()}")
        depths.count { it >= 6 } shouldBeGreaterThan 100
    }
})

private fun Recipe.depth(): Int = when (this) {
    is Recipe.Var, is Recipe.Num -> 0
    is Recipe.Apply1 -> 1 + argument.depth()
    is Recipe.Apply2 -> 1 + maxOf(left.depth(), right.depth())
}

private fun Recipe.size(): Int = when (this) {
    is Recipe.Var, is Recipe.Num -> 1
    is Recipe.Apply1 -> 1 + argument.size()
    is Recipe.Apply2 -> 1 + left.size() + right.size()
}
