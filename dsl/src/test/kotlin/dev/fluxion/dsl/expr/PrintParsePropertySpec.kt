package dev.fluxion.dsl.expr

import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.arbitrary.double
import io.kotest.property.arbitrary.list
import io.kotest.property.checkAll

/**
 * Printing an expression and parsing the text back gives the same expression: the same value, bit for bit, at
 * any point (inside the domain or not: NaN must stay NaN), and the same text when printed again. The same holds
 * for symbolic derivatives, whose text is what a user would save or show, and for trees built node by node
 * without simplification (the kind of tree the parser returns).
 */
class PrintParsePropertySpec : StringSpec({

    "parse(print(f)) evaluates bit for bit like f and prints the same text" {
        val points = Arb.list(Arb.double(-3.0, 3.0, includeNaNs = false), 3..3)
        checkAll(propertyConfig(300), Arb.expressionSample(), points) { sample, elsewhere ->
            val others = listOf(sample.point, Point.of(sample.variables, elsewhere.toDoubleArray()))
            shouldRoundTrip(sample.expr, others, "f")
            // The raw tree is what the parser itself returns, so its text must survive a round trip too.
            shouldRoundTrip(sample.recipe.build(Construction.RAW), others, "f as built node by node")
            for (v in sample.variables) {
                shouldRoundTrip(sample.expr.derivative(v), others, "df/d$v")
            }
        }
    }
})

private fun shouldRoundTrip(e: Expr, points: List<Point>, what: String) {
    val text = e.toString()
    val parsed = Expr.parse(text)
    withText(what, text) { parsed.toString() shouldBe text }
    for (point in points) {
        val original = e.valueAt(point)
        val reparsed = parsed.valueAt(point)
        if (!(original == reparsed || (original.isNaN() && reparsed.isNaN()))) {
            throw AssertionError("$what = $text at $point: $original before printing, $reparsed after parsing")
        }
    }
}

private inline fun withText(what: String, text: String, body: () -> Unit) =
    io.kotest.assertions.withClue("$what = $text") { body() }
