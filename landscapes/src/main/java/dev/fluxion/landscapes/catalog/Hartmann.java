package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeException;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.List;

/**
 * Hartmann's functions on [0, 1]^n for n = 3 and n = 6, f(x) = -sum_{i=1}^4 alpha_i exp(-sum_j A_ij (x_j - P_ij)^2)
 * with alpha = (1, 1.2, 3, 3.2) and the constant matrices A and P of Dixon and Szego: four Gaussian wells of
 * different widths. Global minima: n = 3, f* = -3.86278 at (0.114614, 0.555649, 0.852547); n = 6, f* = -3.32237 at
 * (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573); both refined here by Newton's method.
 *
 * <p>Sources: Hartman, J. K. (1973), Some experiments in global optimization, Naval Research Logistics Quarterly
 * 20(3), 569-576; Dixon and Szego (1978), who fix the constants; Surjanovic and Bingham (2013).
 */
public final class Hartmann implements LandscapeProvider {
    private static final double[] ALPHA = {1, 1.2, 3, 3.2};
    private static final double[][] A3 = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
    private static final double[][] P3 = {{3689, 1170, 2673}, {4699, 4387, 7470}, {1091, 8732, 5547},
        {381, 5743, 8828}};
    private static final double[][] A6 = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P6 = {{1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    @Override
    public String name() {
        return "hartmann";
    }

    @Override
    public String description() {
        return "Hartmann 3-D or 6-D: four Gaussian wells; f* = -3.86278 (n = 3), -3.32237 (n = 6)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 3, 3, 6, "the number of variables, 3 or 6"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int dimension = arguments.integer("dim");
        if (dimension != 3 && dimension != 6) {
            throw new LandscapeException("hartmann: dim = " + dimension + " is not defined; dim must be 3 or 6");
        }
        boolean three = dimension == 3;
        double[][] a = three ? A3 : A6;
        double[][] p = three ? P3 : P6;
        int n = a[0].length;
        VectorExpr x = VectorExpr.variable("x", n);
        Expr f = null;
        for (int i = 0; i < 4; i++) {
            double[] centre = new double[n];
            for (int j = 0; j < n; j++) {
                centre[j] = p[i][j] * 1e-4;
            }
            Expr well = x.minus(VectorExpr.constant(centre)).square().times(VectorExpr.constant(a[i])).sum()
                    .unaryMinus().exp().times(-ALPHA[i]);
            f = f == null ? well : f.plus(well);
        }
        double[] start = new double[n];
        Arrays.fill(start, 0.5);
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(0, 1)
                .minimizerNear(three ? new double[] {0.114614, 0.555649, 0.852547}
                        : new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573})
                .start(start)
                .tags(Tag.MULTIMODAL)
                .sources("Hartman, J. K. (1973). Some experiments in global optimization. Naval Research Logistics"
                        + " Quarterly 20(3), 569-576", Sources.DIXON_SZEGO, Sources.SFU, Sources.NEWTON_REFINED)
                .build();
    }
}
