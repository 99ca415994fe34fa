package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeException;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * Shekel's foxholes in four dimensions on [0, 10]^4, f(x) = -sum_{i=1}^m 1 / (|x - C_i|^2 + beta_i) with m = 5, 7 or
 * 10 holes of the constant centres C and depths beta = (1, 2, 2, 4, 4, 6, 3, 7, 5, 5) / 10 of Dixon and Szego: m
 * local minima, the deepest near (4, 4, 4, 4): f* = -10.1532 (m = 5), -10.4029 (m = 7), -10.5364 (m = 10), refined
 * here by Newton's method.
 *
 * <p>Sources: Shekel, J. (1971), Test functions for multimodal search techniques, Fifth Annual Princeton Conference
 * on Information Science and Systems; Dixon and Szego (1978), who fix the constants; Surjanovic and Bingham (2013).
 */
public final class Shekel implements LandscapeProvider {
    private static final double[] BETA = {0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5};
    private static final double[][] CENTRES = {{4, 4, 4, 4}, {1, 1, 1, 1}, {8, 8, 8, 8}, {6, 6, 6, 6},
        {3, 7, 3, 7}, {2, 9, 2, 9}, {5, 5, 3, 3}, {8, 1, 8, 1}, {6, 2, 6, 2}, {7, 3.6, 7, 3.6}};

    @Override
    public String name() {
        return "shekel";
    }

    @Override
    public String description() {
        return "Shekel's foxholes (4-D, m = 5, 7 or 10): f* = -10.1532, -10.4029, -10.5364 near (4, 4, 4, 4)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("m", 10, 5, 10, "the number of foxholes: 5, 7 or 10"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int m = arguments.integer("m");
        if (m != 5 && m != 7 && m != 10) {
            throw new LandscapeException("shekel: m = " + m + " is not defined; m must be 5, 7 or 10");
        }
        VectorExpr x = VectorExpr.variable("x", 4);
        Expr f = null;
        for (int i = 0; i < m; i++) {
            Expr hole = x.minus(VectorExpr.constant(CENTRES[i])).squaredNorm().plus(BETA[i]).pow(-1).unaryMinus();
            f = f == null ? hole : f.plus(hole);
        }
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(0, 10)
                .minimizerNear(4, 4, 4, 4)
                .start(5, 5, 5, 5)
                .tags(Tag.MULTIMODAL)
                .sources("Shekel, J. (1971). Test functions for multimodal search techniques. Fifth Annual Princeton"
                        + " Conference on Information Science and Systems", Sources.DIXON_SZEGO, Sources.SFU,
                        Sources.NEWTON_REFINED)
                .build();
    }
}
