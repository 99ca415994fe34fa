package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * Shubert's function on [-10, 10]^2, f(x, y) = g(x) g(y) with g(t) = sum_{i=1}^5 i cos((i + 1) t + i): 760 local
 * minima, 18 of them global, f* = -186.7309, where one coordinate is at a maximum of g and the other at a minimum (g
 * has period 2 pi, so three of each lie in [-10, 10]). The extremes of g are found here by a grid and Newton's method
 * on g', then refined in two dimensions.
 *
 * <p>Sources: Shubert, B. O. (1972), A sequential method seeking the global maximum of a function, SIAM J. Numer.
 * Anal. 9(3), 379-388; Jamil and Yang (2013), function 133; Surjanovic and Bingham (2013).
 */
public final class Shubert implements LandscapeProvider {

    @Override
    public String name() {
        return "shubert";
    }

    @Override
    public String description() {
        return "Shubert: 760 local minima, 18 global ones with f* = -186.7309";
    }

    private static Expr factor(Expr t) {
        Expr sum = null;
        for (int i = 1; i <= 5; i++) {
            Expr term = t.times(i + 1).plus(i).cos().times(i);
            sum = sum == null ? term : sum.plus(term);
        }
        return sum;
    }

    /** g'(t) and g''(t) of g(t) = sum i cos((i + 1) t + i). */
    private static double[] slopes(double t) {
        double first = 0;
        double second = 0;
        for (int i = 1; i <= 5; i++) {
            first -= i * (i + 1) * Math.sin((i + 1) * t + i);
            second -= i * (i + 1) * (i + 1) * Math.cos((i + 1) * t + i);
        }
        return new double[] {first, second};
    }

    private static double g(double t) {
        double sum = 0;
        for (int i = 1; i <= 5; i++) {
            sum += i * Math.cos((i + 1) * t + i);
        }
        return sum;
    }

    /** The points of [-10, 10] where g is at its global maximum (sign 1) or minimum (sign -1). */
    static List<Double> extremes(int sign) {
        List<Double> roots = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        int cells = 200_000;
        for (int k = 0; k < cells; k++) {
            double a = -10 + 20.0 * k / cells;
            double b = -10 + 20.0 * (k + 1) / cells;
            if (Math.signum(slopes(a)[0]) == Math.signum(slopes(b)[0])) {
                continue;
            }
            double t = 0.5 * (a + b);
            for (int step = 0; step < 30; step++) {
                double[] s = slopes(t);
                t -= s[0] / s[1];
            }
            double value = sign * g(t);
            if (value > best + 1e-9) {
                best = value;
                roots.clear();
            }
            if (value > best - 1e-9) {
                roots.add(t);
            }
        }
        return roots;
    }

    @Override
    public Landscape create(Arguments arguments) {
        Expr f = factor(Expr.variable("x")).times(factor(Expr.variable("y")));
        Landscape.Builder builder = Landscape.builder(arguments, f, List.of("x", "y"))
                .description(description())
                .domain(-10, 10);
        List<Double> highs = extremes(1);
        List<Double> lows = extremes(-1);
        for (double high : highs) {
            for (double low : lows) {
                builder.minimizerNear(high, low);
                builder.minimizerNear(low, high);
            }
        }
        return builder.start(0.5, 1)
                .tags(Tag.MULTIMODAL)
                .sources("Shubert, B. O. (1972). A sequential method seeking the global maximum of a function. SIAM J."
                        + " Numer. Anal. 9(3), 379-388", Sources.JAMIL_YANG, Sources.SFU, Sources.NEWTON_REFINED)
                .build();
    }
}
