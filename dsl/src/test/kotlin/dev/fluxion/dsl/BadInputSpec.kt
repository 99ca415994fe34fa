package dev.fluxion.dsl

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.function.Kinks
import dev.fluxion.dsl.function.Polygamma
import dev.fluxion.dsl.number.Algebra
import dev.fluxion.dsl.number.Jet
import dev.fluxion.dsl.number.Real
import io.kotest.assertions.throwables.shouldThrowExactly
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withTests
import io.kotest.engine.names.WithDataTestName
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/** Runs [body], which must refuse its input with a [DslException] whose message contains every fragment. */
private fun refused(vararg fragments: String, body: () -> Any?): DslException {
    val error = shouldThrowExactly<DslException> { body() }
    for (fragment in fragments) {
        error.message shouldContain fragment
    }
    return error
}

class BadInputSpec : FunSpec({
    val x = variable("x")
    val y = variable("y")

    context("a syntax error names its column and what was expected there") {
        data class Syntax(val formula: String, val column: Int, val found: String) : WithDataTestName {
            override fun dataTestName() = "\"$formula\" at column $column"
        }
        withTests(
            listOf(
                Syntax("(1.5 - x +* y)", 11, "found '*'"),
                Syntax("sin(x", 6, "expected ')' but found the end of the formula"),
                Syntax("x + ", 5, "found the end of the formula"),
                Syntax("2 $ 3", 3, "found '$'"),
                Syntax("x)", 2, "has no matching '('"),
                Syntax("", 1, "empty"),
                Syntax("   ", 1, "empty"),
                Syntax("x ^", 4, "found the end of the formula"),
                Syntax("sin()", 5, "found ')'"),
                Syntax("3x", 2, "found 'x'"),
                Syntax("1..2", 1, "'1..2' is not a number"),
                Syntax("1 + \u00e9", 5, "'\u00e9' is not a valid variable name"),
                Syntax("(".repeat(600) + "x" + ")".repeat(600), 501, "nests deeper than 500 levels"),
            ),
        ) { (formula, column, found) ->
            val error = refused("column $column", "expected", found) { Expr.parse(formula) }
            error.column() shouldBe column
        }

        test("a formula nested 499 deep is still accepted, evaluated and differentiated") {
            val deep = formula("(".repeat(499) + "x" + ")".repeat(499))
            deep shouldBe x
            var f: Expr = x
            repeat(200) { f = sin(f) }
            formula(f.toString()) shouldBe f
            f.d(x).valueAt(point("x" to 0.0)) shouldBe 1.0 // every cos(sin(...(0))) is 1
        }
    }

    context("functions") {
        test("an unknown function lists the known ones") {
            val error = refused("unknown function 'foo'", "known functions", "sin", "atan2", "logGamma") {
                formula("1 + foo(x)")
            }
            error.column() shouldBe 5
        }

        test("a constant called as a function") {
            refused("'pi' is a constant, not a function", "column 1") { formula("pi(x)") }
        }

        test("wrong arity names the function, what it takes and what it was given") {
            refused("function 'atan2' takes 2 arguments but was given 1", "column 1") { formula("atan2(x)") }
            refused("function 'sin' takes 1 argument but was given 2") { formula("sin(x, y)") }
            refused("function 'hypot' takes 2 arguments but was given 3") { formula("hypot(x, y, x)") }
            refused("polygamma(n, x) needs a whole number n >= 0") { formula("polygamma(1.5, x)") }
        }

        test("a function used without parentheses") {
            val error = refused("'sin' is a function: expected '(' after it", "column 1") { formula("sin + 1") }
            error.column() shouldBe 1
        }
    }

    context("evaluation") {
        test("an unbound variable is named, with the variables the point does bind") {
            refused("'y'", "not bound", "[x]") { (x + y).valueAt(Point.of("x", 1.0)) }
            refused("'y'", "not bound") { (x + y).gradientAt(Point.of("x", 1.0)) }
            refused("'y'", "not bound") { (x * y).hessianAt(Point.of("x", 1.0), listOf("x")) }
        }

        test("differentiating by a variable the point does not bind, or by one variable twice") {
            refused("cannot differentiate by 'z'") { (x * y).gradientAt(point("x" to 1.0, "y" to 2.0), listOf("z")) }
            refused("repeat a name") { (x * y).gradientAt(point("x" to 1.0, "y" to 2.0), listOf("x", "x")) }
        }

        test("an expression is an algebra, not a number: value() without a point does not even compile") {
            Real::class.java.isAssignableFrom(Expr::class.java) shouldBe false
            Real::class.java.isAssignableFrom(VectorExpr::class.java) shouldBe false
            Algebra::class.java.isAssignableFrom(Expr::class.java) shouldBe true
        }

        test("nthDerivativeAt needs a one-variable expression and an order >= 0") {
            refused("one-variable expression", "[x, y]") { (x * y).nthDerivativeAt(1.0, 2) }
            refused("derivative order must be >= 0, got -1") { sin(x).nthDerivativeAt(1.0, -1) }
        }
    }

    context("jets") {
        test("a jet of negative order is refused") {
            refused("a jet's order must be in 0..1000, got -1") { Jet.variable(0.0, -1) }
            refused("a jet's order must be in 0..1000, got -3") { Jet.constant(1.0, -3) }
            refused("a jet's order must be in 0..1000, got 2147483647") { Jet.variable(0.0, Int.MAX_VALUE) }
            refused("at least one coefficient") { Jet.of() }
        }

        test("a derivative above the jet's order is refused and says how to get it") {
            val jet = Jet.variable(0.5, 2)
            refused("derivative order 3 is outside this jet's range 0..2", "order >= 3") { jet.derivative(3) }
            refused("derivative order -1 is outside this jet's range 0..2") { jet.coefficient(-1) }
        }

        test("jets of different orders do not combine") {
            refused("cannot combine jets of orders 2 and 3") { Jet.variable(0.0, 2) + Jet.variable(0.0, 3) }
        }
    }

    context("names, points and conventions") {
        test("a variable name is a letter or _ followed by letters, digits or _") {
            for (name in listOf("2x", "x y", "", "x-1", "\u00e9")) {
                refused("'$name' is not a valid variable name") { variable(name) }
            }
        }

        test("a function or constant name cannot name a variable") {
            for (name in listOf("sin", "pi", "e", "atan2")) {
                refused("'$name' is reserved") { variable(name) }
            }
        }

        test("a differentiation variable is checked like any other name") {
            refused("not a valid variable name") { sin(x).derivative("1x") }
        }

        test("points: names and values in pairs, numbers as values, one value per name, each name once") {
            refused("in pairs") { Point.of("x") }
            refused("the value of x must be a number") { Point.of("x", "one") }
            refused("one value per variable", "[x, y]") { Point.of(listOf("x", "y"), doubleArrayOf(1.0)) }
            refused("'x' twice") { Point.of("x", 1.0, "x", 2.0) }
            refused("'x' twice") { Point.of(listOf("x", "x"), doubleArrayOf(1.0, 2.0)) }
        }

        test("Kinks out of range names the field, its value and the allowed range") {
            refused("heavisideAtZero = 1.5", "[0.0, 1.0]") { Kinks(1.5, 0.0, 0.5) }
            refused("signAtZero = -2.0", "[-1.0, 1.0]") { Kinks(0.0, -2.0, 0.5) }
            refused("tieShare = NaN", "[0.0, 1.0]") { Kinks(0.0, 0.0, Double.NaN) }
        }

        test("polygamma of negative order") {
            refused("polygamma order must be >= 0, got -1") { Polygamma(-1) }
        }

        test("log-sum-exp and softmax of nothing") {
            refused("logSumExp needs at least one value") { logSumExp(emptyList<Expr>()) }
            refused("softmax needs at least one value") { softmax(emptyList<Expr>()) }
        }
    }
})
