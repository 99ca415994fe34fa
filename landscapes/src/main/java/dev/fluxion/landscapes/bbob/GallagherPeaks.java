package dev.fluxion.landscapes.bbob;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Gaussian peaks of Gallagher's functions (f21 with 101 peaks, f22 with 21), drawn as COCO draws them:
 * <pre>
 *   f(x) = T_osz(10 - max_i w_i exp(-(1 / 2n) (R x - y_i)^T C_i (R x - y_i)))^2 + f_pen(x) + f_opt,
 * </pre>
 * with peak 0 of height w_0 = 10 at y_0 = R x_opt (the global optimum, f = f_opt) and the others of heights
 * w_i = 1.1 + 8 (i - 1) / (p - 2) at R y_i. Each C_i is diagonal, with entries alpha_i^(j / (n - 1) - 1/2) in a
 * random order of j; alpha_0 is 1000 for f22 and sqrt(1000) for f21, the other alpha_i are 1000^(k / (p - 2)) for a
 * random permutation k of 0 .. p - 2. The centres are uniform in [-c, b - c]^n (b, c = 10, 5 for f21 and 9.8, 4.9
 * for f22), the optimum shrunk by 0.8.
 *
 * @param peaks    the number of peaks p
 * @param rotation R
 * @param heights  w_i
 * @param scales   the diagonals of C_i, one row per peak
 * @param centres  the centres R y_i in rotated coordinates, one row per peak
 * @param optima   the centres y_i in the original coordinates (y_0 = x_opt), one row per peak
 */
record GallagherPeaks(int peaks, double[][] rotation, double[] heights, double[][] scales, double[][] centres,
                      double[][] optima) {

    /** The peaks of f21 (101 peaks) or f22 (21 peaks) for an instance. */
    static GallagherPeaks of(BbobInstance instance, int peaks) {
        int n = instance.dimension();
        long seed = instance.seed();
        double maxCondition = 1000.0;
        double firstCondition = peaks == 101 ? Math.sqrt(maxCondition) : maxCondition;
        double b = peaks == 101 ? 10.0 : 9.8;
        double c = peaks == 101 ? 5.0 : 4.9;
        double[][] rotation = instance.rotation(seed);

        int[] order = sortedIndices(BbobRandom.uniform(peaks - 1, seed));
        double[] conditions = new double[peaks];
        double[] heights = new double[peaks];
        conditions[0] = firstCondition;
        heights[0] = 10;
        for (int i = 1; i < peaks; i++) {
            conditions[i] = Math.pow(maxCondition, (double) order[i - 1] / (double) (peaks - 2));
            heights[i] = (double) (i - 1) / (double) (peaks - 2) * (9.1 - 1.1) + 1.1;
        }

        double[][] scales = new double[peaks][n];
        for (int i = 0; i < peaks; i++) {
            int[] axes = sortedIndices(BbobRandom.uniform(n, seed + 1000L * i));
            for (int j = 0; j < n; j++) {
                scales[i][j] = Math.pow(conditions[i], (double) axes[j] / (double) (n - 1) - 0.5);
            }
        }

        double[] u = BbobRandom.uniform(n * peaks, seed);
        double[][] centres = new double[peaks][n];
        double[][] optima = new double[peaks][n];
        for (int j = 0; j < peaks; j++) {
            for (int i = 0; i < n; i++) {
                double sum = 0.0;
                for (int k = 0; k < n; k++) {
                    sum += rotation[i][k] * (b * u[j * n + k] - c);
                }
                centres[j][i] = j == 0 ? sum * 0.8 : sum;
                optima[j][i] = j == 0 ? 0.8 * (b * u[i] - c) : b * u[j * n + i] - c;
            }
        }
        return new GallagherPeaks(peaks, rotation, heights, scales, centres, optima);
    }

    /** The indices 0 .. m - 1 ordered by their values, ascending. */
    private static int[] sortedIndices(double[] values) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The global optimum x_opt = y_0. */
    double[] xopt() {
        return optima[0].clone();
    }

    /** max(0, max_i w_i exp(-(1/2n) sum_j c_ij (t_j - y_ij)^2)) for t = R x, with the maximum taken in order. */
    Expr highestPeak(VectorExpr x) {
        int n = x.length();
        VectorExpr rotated = Transformations.times(rotation, x);
        double exponentFactor = -0.5 / (double) n;
        Expr highest = Expr.constant(0);
        for (int i = 0; i < peaks; i++) {
            VectorExpr offset = rotated.minus(VectorExpr.constant(centres[i]));
            Expr quadratic = VectorExpr.constant(scales[i]).times(offset).times(offset).sum();
            highest = highest.max(quadratic.times(exponentFactor).exp().times(heights[i]));
        }
        return highest;
    }

    /**
     * The centres y_i (i &gt;= 1) that are local minima of f: those where peak i is strictly the highest, so that f
     * is 10 - w_i exp(...) nearby and its gradient vanishes at y_i.
     */
    List<double[]> localMinima() {
        int n = centres[0].length;
        List<double[]> minima = new ArrayList<>();
        for (int i = 1; i < peaks; i++) {
            boolean highest = true;
            for (int k = 0; k < peaks && highest; k++) {
                if (k == i) {
                    continue;
                }
                double quadratic = 0;
                for (int j = 0; j < n; j++) {
                    double d = centres[i][j] - centres[k][j];
                    quadratic += scales[k][j] * d * d;
                }
                highest = heights[k] * Math.exp(-0.5 / n * quadratic) < heights[i];
            }
            if (highest) {
                minima.add(optima[i].clone());
            }
        }
        return minima;
    }
}
