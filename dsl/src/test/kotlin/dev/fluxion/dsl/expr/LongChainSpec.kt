package dev.fluxion.dsl.expr

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe

/**
 * A flat chain of 100,000 terms (issue 21: 5,000 overflowed the stack) parses, evaluates, differentiates (dual
 * numbers, hyper-duals, the tape, symbolically), prints and compares, on the default thread stack. The references
 * are the same operations done by a plain loop, left to right, so the values (and the forward-mode dual
 * gradient) must agree bit for bit; the tape's reverse sweep adds the 40,000 contributions to dx in another order.
 */
class LongChainSpec : FunSpec({

    val terms = 100_000

    test("x + x + ... + x with $terms terms at x = 1.5: value ${terms * 1.5}, gradient $terms, Hessian 0") {
        val text = List(terms) { "x" }.joinToString("+")
        val f = Expr.parse(text)
        val at = Point.of(listOf("x"), doubleArrayOf(1.5))
        f.valueAt(at) shouldBe terms * 1.5
        f.gradientAt(at)[0] shouldBe terms.toDouble()
        f.hessianAt(at, listOf("x"))[0][0] shouldBe 0.0
        f.checkedAt(at).value() shouldBe terms * 1.5
        val gradient = DoubleArray(1)
        f.compile("x").valueAndGradient(doubleArrayOf(1.5), gradient) shouldBe terms * 1.5
        gradient[0] shouldBe terms.toDouble()
        f.derivative("x") shouldBe Constant(terms.toDouble())
        val printed = f.toString()
        printed shouldBe List(terms) { "x" }.joinToString(" + ")
        Expr.parse(printed) shouldBe f
        Expr.parse(printed).hashCode() shouldBe f.hashCode()
        f.toLatex().length shouldBe printed.length
    }

    test("a chain of + - * / over x and constants: every face agrees with a left-to-right loop") {
        // x + 0.5 - x*1.25 / 3 + x - 0.5 ... : a sum chain whose terms are short product chains
        val operators = listOf("+", "-", "*", "/")
        val operands = listOf("x", "0.5", "x", "3", "1.25")
        val text = StringBuilder("x")
        repeat(terms - 1) { k -> text.append(operators[k % 4]).append(operands[k % 5]) }
        val f = Expr.parse(text.toString())
        val x = 0.7
        val at = Point.of(listOf("x"), doubleArrayOf(x))

        // The same formula evaluated by a loop: a running sum of terms, each term a running product/quotient.
        // d/dx by the same loop on (value, slope) pairs.
        var sum = 0.0; var sumSlope = 0.0
        var term = x; var termSlope = 1.0; var sign = 1.0
        repeat(terms - 1) { k ->
            val operand = operands[k % 5].let { if (it == "x") x else it.toDouble() }
            val operandSlope = if (operands[k % 5] == "x") 1.0 else 0.0
            when (operators[k % 4]) {
                "*" -> { termSlope = termSlope * operand + term * operandSlope; term *= operand }
                "/" -> { termSlope = (termSlope - term / operand * operandSlope) / operand; term /= operand }
                else -> {
                    sum = if (sign > 0) sum + term else sum - term
                    sumSlope = if (sign > 0) sumSlope + termSlope else sumSlope - termSlope
                    sign = if (operators[k % 4] == "+") 1.0 else -1.0
                    term = operand; termSlope = operandSlope
                }
            }
        }
        // The chain starts with its first term rather than 0 + term: redo the first addition exactly.
        val value = if (sign > 0) sum + term else sum - term
        val slope = if (sign > 0) sumSlope + termSlope else sumSlope - termSlope

        f.valueAt(at) shouldBe value
        f.gradientAt(at)[0] shouldBe slope
        val gradient = DoubleArray(1)
        f.compile("x").valueAndGradient(doubleArrayOf(x), gradient) shouldBe value
        gradient[0] shouldBe (slope plusOrMinus 1e-12 * kotlin.math.abs(slope))
        f.derivative("x").valueAt(at) shouldBe (slope plusOrMinus 1e-12 * kotlin.math.abs(slope))
        Expr.parse(f.toString()) shouldBe f
    }
})
