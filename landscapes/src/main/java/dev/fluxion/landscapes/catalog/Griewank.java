package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.List;

/**
 * Griewank's function, f(x) = 1 + sum_i x_i^2 / 4000 - prod_i cos(x_i / sqrt(i)) (i from 1), on
 * [-600, 600]^n: a very wide, shallow bowl under a product of cosines with countless local minima; global
 * minimum f* = 0 at 0, where the Hessian is diag(1/2000 + 1/i).
 *
 * <p>Sources: Griewank, A. O. (1981), Generalized descent for global optimization, Journal of Optimization
 * Theory and Applications 34(1), 11-39; Surjanovic and Bingham (2013), SFU Virtual Library.
 */
public final class Griewank implements LandscapeProvider {

    @Override
    public String name() {
        return "griewank";
    }

    @Override
    public String description() {
        return "Griewank's function: a wide shallow bowl under a product of cosines; f* = 0 at 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 1_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = 1 / Math.sqrt(i + 1);
        }
        VectorExpr cosines = x.times(VectorExpr.constant(scale)).cos();
        // The product has no vector reduction, so it takes one node per coordinate (not per data point).
        Expr product = cosines.get(0);
        for (int i = 1; i < n; i++) {
            product = product.times(cosines.get(i));
        }
        Expr f = x.squaredNorm().div(4000).minus(product).plus(1);
        double[] start = new double[n];
        Arrays.fill(start, 300);
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(-600, 600)
                .minimum(0).minimizers(new double[n])
                .start(start)
                .tags(Tag.MULTIMODAL)
                .sources("Griewank, A. O. (1981). Generalized descent for global optimization. Journal of"
                        + " Optimization Theory and Applications 34(1), 11-39", Sources.SFU)
                .build();
    }
}
