package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 22, the extended Powell singular function: n a multiple of 4, m = n, n/4 uncoupled copies of Powell's
 * singular function on (x_{4i-3}, ..., x_{4i}). Start x0 = (3, -1, 0, 1, 3, -1, 0, 1, ...), f(x0) = 215 n / 4;
 * f* = 0 at 0, where the Hessian is singular (rank n/2). Standard n here: 12.
 *
 * <p>Where sources differ: Gonum starts from (3, -1, 0, 3, ...); this follows the paper, Algorithm 566 and MINPACK,
 * (3, -1, 0, 1, ...). After Spedicato (1975), as the paper gives it.
 */
final class ExtendedPowell implements Problem {

    @Override
    public String name() {
        return "extended-powell";
    }

    @Override
    public int number() {
        return 22;
    }

    @Override
    public String title() {
        return "Extended Powell singular";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(12, 4, SizeRule.LIMIT, 4, n -> n, "m = n");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        return quadruples(x);
    }

    /**
     * The residuals of each quadruple (a, b, c, d): a + 10 b, sqrt(5) (c - d), (b - 2c)^2 and sqrt(10) (a - d)^2.
     */
    static Residuals quadruples(VectorVariable x) {
        List<List<Expr>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < x.length(); i++) {
            columns.get(i % 4).add(x.get(i));
        }
        VectorExpr a = VectorExpr.of(columns.get(0));
        VectorExpr b = VectorExpr.of(columns.get(1));
        VectorExpr c = VectorExpr.of(columns.get(2));
        VectorExpr d = VectorExpr.of(columns.get(3));
        return Residuals.of(a.plus(b.times(10)))
                .add(c.minus(d).times(Math.sqrt(5)))
                .add(b.minus(c.times(2)).square())
                .add(a.minus(d).square().times(Math.sqrt(10)));
    }

    @Override
    public double[] start(Size size) {
        double[] quadruple = {3, -1, 0, 1};
        double[] x0 = new double[size.n()];
        for (int i = 0; i < x0.length; i++) {
            x0[i] = quadruple[i % 4];
        }
        return x0;
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.<double[]>of(new double[size.n()]);
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED);
    }
}
