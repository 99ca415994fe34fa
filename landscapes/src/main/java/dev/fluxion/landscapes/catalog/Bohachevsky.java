package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * Bohachevsky's functions on [-100, 100]^2, a bowl x^2 + 2 y^2 with cosine ripples, in three variants:
 * <ul>
 *   <li>1: x^2 + 2 y^2 - 0.3 cos(3 pi x) - 0.4 cos(4 pi y) + 0.7;</li>
 *   <li>2: x^2 + 2 y^2 - 0.3 cos(3 pi x) cos(4 pi y) + 0.3;</li>
 *   <li>3: x^2 + 2 y^2 - 0.3 cos(3 pi x + 4 pi y) + 0.3.</li>
 * </ul>
 * Each has f* = 0 at (0, 0).
 *
 * <p>Sources: Bohachevsky, I. O., Johnson, M. E. and Stein, M. L. (1986), Generalized simulated annealing for
 * function optimization, Technometrics 28(3), 209-217; Jamil and Yang (2013), functions 17-19; Surjanovic and
 * Bingham (2013).
 */
public final class Bohachevsky implements LandscapeProvider {
    private static final List<String> FORMULAS = List.of(
            "x^2 + 2*y^2 - 0.3*cos(3*pi*x) - 0.4*cos(4*pi*y) + 0.7",
            "x^2 + 2*y^2 - 0.3*cos(3*pi*x)*cos(4*pi*y) + 0.3",
            "x^2 + 2*y^2 - 0.3*cos(3*pi*x + 4*pi*y) + 0.3");

    @Override
    public String name() {
        return "bohachevsky";
    }

    @Override
    public String description() {
        return "Bohachevsky 1, 2 or 3: a bowl with cosine ripples; f* = 0 at (0, 0)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("variant", 1, 1, 3, "which of the three functions"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int variant = arguments.integer("variant");
        return Landscape.builder(arguments, Expr.parse(FORMULAS.get(variant - 1)), List.of("x", "y"))
                .description("Bohachevsky " + variant + ": " + FORMULAS.get(variant - 1) + "; f* = 0 at (0, 0)")
                .domain(-100, 100)
                .minimum(0).minimizers(new double[] {0, 0})
                .start(2.5, -1.5)
                .tags(Tag.MULTIMODAL)
                .sources("Bohachevsky, I. O., Johnson, M. E. and Stein, M. L. (1986). Generalized simulated annealing"
                        + " for function optimization. Technometrics 28(3), 209-217", Sources.JAMIL_YANG, Sources.SFU)
                .build();
    }
}
