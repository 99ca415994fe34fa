package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.List;
import java.util.Set;

/**
 * Problem 20, Watson's function: 2 &lt;= n &lt;= 31, m = 31, with t_i = i / 29 for i = 1..29
 * f_i = sum_{j=2}^n (j - 1) x_j t_i^{j-2} - (sum_{j=1}^n x_j t_i^{j-1})^2 - 1, f_30 = x_1, f_31 = x_2 - x_1^2 - 1: a
 * polynomial fit whose conditioning worsens quickly with n. The two sums are products with constant 29 x n
 * matrices. Start x0 = 0, f(x0) = 30; since x0 = 0, a scaled start is scale (1, ..., 1), as in MINPACK's drivers.
 * Standard n here: 6.
 *
 * <p>f* = 2.28767...e-3 for n = 6, 1.39976...e-6 for n = 9 and 4.72238...e-10 for n = 12 (the paper's digits).
 * Minimizers: Gonum's 16 digits for n = 6 and 9, MINPACK lmder's final point (8 digits) for n = 12, pinned down by
 * Newton's method. Where sources differ: Gonum could not reproduce the value for n = 12 and leaves it out; MINPACK's
 * point gives it, so this follows MINPACK. Other n: nothing is published. Kowalik and Osborne (1968).
 */
final class Watson implements Problem {

    @Override
    public String name() {
        return "watson";
    }

    @Override
    public int number() {
        return 20;
    }

    @Override
    public String title() {
        return "Watson";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(6, 2, 31, 1, n -> 31, "m = 31");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        int n = size.n();
        double[][] derivative = new double[29][n];
        double[][] value = new double[29][n];
        for (int i = 0; i < 29; i++) {
            double t = (i + 1) / 29.0;
            double power = 1;
            for (int j = 0; j < n; j++) {
                value[i][j] = power;
                if (j + 1 < n) {
                    derivative[i][j + 1] = (j + 1) * power;
                }
                power *= t;
            }
        }
        Expr x1 = x.get(0);
        return Residuals.of(Matrix.of(derivative).times(x).minus(Matrix.of(value).times(x).square()).minus(1))
                .add(x1)
                .add(x.get(1).minus(x1.square()).minus(1));
    }

    @Override
    public double[] start(Size size) {
        return new double[size.n()];
    }

    @Override
    public List<double[]> minimizersNear(Size size) {
        return switch (size.n()) {
            case 6 -> List.<double[]>of(new double[] {-0.01572508644590686, 1.012434869244884, -0.23299162372002916,
                1.2604300800978554, -1.51372891341701, 0.9929964286340117});
            case 9 -> List.<double[]>of(new double[] {-1.5307036521992127e-05, 0.9997897039319495,
                0.01476396369355022, 0.14634232829939883, 1.0008211030046426, -2.617731140519101, 4.104403164479245,
                -3.1436122785568514, 1.0526264080103074});
            case 12 -> List.<double[]>of(new double[] {-6.6380605e-09, 1.0000016, -5.6393221e-04, 3.4782054e-01,
                -1.5673150e-01, 1.0528152, -3.2472712, 7.2884349, -1.0271848e+01, 9.0741136, -4.5413755, 1.0120119});
            default -> List.of();
        };
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ILL_CONDITIONED);
    }

    @Override
    public List<String> sources() {
        return List.of(References.GONUM, References.MINPACK, References.NEWTON_REFINED);
    }
}
