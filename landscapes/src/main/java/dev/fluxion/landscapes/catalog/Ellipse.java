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
 * The axis-aligned ill-conditioned ellipse, f(x) = sum_i kappa^((i-1)/(n-1)) x_i^2 (i from 1; for n = 1 just
 * x_1^2), on [-5, 5]^n: the Hessian is diag(2 kappa^((i-1)/(n-1))), so mu = 2, L = 2 kappa (2 for n = 1) and
 * the condition number is kappa; f* = 0 at 0. With kappa = 10^6 this is the ellipsoid of the BBOB suite.
 *
 * <p>Sources: Hansen, N., Finck, S., Ros, R. and Auger, A. (2009), Real-parameter black-box optimization
 * benchmarking 2009: noiseless functions definitions, INRIA RR-6829 (f2, the separable ellipsoid);
 * Nesterov (2004), section 2.1.
 */
public final class Ellipse implements LandscapeProvider {

    @Override
    public String name() {
        return "ellipse";
    }

    @Override
    public String description() {
        return "axis-aligned ellipse sum kappa^((i-1)/(n-1)) x_i^2: mu = 2, L = 2 kappa; f* = 0 at 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 100_000, "the number of variables"),
                Parameter.real("kappa", 100, 1, 1e12, "the condition number L / mu"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        double kappa = arguments.real("kappa");
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = n == 1 ? 1 : Math.pow(kappa, (double) i / (n - 1));
        }
        VectorExpr x = VectorExpr.variable("x", n);
        double[] start = new double[n];
        Arrays.fill(start, 3);
        return Landscape.builder(arguments, x.square().dot(VectorExpr.constant(weights)), List.of("x"))
                .description(description())
                .domain(-5, 5)
                .minimum(0).minimizers(new double[n])
                .smoothness(2 * weights[n - 1]).strongConvexity(2)
                .start(start)
                .tags(Tag.CONVEX, Tag.ILL_CONDITIONED)
                .sources("Hansen, N., Finck, S., Ros, R. and Auger, A. (2009). Real-parameter black-box optimization"
                        + " benchmarking 2009: noiseless functions definitions. INRIA RR-6829", Sources.NESTEROV)
                .build();
    }
}
