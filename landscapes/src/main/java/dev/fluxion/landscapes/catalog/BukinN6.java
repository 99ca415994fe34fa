package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Box;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * Bukin's function N. 6 on [-15, -5] x [-3, 3], f(x, y) = 100 sqrt(|y - 0.01 x^2|) + 0.01 |x + 10|: the minimum
 * f* = 0 at (-10, 1) lies in a curved valley y = 0.01 x^2 whose floor is a ridge of kinks (the square root of an
 * absolute value), where the gradient is infinite across the valley; non-smooth, and a hard case for any method that
 * trusts gradients. At the valley floor the dsl's derivative of sqrt at 0 is not finite.
 *
 * <p>Sources: Bukin, A. D. (1997), New minimization strategy for non-smooth functions, Budker Institute of Nuclear
 * Physics preprint BUDKER-INP-1997-79; Jamil and Yang (2013), function 27; Surjanovic and Bingham (2013).
 */
public final class BukinN6 implements LandscapeProvider {

    @Override
    public String name() {
        return "bukin6";
    }

    @Override
    public String description() {
        return "Bukin N. 6: f* = 0 at (-10, 1) on a curved ridge of kinks; non-smooth";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("100 * sqrt(abs(y - 0.01 * x^2)) + 0.01 * abs(x + 10)");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(new Box(new double[] {-15, -3}, new double[] {-5, 3}))
                .minimum(0).minimizers(new double[] {-10, 1})
                .start(-8, 2)
                .tags(Tag.NONSMOOTH)
                .sources("Bukin, A. D. (1997). New minimization strategy for non-smooth functions. Budker Institute of"
                        + " Nuclear Physics preprint BUDKER-INP-1997-79", Sources.JAMIL_YANG, Sources.SFU)
                .build();
    }
}
