package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.List;

/**
 * The sphere, f(x) = sum_i x_i^2, on [-5.12, 5.12]^n: the perfectly conditioned quadratic, Hessian 2I, so
 * L = mu = 2 and gradient descent with step 1/2 lands on the minimum f* = 0 at 0 in one step.
 *
 * <p>Sources: De Jong, K. A. (1975), An analysis of the behavior of a class of genetic adaptive systems, PhD
 * thesis, University of Michigan (function F1); Nesterov (2004), section 2.1.
 */
public final class Sphere implements LandscapeProvider {

    @Override
    public String name() {
        return "sphere";
    }

    @Override
    public String description() {
        return "the sphere sum x_i^2: L = mu = 2; f* = 0 at 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 100_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        double[] start = new double[n];
        Arrays.fill(start, 3);
        return Landscape.builder(arguments, VectorExpr.variable("x", n).squaredNorm(), List.of("x"))
                .description(description())
                .domain(-5.12, 5.12)
                .minimum(0).minimizers(new double[n])
                .smoothness(2).strongConvexity(2)
                .start(start)
                .tags(Tag.CONVEX)
                .sources("De Jong, K. A. (1975). An analysis of the behavior of a class of genetic adaptive systems."
                        + " PhD thesis, University of Michigan", Sources.NESTEROV)
                .build();
    }
}
