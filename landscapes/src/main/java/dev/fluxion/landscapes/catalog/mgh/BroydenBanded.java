package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Problem 31, Broyden's banded function: n &gt;= 1, m = n,
 * f_i = x_i (2 + 5 x_i^2) + 1 - sum_{j in J_i} x_j (1 + x_j) with J_i = {j != i : max(1, i - 5) &lt;= j &lt;= min(n,
 * i + 1)}, five neighbours below and one above. Start x0 = (-1, ..., -1), f(x0) = 360 for n = 10; f* = 0, pinned
 * down by Newton's method from x0 for n up to {@value Problem#ROOTS_PINNED_UP_TO} (MINPACK's hybrd gives it for n =
 * 10 to 8 digits, which the tests check). Standard n here: 10. Broyden (1971).
 */
final class BroydenBanded extends SquareSystem {
    private static final int BELOW = 5;
    private static final int ABOVE = 1;

    @Override
    public String name() {
        return "broyden-banded";
    }

    @Override
    public int number() {
        return 31;
    }

    @Override
    public String title() {
        return "Broyden banded";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(10, 1, SizeRule.LIMIT, 1, n -> n, "m = n");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int n = size.n();
        VectorExpr own = x.square().times(5).plus(2).times(x).plus(1);
        VectorExpr coupling = x.plus(1).times(x);
        Expr[] neighbour = new Expr[n];
        for (int j = 0; j < n; j++) {
            neighbour[j] = coupling.get(j);
        }
        List<Expr> residuals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Expr residual = own.get(i);
            for (int j = Math.max(0, i - BELOW); j <= Math.min(n - 1, i + ABOVE); j++) {
                if (j != i) {
                    residual = residual.minus(neighbour[j]);
                }
            }
            residuals.add(residual);
        }
        return new Residuals().add(residuals);
    }

    @Override
    public double[] start(Size size) {
        double[] x0 = new double[size.n()];
        Arrays.fill(x0, -1);
        return x0;
    }
}
