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
 * Ackley's function, f(x) = -20 exp(-0.2 sqrt(mean(x_i^2))) - exp(mean(cos(2 pi x_i))) + 20 + e, on
 * [-32.768, 32.768]^n: a nearly flat outer region with many shallow local minima and a deep funnel; global
 * minimum f* = 0 at 0.
 *
 * <p>The minimizer is a kink: near 0, f is about 4 ||x|| / sqrt(n), a cone, so the gradient is undefined at 0
 * (every direction is a direction of ascent) and the landscape is tagged {@link Tag#NONSMOOTH}.
 *
 * <p>Sources: Ackley, D. H. (1987), A Connectionist Machine for Genetic Hillclimbing, Kluwer; Back, T. (1996),
 * Evolutionary Algorithms in Theory and Practice, Oxford University Press.
 */
public final class Ackley implements LandscapeProvider {

    @Override
    public String name() {
        return "ackley";
    }

    @Override
    public String description() {
        return "Ackley's function: a flat, dimpled plateau around a deep conical funnel; f* = 0 at 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 10_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        Expr radius = x.square().mean().sqrt();
        Expr f = radius.times(-0.2).exp().times(-20).minus(x.times(2 * Math.PI).cos().mean().exp())
                .plus(20 + Math.E);
        double[] start = new double[n];
        Arrays.fill(start, 20);
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(-32.768, 32.768)
                .minimum(0).minimizers(new double[n])
                .start(start)
                .tags(Tag.MULTIMODAL, Tag.NONSMOOTH)
                .sources("Ackley, D. H. (1987). A Connectionist Machine for Genetic Hillclimbing. Kluwer",
                        "Back, T. (1996). Evolutionary Algorithms in Theory and Practice. Oxford University Press",
                        Sources.SFU)
                .build();
    }
}
