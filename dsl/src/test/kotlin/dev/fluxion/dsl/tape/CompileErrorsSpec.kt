package dev.fluxion.dsl.tape

import dev.fluxion.dsl.DslException
import dev.fluxion.dsl.expr.Matrix
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.sin
import dev.fluxion.dsl.variables
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.string.shouldContain

/**
 * Bad shapes fail when the expression is built, and bad variable orders and points when compiling or calling,
 * each with a [DslException] whose message names the culprit: both shapes and the operation, the missing
 * variable, both dimensions.
 */
class CompileErrorsSpec : FunSpec({

    val a = VectorExpr.variable("a", 3)
    val b = VectorExpr.variable("b", 4)

    test("element-wise operations on vectors of different lengths name the operation and both lengths") {
        shouldThrow<DslException> { a + b }.message shouldContain "element-wise '+'"
        shouldThrow<DslException> { a + b }.message shouldContain "3 and 4"
        shouldThrow<DslException> { a * b }.message shouldContain "element-wise '*'"
        shouldThrow<DslException> { b - a }.message shouldContain "4 and 3"
        shouldThrow<DslException> { a.hypot(b) }.message shouldContain "'hypot'"
        shouldThrow<DslException> { a.dot(b) }.message shouldContain "3 and 4"
    }

    test("a matrix-vector product with the wrong length names the product and both shapes") {
        val matrix = Matrix.of(arrayOf(doubleArrayOf(1.0, 2.0, 3.0), doubleArrayOf(4.0, 5.0, 6.0)))
        val message = shouldThrow<DslException> { matrix * b }.message!!
        message shouldContain "matrix-vector product"
        message shouldContain "2 x 3 matrix"
        message shouldContain "length 4"
    }

    test("a slice out of range names the range and the vector's length") {
        val message = shouldThrow<DslException> { a.slice(1, 5) }.message!!
        message shouldContain "slice [1, 5)"
        message shouldContain "length 3"
        shouldThrow<DslException> { a.slice(-1, 2) }.message shouldContain "slice [-1, 2)"
        shouldThrow<DslException> { a.slice(2, 2) }.message shouldContain "slice [2, 2)"
    }

    test("an index out of range names the index and the vector's length") {
        val message = shouldThrow<DslException> { a.get(3) }.message!!
        message shouldContain "index 3"
        message shouldContain "length 3"
        shouldThrow<DslException> { a.get(-1) }.message shouldContain "index -1"
    }

    test("a variable missing from the compile order is named, with the order") {
        val (x, y) = variables("x", "y")
        val message = shouldThrow<DslException> { (x * sin(y)).compile("x") }.message!!
        message shouldContain "'y'"
        message shouldContain "[x]"
        shouldThrow<DslException> { (a.sum() + x).compile("x") }.message shouldContain "'a'"
        shouldThrow<DslException> { x.compile("x", "x") }.message shouldContain "'x' twice"
        shouldThrow<DslException> {
            CompiledVectorFunction.compile(listOf(x, y), listOf("y"))
        }.message shouldContain "'x'"
    }

    test("a point, gradient or direction of the wrong dimension names both dimensions") {
        val (x, y) = variables("x", "y")
        val compiled = (x * y).compile("x", "y")
        val message = shouldThrow<DslException> { compiled.value(doubleArrayOf(1.0, 2.0, 3.0)) }.message!!
        message shouldContain "dimension 3"
        message shouldContain "dimension 2"
        shouldThrow<DslException> { compiled.valueAndGradient(doubleArrayOf(1.0), DoubleArray(2)) }
            .message shouldContain "dimension 1"
        shouldThrow<DslException> { compiled.valueAndGradient(doubleArrayOf(1.0, 2.0), DoubleArray(3)) }
            .message shouldContain "length 3"
        shouldThrow<DslException> {
            compiled.hessianVectorProduct(doubleArrayOf(1.0, 2.0), DoubleArray(1), DoubleArray(2))
        }.message shouldContain "length 1"
        shouldThrow<DslException> { compiled.hessian(doubleArrayOf(1.0, 2.0), Array(3) { DoubleArray(2) }) }
            .message shouldContain "3 rows"
        val vectorFunction = CompiledVectorFunction.compile(listOf(x, y), listOf("x", "y"))
        val vectorMessage = shouldThrow<DslException> { vectorFunction.values(doubleArrayOf(1.0), DoubleArray(2)) }.message!!
        vectorMessage shouldContain "dimension 1"
        vectorMessage shouldContain "2 variables"
    }
})
