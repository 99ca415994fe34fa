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
 * Zakharov's function, f(x) = sum x_i^2 + s^2 + s^4 with s = sum_i 0.5 i x_i (i from 1), on [-5, 10]^n:
 * convex (a convex quadratic plus a convex increasing function of a linear form), plate-shaped, with a unique
 * minimum f* = 0 at 0. Its Hessian is at least 2I everywhere, so mu = 2; it grows without bound, so
 * there is no global L.
 *
 * <p>Sources: Surjanovic and Bingham (2013), SFU Virtual Library; Jamil and Yang (2013), function 172.
 */
public final class Zakharov implements LandscapeProvider {

    @Override
    public String name() {
        return "zakharov";
    }

    @Override
    public String description() {
        return "Zakharov's function: convex and plate-shaped; f* = 0 at 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 10_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 0.5 * (i + 1);
        }
        Expr s = x.dot(VectorExpr.constant(weights));
        Expr f = x.squaredNorm().plus(s.square()).plus(s.pow(4));
        double[] start = new double[n];
        Arrays.fill(start, 2);
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(-5, 10)
                .minimum(0).minimizers(new double[n])
                .strongConvexity(2)
                .start(start)
                .tags(Tag.CONVEX)
                .sources(Sources.SFU, Sources.JAMIL_YANG)
                .build();
    }
}
