package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 18, Biggs's EXP6 function: n = 6, m &gt;= 6 (standard 13),
 * f_i = x_3 e^{-t_i x_1} - x_4 e^{-t_i x_2} + x_6 e^{-t_i x_5} - y_i with t_i = i / 10 and
 * y_i = e^{-t_i} - 5 e^{-10 t_i} + 3 e^{-4 t_i}. Start x0 = (1, 2, 1, 1, 1, 1), f(x0) = 0.779070... for m = 13.
 *
 * <p>The paper gives two values, f = 5.65565...e-3 for m = 13 and f = 0 at (1, 10, 1, 5, 4, 3): the data are the
 * model at that point, so f* = 0 for every m, at (1, 10, 1, 5, 4, 3) and at (4, 10, 3, 5, 1, 1), which swaps the
 * first and third exponential terms. The 5.65565e-3 is a local minimum, with x_1 = x_5 and x_3 = x_6 (Gonum gives
 * its coordinates): there the two terms merge, only x_3 + x_6 matters, and the Hessian is singular, so it is not
 * listed as a strict minimum here. Biggs (1971).
 */
final class BiggsExp6 implements Problem {

    @Override
    public String name() {
        return "biggs-exp6";
    }

    @Override
    public int number() {
        return 18;
    }

    @Override
    public String title() {
        return "Biggs EXP6";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.fixedN(6, 13, 6, SizeRule.M_LIMIT);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int m = size.m();
        double[] minusT = new double[m];
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            double t = (k + 1) / 10.0;
            minusT[k] = -t;
            y[k] = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
        }
        VectorExpr time = VectorExpr.constant(minusT);
        VectorExpr model = time.times(x.get(0)).exp().times(x.get(2))
                .minus(time.times(x.get(1)).exp().times(x.get(3)))
                .plus(time.times(x.get(4)).exp().times(x.get(5)));
        return Residuals.of(model.minus(VectorExpr.constant(y)));
    }

    @Override
    public double[] start(Size size) {
        return new double[] {1, 2, 1, 1, 1, 1};
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        return List.of(new double[] {1, 10, 1, 5, 4, 3}, new double[] {4, 10, 3, 5, 1, 1});
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED);
    }

    @Override
    public List<String> sources() {
        return List.of(References.GONUM);
    }
}
