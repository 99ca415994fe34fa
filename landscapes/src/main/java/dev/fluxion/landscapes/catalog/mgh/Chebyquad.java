package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 35, Fletcher's Chebyquad function: n &gt;= 1, m &gt;= n (standard m = n),
 * f_i = (1/n) sum_j T_i(x_j) - integral_0^1 T_i, where T_i is the i-th Chebyshev polynomial shifted to [0, 1]
 * (T_i(s) = cos(i arccos(2s - 1))), whose integral is 0 for odd i and -1/(i^2 - 1) for even i. The polynomials are
 * built by their recurrence T_{i+1} = 2(2x - 1) T_i - T_{i-1} on the vector x. Start x0_j = j / (n + 1),
 * f(x0) = 3.86177...e-2 for n = 8. Standard n here: 8.
 *
 * <p>With m = n, f* = 0 for n &lt;= 7 and n = 9 (the paper): the zeros are the nodes of Chebyshev's equal-weight
 * quadrature, mapped to [0, 1], which are listed (in increasing order; every permutation is a minimizer too) from
 * Abramowitz and Stegun's Table 25.5 (10 digits) or in closed form for n &lt;= 3. For n = 8 and 10 no such rule
 * exists and f* = 3.51687...e-3 and 6.50395...e-3 (the paper's digits), at MINPACK lmder's final points from x0
 * (8 digits). These minimizers have two coordinates equal (0.5, 0.5 for n = 8), where the Hessian is nearly
 * singular along their difference; all are pinned down by Newton's method. For m &gt; n nothing is published.
 *
 * <p>Where sources differ: Birgin, Gardenghi, Martínez and Santos's Fortran sums i only up to n even when m &gt; n;
 * this follows the paper and MINPACK, i = 1, ..., m. Fletcher (1965).
 */
final class Chebyquad implements Problem {

    @Override
    public String name() {
        return "chebyquad";
    }

    @Override
    public int number() {
        return 35;
    }

    @Override
    public String title() {
        return "Chebyquad";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableNAndM(8, 1, n -> n);
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        VectorExpr y = x.times(2).minus(1);
        VectorExpr previous = VectorExpr.broadcast(Expr.constant(1), size.n());
        VectorExpr current = y;
        Residuals residuals = new Residuals();
        for (int i = 1; i <= size.m(); i++) {
            residuals.add(current.mean().plus(i % 2 == 0 ? 1.0 / (i * (double) i - 1) : 0));
            VectorExpr next = y.times(2).times(current).minus(previous);
            previous = current;
            current = next;
        }
        return residuals;
    }

    @Override
    public double[] start(Size size) {
        int n = size.n();
        double[] x0 = new double[n];
        for (int j = 1; j <= n; j++) {
            x0[j - 1] = j / (n + 1.0);
        }
        return x0;
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return size.m() == size.n() && (size.n() <= 7 || size.n() == 9) ? OptionalDouble.of(0)
                : OptionalDouble.empty();
    }

    @Override
    public List<double[]> minimizers(Size size) {
        if (size.m() != size.n()) {
            return List.of();
        }
        double root3 = Math.sqrt(3) / 6;
        double root2 = Math.sqrt(2) / 4;
        return switch (size.n()) {
            case 1 -> List.<double[]>of(new double[] {0.5});
            case 2 -> List.<double[]>of(new double[] {0.5 - root3, 0.5 + root3});
            case 3 -> List.<double[]>of(new double[] {0.5 - root2, 0.5, 0.5 + root2});
            default -> List.of();
        };
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        if (size.m() != size.n()) {
            return List.of();
        }
        return switch (size.n()) {
            case 4 -> List.<double[]>of(nodes(0.7946544723, 0.1875924741));
            case 5 -> List.<double[]>of(nodes(0.8324974870, 0.3745414096, 0));
            case 6 -> List.<double[]>of(nodes(0.8662468181, 0.4225186538, 0.2666354015));
            case 7 -> List.<double[]>of(nodes(0.8838617008, 0.5296567753, 0.3239118105, 0));
            case 8 -> List.<double[]>of(new double[] {4.3153665e-02, 1.9309164e-01, 2.6632859e-01, 4.9999933e-01,
                5.0000067e-01, 7.3367141e-01, 8.0690836e-01, 9.5684634e-01});
            case 9 -> List.<double[]>of(nodes(0.9115893077, 0.6010186554, 0.5287617831, 0.1679061842, 0));
            case 10 -> List.<double[]>of(new double[] {5.9620267e-02, 1.6670878e-01, 2.3917102e-01, 3.9888529e-01,
                3.9888367e-01, 6.0111633e-01, 6.0111471e-01, 7.6082898e-01, 8.3329122e-01, 9.4037973e-01});
            default -> List.of();
        };
    }

    /**
     * The quadrature nodes +-z on [-1, 1] (z listed from the largest, 0 last where it is a node) as points
     * (1 + s) / 2 of [0, 1], in increasing order.
     */
    private static double[] nodes(double... positive) {
        boolean middle = positive[positive.length - 1] == 0;
        int pairs = middle ? positive.length - 1 : positive.length;
        double[] x = new double[2 * pairs + (middle ? 1 : 0)];
        for (int k = 0; k < pairs; k++) {
            x[k] = (1 - positive[k]) / 2;
            x[x.length - 1 - k] = (1 + positive[k]) / 2;
        }
        if (middle) {
            x[pairs] = 0.5;
        }
        return x;
    }

    @Override
    public Set<Tag> tags(Size size) {
        // of the published minimizers only n = 9's has a Hessian of condition number past 1000 (about 1570; below 500
        // for the others, checked by the tests)
        if (size.m() != size.n()) {
            return Set.of();
        }
        if (size.n() == 9) {
            return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED);
        }
        return minimum(size).isPresent() ? Set.of(Tag.ZERO_RESIDUAL) : Set.of();
    }

    @Override
    public List<String> sources() {
        return List.of("Abramowitz, M. and Stegun, I. A. (1964). Handbook of Mathematical Functions. National Bureau"
                + " of Standards, Table 25.5 (Chebyshev integration)", References.MINPACK, References.NEWTON_REFINED);
    }
}
