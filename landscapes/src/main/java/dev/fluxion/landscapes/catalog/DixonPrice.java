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
 * The Dixon-Price function on [-10, 10]^n, f(x) = (x_1 - 1)^2 + sum_{i=2}^n i (2 x_i^2 - x_{i-1})^2: a curved
 * valley with f* = 0 where x_1 = 1 and 2 x_i^2 = x_{i-1}, that is x_i = 2^(-(2^i - 2) / 2^i). Each x_i but the last
 * must be positive for the next equation to have a root, so there are two global minimizers, x_n = +-2^(...).
 *
 * <p>Sources: Dixon, L. C. W. and Price, R. C. (1989), Truncated Newton method for sparse unconstrained
 * optimization using automatic differentiation, J. Optimization Theory and Applications 60(2), 261-275;
 * Surjanovic and Bingham (2013).
 */
public final class DixonPrice implements LandscapeProvider {

    @Override
    public String name() {
        return "dixon-price";
    }

    @Override
    public String description() {
        return "Dixon-Price: a curved valley, f* = 0 at x_i = 2^(-(2^i - 2) / 2^i)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 2, 1_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        double[] weights = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            weights[i] = i + 2;
        }
        Expr chain = x.slice(1, n).square().times(2).minus(x.slice(0, n - 1)).square()
                .times(VectorExpr.constant(weights)).sum();
        Expr f = x.get(0).minus(1).square().plus(chain);
        double[] minimizer = new double[n];
        for (int i = 1; i <= n; i++) {
            double power = Math.pow(2, i);
            minimizer[i - 1] = Math.pow(2, -(power - 2) / power);
        }
        double[] mirrored = minimizer.clone();
        mirrored[n - 1] = -mirrored[n - 1];
        double[] start = new double[n];
        Arrays.fill(start, 2);
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(-10, 10)
                .minimum(0).minimizers(minimizer, mirrored)
                .start(start)
                .tags(Tag.ILL_CONDITIONED)
                .sources("Dixon, L. C. W. and Price, R. C. (1989). Truncated Newton method for sparse unconstrained"
                        + " optimization using automatic differentiation. J. Optimization Theory and Applications"
                        + " 60(2), 261-275", Sources.SFU)
                .build();
    }
}
