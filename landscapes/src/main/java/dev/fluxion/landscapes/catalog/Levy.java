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
 * Levy's function in n dimensions on [-10, 10]^n: with w_i = 1 + (x_i - 1) / 4,
 * f(x) = sin^2(pi w_1) + sum_{i &lt; n} (w_i - 1)^2 (1 + 10 sin^2(pi w_i + 1)) + (w_n - 1)^2 (1 + sin^2(2 pi w_n)),
 * with f* = 0 at x = (1, ..., 1) and a lattice of local minima around it.
 *
 * <p>Sources: Levy, A. V. and Montalvo, A. (1985), The tunneling algorithm for the global minimization of
 * functions, SIAM J. Sci. Stat. Comput. 6(1), 15-29; the form above is Surjanovic and Bingham's (2013), which most
 * benchmark collections follow.
 */
public final class Levy implements LandscapeProvider {

    @Override
    public String name() {
        return "levy";
    }

    @Override
    public String description() {
        return "Levy: f* = 0 at (1, ..., 1), a lattice of local minima";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 2, 10_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        VectorExpr w = x.minus(1).times(0.25).plus(1);
        VectorExpr head = w.slice(0, n - 1);
        Expr first = w.get(0).times(Math.PI).sin().square();
        Expr middle = head.minus(1).square().times(head.times(Math.PI).plus(1).sin().square().times(10).plus(1)).sum();
        Expr last = w.get(n - 1);
        Expr tail = last.minus(1).square().times(last.times(2 * Math.PI).sin().square().plus(1));
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        double[] start = new double[n];
        Arrays.fill(start, -4);
        return Landscape.builder(arguments, first.plus(middle).plus(tail), List.of("x"))
                .description(description())
                .domain(-10, 10)
                .minimum(0).minimizers(ones)
                .start(start)
                .tags(Tag.MULTIMODAL)
                .sources("Levy, A. V. and Montalvo, A. (1985). The tunneling algorithm for the global minimization of"
                        + " functions. SIAM J. Sci. Stat. Comput. 6(1), 15-29", Sources.SFU)
                .build();
    }
}
