package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Curvature;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.List;

/**
 * The (extended) Rosenbrock function, f(x) = sum_{i=1}^{n-1} [100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2], on
 * [-5, 10]^n: a long curved parabolic valley; global minimum f* = 0 at (1, ..., 1), classic start
 * (-1.2, 1, -1.2, 1, ...). For 4 &lt;= n &lt;= 7 it has exactly one more local minimum, near (-1, 1, ..., 1)
 * (Shang and Qiu 2006), recorded here after Newton's method from that point.
 *
 * <p>Sources: Rosenbrock, H. H. (1960), An automatic method for finding the greatest or least value of a
 * function, The Computer Journal 3(3), 175-184; Shang, Y.-W. and Qiu, Y.-H. (2006), A note on the extended
 * Rosenbrock function, Evolutionary Computation 14(1), 119-126.
 */
public final class Rosenbrock implements LandscapeProvider {

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public String description() {
        return "Rosenbrock's banana valley in n dimensions; f* = 0 at (1, ..., 1)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 2, 10_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        VectorExpr head = x.slice(0, n - 1);
        VectorExpr tail = x.slice(1, n);
        Expr f = tail.minus(head.square()).squaredNorm().times(100).plus(head.minus(1).squaredNorm());
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1;
        }
        Landscape.Builder builder = Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(-5, 10)
                .minimum(0).minimizers(ones)
                .start(start)
                .tags(Tag.ILL_CONDITIONED)
                .sources("Rosenbrock, H. H. (1960). An automatic method for finding the greatest or least value of a"
                        + " function. The Computer Journal 3(3), 175-184", "Shang, Y.-W. and Qiu, Y.-H. (2006). A note"
                        + " on the extended Rosenbrock function. Evolutionary Computation 14(1), 119-126");
        if (n >= 4 && n <= 7) {
            double[] guess = ones.clone();
            guess[0] = -1;
            builder.criticalPointNear(Curvature.MIN, guess);
        }
        return builder.build();
    }
}
