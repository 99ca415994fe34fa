package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Box;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The Branin (Branin-Hoo) function on [-5, 10] x [0, 15],
 * f(x, y) = (y - b x^2 + c x - 6)^2 + 10 (1 - t) cos x + 10 with b = 5.1 / (4 pi^2), c = 5 / pi, t = 1 / (8 pi):
 * three global minima where the square vanishes and cos x = -1, at (-pi, 12.275), (pi, 2.275) and (3 pi, 2.475),
 * all of value f* = 10 t = 5 / (4 pi) = 0.397887....
 *
 * <p>Sources: Branin, F. H. (1972), Widely convergent method for finding multiple solutions of simultaneous
 * nonlinear equations, IBM Journal of Research and Development 16(5), 504-522; Dixon and Szego (1978), who fix
 * the constants used here.
 */
public final class Branin implements LandscapeProvider {

    @Override
    public String name() {
        return "branin";
    }

    @Override
    public String description() {
        return "Branin: three global minima f* = 5/(4 pi) at (-pi, 12.275), (pi, 2.275), (3 pi, 2.475)";
    }

    @Override
    public Landscape create(Arguments arguments) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        Expr x = Expr.variable("x");
        Expr y = Expr.variable("y");
        Expr f = y.minus(x.square().times(b)).plus(x.times(c)).minus(6).square()
                .plus(x.cos().times(10 * (1 - t))).plus(10);
        return Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(new Box(new double[] {-5, 0}, new double[] {10, 15}))
                .minimum(5 / (4 * Math.PI))
                .minimizers(new double[] {-Math.PI, 12.275}, new double[] {Math.PI, 2.275},
                        new double[] {3 * Math.PI, 2.475})
                .start(0, 0)
                .tags(Tag.MULTIMODAL)
                .sources("Branin, F. H. (1972). Widely convergent method for finding multiple solutions of simultaneous"
                        + " nonlinear equations. IBM Journal of Research and Development 16(5), 504-522",
                        Sources.DIXON_SZEGO)
                .build();
    }
}
