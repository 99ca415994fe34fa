package dev.fluxion.dsl.expr

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.string.shouldContain
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.arbitrary.double
import io.kotest.property.arbitrary.int
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

    "print(parse(s)) parses back to the same tree, and print -> parse -> print is a fixed point" {
        // Random trees with negated constants mixed in, -(c) for every kind of constant the printer writes.
        val constants = listOf(2.0, 0.5, 0.0, -0.0, -2.0, 1e-300, 1e300, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, Math.PI, Math.E)
        checkAll(propertyConfig(300), Arb.expressionSample(), Arb.list(Arb.int(0, constants.size - 1), 1..4)) {
                sample, picks ->
            var raw = sample.recipe.build(Construction.RAW)
            for (pick in picks) {
                raw = BinaryCall(dev.fluxion.dsl.function.Binary.SUB, raw,
                    UnaryCall(dev.fluxion.dsl.function.Unary.NEG, Constant(constants[pick])))
            }
            val parsed = Expr.parse(raw.toString())
            val text = parsed.toString()
            val reparsed = Expr.parse(text)
            withText("parse(print(f))", text) {
                reparsed shouldBe parsed
                reparsed.toString() shouldBe text
                val value = parsed.valueAt(sample.point)
                val again = reparsed.valueAt(sample.point)
                (value == again || (value.isNaN() && again.isNaN())) shouldBe true
            }
        }
    }

    "a negated constant keeps its parentheses: -(2) is a negation, -2 a constant" {
        val cases = mapOf(
            "-(2)" to UnaryCall(dev.fluxion.dsl.function.Unary.NEG, Constant(2.0)),
            "-2" to Constant(-2.0),
            "x - (-(2))" to BinaryCall(dev.fluxion.dsl.function.Binary.SUB, Variable("x"),
                UnaryCall(dev.fluxion.dsl.function.Unary.NEG, Constant(2.0))),
            "x - (-2)" to BinaryCall(dev.fluxion.dsl.function.Binary.SUB, Variable("x"), Constant(-2.0)),
            "-(inf)" to UnaryCall(dev.fluxion.dsl.function.Unary.NEG, Constant(Double.POSITIVE_INFINITY)),
            "-inf" to Constant(Double.NEGATIVE_INFINITY),
            "-(0.5)*x" to BinaryCall(dev.fluxion.dsl.function.Binary.MUL,
                UnaryCall(dev.fluxion.dsl.function.Unary.NEG, Constant(0.5)), Variable("x")),
            "-pi" to UnaryCall(dev.fluxion.dsl.function.Unary.NEG, Constant.PI),
            "-(-2)" to UnaryCall(dev.fluxion.dsl.function.Unary.NEG, Constant(-2.0)),
        )
        for ((text, tree) in cases) {
            withText("parse", text) {
                Expr.parse(text) shouldBe tree
                tree.toString() shouldBe text
            }
        }
        // a literal beyond the doubles is refused with its column, not read as infinity
        shouldThrow<dev.fluxion.dsl.DslException> { Expr.parse("x + 1e999") }.message shouldContain "column 5"
        Expr.parse("-infinity + 1").toString() shouldBe "-infinity + 1"
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
