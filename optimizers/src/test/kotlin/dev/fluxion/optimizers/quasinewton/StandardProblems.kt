package dev.fluxion.optimizers.quasinewton

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.VectorExpr

/**
 * The extended Rosenbrock function sum_{i<n} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, built from vectors as the
 * landscapes module builds `rosenbrock(dim=n)` (which the optimizers' tests cannot depend on).
 */
fun rosenbrock(n: Int): Objective {
    val x = VectorExpr.variable("x", n)
    val head = x.slice(0, n - 1)
    val tail = x.slice(1, n)
    return tail.minus(head.square()).squaredNorm().times(100.0).plus(head.minus(1.0).squaredNorm()).compile("x")
}

/** The standard start of Rosenbrock's function, (-1.2, 1, -1.2, 1, ...). */
fun rosenbrockStart(n: Int) = DoubleArray(n) { if (it % 2 == 0) -1.2 else 1.0 }

/** Beale's function, minimum 0 at (3, 0.5); the standard start is (1, 1). */
val beale: Objective = Expr.parse("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2").compile("x", "y")

/** ||grad f(x)||_inf, evaluated outside any run (not counted). */
fun gradientInfNorm(f: Objective, x: DoubleArray): Double {
    val g = DoubleArray(x.size)
    f.valueAndGradient(x, g)
    return g.maxOf { Math.abs(it) }
}
