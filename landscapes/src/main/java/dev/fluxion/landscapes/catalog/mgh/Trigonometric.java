package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 26, the trigonometric function: n &gt;= 1, m = n,
 * f_i = n - sum_j cos x_j + i (1 - cos x_i) - sin x_i. Start x0 = (1/n, ..., 1/n), f(x0) = 7.07576e-3 for n = 10;
 * f* = 0 (the paper's value, for every n). Standard n here: 10.
 *
 * <p>For n = 10 two zeros are listed: Gonum's (16 digits) and the one MINPACK's hybrd reaches from 10 x0 (8 digits),
 * both pinned down by Newton's method; and a local minimum f = 2.79506...e-5, where methods from x0 (MINPACK's
 * hybrd among them) end, from Gonum's digits. Spedicato (1975), as the paper gives it.
 */
final class Trigonometric implements Problem {

    @Override
    public String name() {
        return "trigonometric";
    }

    @Override
    public int number() {
        return 26;
    }

    @Override
    public String title() {
        return "Trigonometric";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(10, 1, SizeRule.LIMIT, 1, n -> n, "m = n");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int n = size.n();
        double[] constant = new double[n];
        double[] i = new double[n];
        for (int k = 0; k < n; k++) {
            i[k] = k + 1;
            constant[k] = n + i[k];
        }
        VectorExpr cos = x.cos();
        return Residuals.of(VectorExpr.constant(constant).minus(cos.sum()).minus(VectorExpr.constant(i).times(cos))
                .minus(x.sin()));
    }

    @Override
    public double[] start(Size size) {
        double[] x0 = new double[size.n()];
        Arrays.fill(x0, 1.0 / size.n());
        return x0;
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        if (size.n() != 10) {
            return List.of();
        }
        return List.of(new double[] {0.04296456438227447, 0.043976287478192246, 0.045093397949095684,
            0.04633891624617569, 0.047744381782831, 0.04935473251330618, 0.05123734850076505, 0.19520946391410446,
            0.1649776652761741, 0.06014857783799575},
            new double[] {3.4396289e-02, 3.5032316e-02, 3.5719196e-02, 3.6465224e-02, 3.7280912e-02, 3.8179863e-02,
                3.9180141e-02, 4.0306503e-02, 1.7972019e-01, 1.5624088e-01});
    }

    @Override
    public List<Near> criticalPointsNear(Size size) {
        if (size.n() != 10) {
            return List.of();
        }
        return List.of(new Near(Curvature.MIN, 0.05515090434047145, 0.05684061730812344, 0.05876400231100774,
                0.060990608903034337, 0.06362621381044778, 0.06684318087364617, 0.2081615177172172,
                0.16436309604419047, 0.08500689695564931, 0.09143145386293675));
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL);
    }

    @Override
    public List<String> sources() {
        return List.of(References.GONUM, References.MINPACK, References.NEWTON_REFINED);
    }
}
