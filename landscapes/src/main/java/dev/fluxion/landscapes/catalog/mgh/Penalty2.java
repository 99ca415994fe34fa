package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Problem 24, the second penalty function of Gill, Murray and Pitfield: n &gt;= 1, m = 2n, with a = 10^-5,
 * f_1 = x_1 - 0.2, f_i = sqrt(a) (e^{x_i/10} + e^{x_{i-1}/10} - y_i) for 2 &lt;= i &lt;= n with
 * y_i = e^{i/10} + e^{(i-1)/10}, f_i = sqrt(a) (e^{x_{i-n+1}/10} - e^{-1/10}) for n &lt; i &lt; 2n, and
 * f_{2n} = sum_j (n - j + 1) x_j^2 - 1. Start x0 = (1/2, ..., 1/2), f(x0) = 2.34001 for n = 4. Standard n here: 4.
 *
 * <p>f* = 9.37629...e-6 for n = 4 and 2.93660...e-4 for n = 10 (the paper's digits); the minimizers are Gonum's
 * 16 digits, pinned down by Newton's method. Other n: nothing is published.
 */
final class Penalty2 implements Problem {
    private static final double ROOT_A = Math.sqrt(1e-5);

    @Override
    public String name() {
        return "penalty2";
    }

    @Override
    public int number() {
        return 24;
    }

    @Override
    public String title() {
        return "Penalty II";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(4, 1, SizeRule.LIMIT, 1, n -> 2 * n, "m = 2n");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int n = size.n();
        double[] weights = new double[n];
        for (int j = 0; j < n; j++) {
            weights[j] = n - j;
        }
        Residuals residuals = new Residuals().add(x.get(0).minus(0.2));
        if (n > 1) {
            double[] y = new double[n - 1];
            for (int k = 0; k < n - 1; k++) {
                int i = k + 2;
                y[k] = Math.exp(i / 10.0) + Math.exp((i - 1) / 10.0);
            }
            VectorExpr e = x.div(10).exp();
            residuals.add(e.slice(1, n).plus(e.slice(0, n - 1)).minus(VectorExpr.constant(y)).times(ROOT_A))
                    .add(e.slice(1, n).minus(Math.exp(-0.1)).times(ROOT_A));
        }
        return residuals.add(VectorExpr.constant(weights).dot(x.square()).minus(1));
    }

    @Override
    public double[] start(Size size) {
        double[] x0 = new double[size.n()];
        Arrays.fill(x0, 0.5);
        return x0;
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return switch (size.n()) {
            case 4 -> List.<double[]>of(new double[] {0.19999933335, 0.19131670128566283, 0.4801014860897,
                0.5188454026659});
            case 10 -> List.<double[]>of(new double[] {0.19998360520892217, 0.010350644318663525,
                0.01960493546891094, 0.03208906550305253, 0.04993267593895693, 0.07651399534454084,
                0.11862407118600789, 0.1921448731780023, 0.3473205862372022, 0.36916437893066273});
            default -> List.of();
        };
    }

    @Override
    public Set<Tag> tags(Size size) {
        // f_1 and f_2n pin down two directions with curvature of order 1; for n >= 3 the other n - 2 are held only by
        // the terms weighted by a = 1e-5 (condition numbers 5.8e6 and 2.4e6 for n = 4 and 10, checked by the tests)
        return size.n() >= 3 ? Set.of(Tag.ILL_CONDITIONED) : Set.of();
    }

    @Override
    public List<String> sources() {
        return List.of(References.GONUM, References.NEWTON_REFINED);
    }
}
