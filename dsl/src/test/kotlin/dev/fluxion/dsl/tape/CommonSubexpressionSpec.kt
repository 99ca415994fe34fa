package dev.fluxion.dsl.tape

import dev.fluxion.dsl.cos
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.dsl.sin
import dev.fluxion.dsl.variable
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlin.math.cos
import kotlin.math.sin

/**
 * Structurally equal sub-expressions become one tape node, even when they are separate objects.
 *
 * What `tapeSize()` counts: every node of the tape, that is the inputs, the constants, the computed nodes, and the
 * partial-derivative nodes that gradients and Hessians read (the partial of sin u is the node cos u, the partial of
 * cos u is the node -(sin u)); + - * / have no partial nodes.
 */
class CommonSubexpressionSpec : FunSpec({

    test("sin(x y) + sin(x y) cos(x y), from three separate copies of x y, compiles to 8 nodes, not 14") {
        // Each factor is built from its own x * y, so the tree holds three copies of x y.
        fun xy() = variable("x") * variable("y")
        val f = sin(xy()) + sin(xy()) * cos(xy())
        // The tree: + over [sin(*(x, y)) (4 nodes)] and [* over sin(*(x, y)) (4) and cos(*(x, y)) (4)] = 1 + 4 + 9 = 14.
        // The tape: x, y, x y, sin, cos, the product, the sum (7 value nodes), and one partial node -(sin(x y)) for cos;
        // the partial of sin is the existing cos node.
        val compiled = f.compile("x", "y")
        compiled.tapeSize() shouldBe 8

        val (a, b) = 0.7 to -1.3
        val s = sin(a * b)
        val c = cos(a * b)
        val gradient = DoubleArray(2)
        assertClose(compiled.valueAndGradient(doubleArrayOf(a, b), gradient), s + s * c, 1e-15) { "value" }
        // d/du (sin u + sin u cos u) = cos u + cos^2 u - sin^2 u, times du/dx = y and du/dy = x
        val slope = c + c * c - s * s
        assertClose(gradient, doubleArrayOf(slope * b, slope * a), 1e-14) { "gradient" }
    }

    test("the same expression built once and shared by reference compiles to the same tape") {
        val u = variable("x") * variable("y")
        val shared = sin(u) + sin(u) * cos(u)
        shared.compile("x", "y").tapeSize() shouldBe 8
    }

    test("a distinct sub-expression is not merged: sin(x y) + sin(y x) cos(x y) has two products") {
        val x = variable("x")
        val y = variable("y")
        val f = sin(x * y) + sin(y * x) * cos(x * y)
        // Value nodes: x, y, x y, y x, sin(x y), sin(y x), cos(x y), the product and the sum (9). Partial nodes:
        // cos(y x) for sin(y x) and -(sin(x y)) for cos(x y) (the partial of sin(x y) is the existing cos(x y)), and,
        // for the Hessian, -(sin(y x)), the partial of cos(y x): 12 in all.
        f.compile("x", "y").tapeSize() shouldBe 12
    }

    test("equal vector sub-expressions from separate objects are merged, and the gradient counts each use") {
        fun squaredNorm() = VectorExpr.variable("w", 4).square().sum()
        // one copy: w, w^2 and its sum (3 value nodes); w^2 is compiled as a square, whose partial 2 w needs no node
        squaredNorm().compile("w").tapeSize() shouldBe 3
        // sin(S) + cos(S) with S = |w|^2 built twice: S's 3 nodes, sin, cos and the sum (6 value nodes); one partial
        // node, -(sin S) for cos (the partial of sin S is the cos S node): 7 in all
        val f = sin(squaredNorm()) + cos(squaredNorm())
        val compiled = f.compile("w")
        compiled.tapeSize() shouldBe 7
        val at = doubleArrayOf(1.0, -2.0, 0.5, 3.0)
        val s = at.sumOf { it * it }
        val gradient = DoubleArray(4)
        assertClose(compiled.valueAndGradient(at, gradient), sin(s) + cos(s), 1e-15) { "value" }
        assertClose(gradient, DoubleArray(4) { (cos(s) - sin(s)) * 2 * at[it] }, 1e-14) { "gradient" }
        assertClose(gradient, f.gradientAt(Point.of("w", at), compiled.variableNames()), 1e-14) { "tree walk" }
    }
})
