package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The three-hump camel, f(x, y) = 2x^2 - 1.05x^4 + x^6/6 + xy + y^2 on [-5, 5]^2: global minimum f = 0 at
 * (0, 0), two local minima near +-(1.747552, -0.873776) of value about 0.298638, and two saddles between them
 * near +-(1.070542, -0.535271) of value about 0.877362 (the critical points of the gradient system, located
 * here by Newton's method; the function is odd-symmetric, f(-x, -y) = f(x, y)).
 *
 * <p>Sources: Branin, F. H. (1972), Widely convergent method for finding multiple solutions of simultaneous
 * nonlinear equations, IBM J. Res. Dev. 16(5), 504-522; Jamil and Yang (2013), function 29.
 */
public final class ThreeHumpCamel implements LandscapeProvider {

    @Override
    public String name() {
        return "three-hump-camel";
    }

    @Override
    public String description() {
        return "three-hump camel: f* = 0 at (0, 0), two local minima and two saddles";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-5, 5)
                .minimum(0).minimizers(new double[] {0, 0})
                .criticalPointNear(Curvature.MIN, 1.747552, -0.873776)
                .criticalPointNear(Curvature.MIN, -1.747552, 0.873776)
                .criticalPointNear(Curvature.SADDLE, 1.070542, -0.535271)
                .criticalPointNear(Curvature.SADDLE, -1.070542, 0.535271)
                .start(2.5, -1.5)
                .tags(Tag.MULTIMODAL)
                .sources("Branin, F. H. (1972). Widely convergent method for finding multiple solutions of"
                        + " simultaneous nonlinear equations. IBM J. Res. Dev. 16(5), 504-522", Sources.JAMIL_YANG,
                        Sources.NEWTON_REFINED)
                .build();
    }
}
