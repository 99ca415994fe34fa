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
 * Michalewicz's function on [0, pi]^n, f(x) = -sum_i sin(x_i) sin^(2m)(i x_i^2 / pi) with steepness m = 10: n!
 * local minima in steep narrow valleys, flat between them. The global minimum is known for n = 2: f* = -1.8013 at
 * (2.20, 1.57) (x_2 = pi / 2 exactly, x_1 refined here by Newton's method). For n = 5 and 10 the literature gives
 * f* = -4.687658 and -9.66015 without minimizers; since those values come from searches, not proofs, this
 * landscape states no minimum for n other than 2.
 *
 * <p>Sources: Michalewicz, Z. (1992), Genetic Algorithms + Data Structures = Evolution Programs, Springer;
 * Surjanovic and Bingham (2013).
 */
public final class Michalewicz implements LandscapeProvider {

    @Override
    public String name() {
        return "michalewicz";
    }

    @Override
    public String description() {
        return "Michalewicz (m = 10): n! steep narrow valleys; f* = -1.8013 at (2.20, pi/2) for n = 2";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 1_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = (i + 1) / Math.PI;
        }
        Expr f = x.square().times(VectorExpr.constant(index)).sin().pow(20).times(x.sin()).sum().unaryMinus();
        double[] start = new double[n];
        Arrays.fill(start, 1.5);
        Landscape.Builder builder = Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(0, Math.PI)
                .start(start)
                .tags(Tag.MULTIMODAL)
                .sources("Michalewicz, Z. (1992). Genetic Algorithms + Data Structures = Evolution Programs."
                        + " Springer", Sources.SFU, Sources.NEWTON_REFINED);
        if (n == 2) {
            builder.minimizerNear(2.20290552, Math.PI / 2);
        }
        return builder.build();
    }
}
