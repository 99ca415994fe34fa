package dev.fluxion.dsl

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import dev.fluxion.dsl.expr.shouldAgree
import dev.fluxion.dsl.number.DoubleReal
import dev.fluxion.dsl.number.Dual
import dev.fluxion.dsl.number.HyperDual
import dev.fluxion.dsl.number.Jet
import dev.fluxion.dsl.number.Algebra
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.arbitrary.double
import io.kotest.property.checkAll
import kotlin.math.cos
import kotlin.math.sin

/** Written once, generic in the kind of number. */
fun <T : Algebra<T>> f(x: T, y: T): T = 2.0 * x + sin(x * y)

/**
 * The Kotlin face: one generic function evaluated on plain doubles, duals, hyper-duals, jets and expressions
 * gives one value and, by hand, df/dx = 2 + y cos(xy), df/dy = x cos(xy), d2f/dxdy = cos(xy) - xy sin(xy),
 * d2f/dx2 = -y^2 sin(xy), d3f/dx3 = -y^3 cos(xy).
 */
class GenericFunctionSpec : StringSpec({
    val coordinate = Arb.double(-3.0, 3.0, includeNaNs = false)

    "f(x, y) = 2x + sin(xy) has the same value and derivatives on every kind of number" {
        checkAll(300, coordinate, coordinate) { x, y ->
            val value = 2 * x + sin(x * y)
            val dfdx = 2 + y * cos(x * y)
            val dfdy = x * cos(x * y)

            shouldAgree("f on doubles", f(DoubleReal(x), DoubleReal(y)).value(), value, 1e-15)

            val dual = f(Dual.variable(x), Dual.constant(y))
            shouldAgree("f on duals", dual.value(), value, 1e-15)
            shouldAgree("df/dx on duals", dual.tangent(), dfdx, 1e-14)

            val hyper = f(HyperDual(x, 1.0, 0.0, 0.0), HyperDual(y, 0.0, 1.0, 0.0))
            shouldAgree("f on hyper-duals", hyper.value(), value, 1e-15)
            shouldAgree("df/dx on hyper-duals", hyper.first(), dfdx, 1e-14)
            shouldAgree("df/dy on hyper-duals", hyper.second(), dfdy, 1e-14)
            shouldAgree("d2f/dxdy on hyper-duals", hyper.cross(), cos(x * y) - x * y * sin(x * y), 1e-13)

            val jet = f(Jet.variable(x, 3), Jet.constant(y, 3))
            shouldAgree("f on jets", jet.value(), value, 1e-15)
            shouldAgree("df/dx on jets", jet.derivative(1), dfdx, 1e-14)
            shouldAgree("d2f/dx2 on jets", jet.derivative(2), -y * y * sin(x * y), 1e-13)
            shouldAgree("d3f/dx3 on jets", jet.derivative(3), -y * y * y * cos(x * y), 1e-13)

            val (vx, vy) = variables("x", "y")
            val symbolic: Expr = f<Expr>(vx, vy)
            val at = Point.of("x", x, "y", y)
            shouldAgree("f on expressions", symbolic.valueAt(at), value, 1e-15)
            shouldAgree("df/dx on expressions", symbolic.d(vx).valueAt(at), dfdx, 1e-14)
            shouldAgree("df/dy on expressions", symbolic.d(vy).valueAt(at), dfdy, 1e-14)
        }
    }

    "the expression of f prints as the formula it was written as" {
        val (x, y) = variables("x", "y")
        f<Expr>(x, y).toString() shouldBe "2*x + sin(x*y)"
        f<Expr>(x, y).d(x).toString() shouldBe "2 + cos(x*y)*y"
    }
})

