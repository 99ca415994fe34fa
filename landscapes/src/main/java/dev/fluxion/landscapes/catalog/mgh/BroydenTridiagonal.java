package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import java.util.Arrays;

/**
 * Problem 30, Broyden's tridiagonal function: n &gt;= 1, m = n, with x_0 = x_{n+1} = 0,
 * f_i = (3 - 2 x_i) x_i - x_{i-1} - 2 x_{i+1} + 1. Start x0 = (-1, ..., -1), f(x0) = 21 for n = 10; f* = 0, pinned
 * down by Newton's method from x0 for n up to {@value Problem#ROOTS_PINNED_UP_TO} (MINPACK's hybrd gives it for n =
 * 10 to 8 digits, which the tests check). Standard n here: 10. Broyden (1965).
 */
final class BroydenTridiagonal extends SquareSystem {

    @Override
    public String name() {
        return "broyden-tridiagonal";
    }

    @Override
    public int number() {
        return 30;
    }

    @Override
    public String title() {
        return "Broyden tridiagonal";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(10, 1, SizeRule.LIMIT, 1, n -> n, "m = n");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int n = size.n();
        VectorExpr own = x.times(-2).plus(3).times(x).plus(1);
        Expr first = own.get(0);
        if (n == 1) {
            return new Residuals().add(first);
        }
        Residuals residuals = new Residuals().add(first.minus(x.get(1).times(2)));
        if (n > 2) {
            residuals.add(own.slice(1, n - 1).minus(x.slice(0, n - 2)).minus(x.slice(2, n).times(2)));
        }
        return residuals.add(own.get(n - 1).minus(x.get(n - 2)));
    }

    @Override
    public double[] start(Size size) {
        double[] x0 = new double[size.n()];
        Arrays.fill(x0, -1);
        return x0;
    }
}
