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
 * Rastrigin's function, f(x) = 10 n + sum_i [x_i^2 - 10 cos(2 pi x_i)], on [-5.12, 5.12]^n: a sphere under a
 * regular egg-crate of about 11^n local minima; global minimum f* = 0 at 0, with Hessian
 * (2 + 40 pi^2) I there. Every second derivative lies in [2 - 40 pi^2, 2 + 40 pi^2], so L = 2 + 40 pi^2.
 *
 * <p>Sources: Rastrigin, L. A. (1974), Systems of Extremal Control, Nauka, Moscow; Muhlenbein, H., Schomisch,
 * D. and Born, J. (1991), The parallel genetic algorithm as function optimizer, Parallel Computing 17, 619-632.
 */
public final class Rastrigin implements LandscapeProvider {

    @Override
    public String name() {
        return "rastrigin";
    }

    @Override
    public String description() {
        return "Rastrigin's egg-crate: a regular lattice of local minima over a sphere; f* = 0 at 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 10_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        Expr f = x.square().minus(x.times(2 * Math.PI).cos().times(10)).sum().plus(10.0 * n);
        double[] start = new double[n];
        Arrays.fill(start, 3.3);
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(-5.12, 5.12)
                .minimum(0).minimizers(new double[n])
                .smoothness(2 + 40 * Math.PI * Math.PI)
                .start(start)
                .tags(Tag.MULTIMODAL)
                .sources("Rastrigin, L. A. (1974). Systems of Extremal Control. Nauka, Moscow",
                        "Muhlenbein, H., Schomisch, D. and Born, J. (1991). The parallel genetic algorithm as function"
                                + " optimizer. Parallel Computing 17, 619-632", Sources.SFU)
                .build();
    }
}
