package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The six-hump camel, f(x, y) = (4 - 2.1x^2 + x^4/3) x^2 + xy + (-4 + 4y^2) y^2 on [-3, 3] x [-2, 2]: two
 * global minima f* = -1.0316284534898774 near (0.0898, -0.7126) and (-0.0898, 0.7126); four more local minima,
 * near +-(-1.7036, 0.7961) (f about -0.2155) and +-(1.6071, 0.5687) (f about 2.1043); and a saddle at (0, 0)
 * with Hessian [[8, 1], [1, -8]].
 *
 * <p>Sources: Dixon and Szego (1978); Branin (1972); Surjanovic and Bingham (2013), SFU Virtual Library, which
 * gives f* = -1.0316 at (0.0898, -0.7126) and (-0.0898, 0.7126).
 */
public final class SixHumpCamel implements LandscapeProvider {

    /** The global minimum value, to double precision. */
    public static final double MINIMUM = -1.0316284534898774;

    @Override
    public String name() {
        return "six-hump-camel";
    }

    @Override
    public String description() {
        return "six-hump camel: two global minima f* = -1.0316..., four more local minima, a saddle at 0";
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = Expr.parse("(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2");
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(new dev.fluxion.landscapes.Box(new double[] {-3, -2}, new double[] {3, 2}))
                .minimum(MINIMUM)
                .minimizerNear(0.0898, -0.7126)
                .minimizerNear(-0.0898, 0.7126)
                .criticalPointNear(Curvature.MIN, -1.7036, 0.7961)
                .criticalPointNear(Curvature.MIN, 1.7036, -0.7961)
                .criticalPointNear(Curvature.MIN, 1.6071, 0.5687)
                .criticalPointNear(Curvature.MIN, -1.6071, -0.5687)
                .criticalPoint(Curvature.SADDLE, 0, 0)
                .start(-1.5, 1.5)
                .tags(Tag.MULTIMODAL)
                .sources(Sources.DIXON_SZEGO, Sources.SFU, Sources.NEWTON_REFINED)
                .build();
    }
}
