package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.Set;

/**
 * Problem 28, the discrete boundary value function: n &gt;= 1, m = n, with h = 1/(n + 1), t_i = i h and
 * x_0 = x_{n+1} = 0, f_i = 2 x_i - x_{i-1} - x_{i+1} + h^2 (x_i + t_i + 1)^3 / 2: finite differences for
 * u'' = (u + t + 1)^3 / 2 with u(0) = u(1) = 0. Start x0_j = t_j (t_j - 1), f(x0) = 7.88518...e-4 for n = 10;
 * f* = 0. The zero is pinned down by Newton's method from x0 for n up to {@value Problem#ROOTS_PINNED_UP_TO} (MINPACK's
 * hybrd gives it for n = 10 to 8 digits, which the tests check); the Hessian's condition number grows like n^4
 * (about 1400 for n = 10). Standard n here: 10. Moré and Cosnard (1979).
 */
final class DiscreteBoundaryValue extends SquareSystem {

    @Override
    public String name() {
        return "discrete-boundary-value";
    }

    @Override
    public int number() {
        return 28;
    }

    @Override
    public String title() {
        return "Discrete boundary value";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(10, 1, SizeRule.LIMIT, 1, n -> n, "m = n");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int n = size.n();
        double h = 1.0 / (n + 1);
        double[] shift = new double[n];
        for (int k = 0; k < n; k++) {
            shift[k] = (k + 1) * h + 1;
        }
        VectorExpr cubic = x.plus(VectorExpr.constant(shift)).pow(3).times(h * h / 2);
        Expr first = x.get(0).times(2).plus(cubic.get(0));
        if (n == 1) {
            return new Residuals().add(first);
        }
        Residuals residuals = new Residuals().add(first.minus(x.get(1)));
        if (n > 2) {
            residuals.add(x.slice(1, n - 1).times(2).minus(x.slice(0, n - 2)).minus(x.slice(2, n))
                    .plus(cubic.slice(1, n - 1)));
        }
        return residuals.add(x.get(n - 1).times(2).minus(x.get(n - 2)).plus(cubic.get(n - 1)));
    }

    @Override
    public double[] start(Size size) {
        int n = size.n();
        double h = 1.0 / (n + 1);
        double[] x0 = new double[n];
        for (int j = 1; j <= n; j++) {
            x0[j - 1] = j * h * (j * h - 1);
        }
        return x0;
    }

    @Override
    public Set<Tag> tags(Size size) {
        // the Hessian's condition number passes 1000 between n = 9 and n = 10 (checked by the tests)
        return size.n() >= 10 ? Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED) : Set.of(Tag.ZERO_RESIDUAL);
    }
}
