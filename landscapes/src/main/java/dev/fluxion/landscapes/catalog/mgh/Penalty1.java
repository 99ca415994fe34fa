package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Problem 23, the first penalty function of Gill, Murray and Pitfield: n &gt;= 1, m = n + 1,
 * f_i = sqrt(a) (x_i - 1) for i &lt;= n and f_{n+1} = sum_j x_j^2 - 1/4, with a = 10^-5. Start x0 = (1, 2, ..., n),
 * f(x0) = 885.063 for n = 4. Standard n here: 4.
 *
 * <p>The paper gives f* = 2.24997...e-5 for n = 4 and 7.08765...e-5 for n = 10, and no minimizer. Every critical
 * point has equal coordinates: the gradient's i-th entry 2a (x_i - 1) + 4 x_i (S - 1/4), S = sum_j x_j^2, gives
 * x_i = a / (a + 2 S - 1/2) for every i. So the minimizer is (c, ..., c) with c the largest root of
 * 2n c^3 + (a - 1/2) c - a = 0 (c = 0.2500075 for n = 4), computed here by Newton's method on that cubic for every
 * n; the tests check the published values.
 */
final class Penalty1 implements Problem {
    private static final double A = 1e-5;

    @Override
    public String name() {
        return "penalty1";
    }

    @Override
    public int number() {
        return 23;
    }

    @Override
    public String title() {
        return "Penalty I";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(4, 1, SizeRule.LIMIT, 1, n -> n + 1, "m = n + 1");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        return Residuals.of(x.minus(1).times(Math.sqrt(A))).add(x.squaredNorm().minus(0.25));
    }

    @Override
    public double[] start(Size size) {
        double[] x0 = new double[size.n()];
        for (int i = 0; i < x0.length; i++) {
            x0[i] = i + 1;
        }
        return x0;
    }

    @Override
    public List<double[]> minimizers(Size size) {
        int n = size.n();
        // g(c) = 2n c^3 + (a - 1/2) c - a is convex and increasing right of its largest root, so Newton's method
        // from c = 1, where g > 0, falls monotonically onto that root
        double c = 1;
        for (int iteration = 0; iteration < 200; iteration++) {
            double next = c - (2 * n * c * c * c + (A - 0.5) * c - A) / (6 * n * c * c + A - 0.5);
            if (!(next < c)) {
                break;
            }
            c = next;
        }
        double[] minimizer = new double[n];
        Arrays.fill(minimizer, c);
        return List.<double[]>of(minimizer);
    }

    @Override
    public Set<Tag> tags(Size size) {
        // the Hessian at (c, ..., c) is (2a + 4(S - 1/4)) I + 8 x x^T: eigenvalues near 4e-5 and 2, for n >= 2
        return size.n() >= 2 ? Set.of(Tag.ILL_CONDITIONED) : Set.of();
    }
}
