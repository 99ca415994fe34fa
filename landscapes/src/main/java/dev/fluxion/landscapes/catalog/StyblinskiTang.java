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
 * The Styblinski-Tang function, f(x) = (1/2) sum_i (x_i^4 - 16 x_i^2 + 5 x_i), on [-5, 5]^n: separable, with
 * 2^n local minima (each coordinate at one of the two minima of the quartic); global minimum
 * f* = -39.16617 n at x_i = -2.903534, the smaller root of 4t^3 - 32t + 5 = 0 (refined here by Newton's method,
 * so f* = -39.166165703771... n to double precision).
 *
 * <p>Sources: Styblinski, M. A. and Tang, T.-S. (1990), Experiments in nonconvex optimization: stochastic
 * approximation with function smoothing and simulated annealing, Neural Networks 3(4), 467-483; Surjanovic and
 * Bingham (2013), SFU Virtual Library.
 */
public final class StyblinskiTang implements LandscapeProvider {

    @Override
    public String name() {
        return "styblinski-tang";
    }

    @Override
    public String description() {
        return "Styblinski-Tang: separable, 2^n local minima; f* = -39.16617 n at x_i = -2.903534";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 10_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        Expr f = x.pow(4).minus(x.square().times(16)).plus(x.times(5)).sum().times(0.5);
        double[] guess = new double[n];
        Arrays.fill(guess, -2.903534);
        double[] start = new double[n];
        Arrays.fill(start, 4);
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(-5, 5)
                .minimizerNear(guess)
                .start(start)
                .tags(Tag.MULTIMODAL)
                .sources("Styblinski, M. A. and Tang, T.-S. (1990). Experiments in nonconvex optimization: stochastic"
                        + " approximation with function smoothing and simulated annealing. Neural Networks 3(4),"
                        + " 467-483", Sources.SFU, Sources.NEWTON_REFINED)
                .build();
    }
}
