package dev.fluxion.dsl.tape

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Matrix
import dev.fluxion.dsl.expr.VectorExpr
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.nulls.shouldNotBeNull

/** HotSpot's FreqInlineSize: a hot method of more bytes of bytecode is not inlined into its caller. */
private const val INLINE_LIMIT = 325

/**
 * The generated valueAndGradient of the small landscapes of the step-floor benchmark (benchmarks/README.md, "A step
 * against its floor") stays within HotSpot's inlining limit, so that an optimizer's step takes it in: one byte more
 * and the call, and the stores and loads around it, cost about as much as the arithmetic. The expressions are built
 * as the landscapes module builds Beale, Rosenbrock and the rotated quadratic.
 */
class KernelSizeSpec : FunSpec({

    fun gradientSize(f: Expr, vararg variables: String): Int {
        val sizes = KernelCompiler.methodSizes(TapeBuilder.compile(listOf(f), variables.toList())).shouldNotBeNull()
        return sizes[1]
    }

    test("beale's kernel is at most $INLINE_LIMIT bytes") {
        val beale = Expr.parse("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2")
        gradientSize(beale, "x", "y") shouldBeLessThanOrEqual INLINE_LIMIT
    }

    test("rosenbrock(dim=2)'s kernel is at most $INLINE_LIMIT bytes") {
        val x = VectorExpr.variable("x", 2)
        val head = x.slice(0, 1)
        val tail = x.slice(1, 2)
        val rosenbrock = tail.minus(head.square()).squaredNorm().times(100.0).plus(head.minus(1.0).squaredNorm())
        gradientSize(rosenbrock, "x") shouldBeLessThanOrEqual INLINE_LIMIT
    }

    test("the rotated quadratic(dim=2)'s kernel is at most $INLINE_LIMIT bytes") {
        val x = VectorExpr.variable("x", 2)
        val d = x.minus(VectorExpr.constant(0.3, -0.7))
        val a = Matrix.of(arrayOf(doubleArrayOf(2.5, -1.25), doubleArrayOf(-1.25, 8.5)))
        gradientSize(d.dot(a.times(d)).times(0.5), "x") shouldBeLessThanOrEqual INLINE_LIMIT
    }
})
