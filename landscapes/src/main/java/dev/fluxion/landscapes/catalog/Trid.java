package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * The Trid function on [-n^2, n^2]^n, f(x) = sum_i (x_i - 1)^2 - sum_{i=2}^n x_i x_{i-1}: a convex quadratic whose
 * Hessian is tridiagonal (2 on the diagonal, -1 beside it), with eigenvalues 2 - 2 cos(k pi / (n + 1)), k = 1..n,
 * so mu = 2 - 2 cos(pi / (n + 1)) and L = 2 + 2 cos(pi / (n + 1)): its conditioning grows like n^2. The minimum is
 * f* = -n (n + 4) (n - 1) / 6 at x_i = i (n + 1 - i).
 *
 * <p>Sources: Hedar, A.-R., Global optimization test problems, Kyoto University; Surjanovic and Bingham (2013).
 */
public final class Trid implements LandscapeProvider {

    @Override
    public String name() {
        return "trid";
    }

    @Override
    public String description() {
        return "Trid: convex, tridiagonal Hessian, kappa ~ n^2; f* = -n(n+4)(n-1)/6 at x_i = i(n+1-i)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 2, 1_000, "the number of variables"));
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        VectorExpr x = VectorExpr.variable("x", n);
        Expr f = x.minus(1).squaredNorm().minus(x.slice(1, n).dot(x.slice(0, n - 1)));
        double[] minimizer = new double[n];
        for (int i = 1; i <= n; i++) {
            minimizer[i - 1] = (double) i * (n + 1 - i);
        }
        double angle = Math.PI / (n + 1);
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(-(double) n * n, (double) n * n)
                .minimum(-(double) n * (n + 4) * (n - 1) / 6).minimizers(minimizer)
                .smoothness(2 + 2 * Math.cos(angle))
                .strongConvexity(2 - 2 * Math.cos(angle))
                .start(new double[n])
                .tags(Tag.CONVEX, Tag.ILL_CONDITIONED)
                .sources("Hedar, A.-R. Global optimization test problems. Kyoto University,"
                        + " www-optima.amp.i.kyoto-u.ac.jp/member/student/hedar/Hedar_files/TestGO.htm", Sources.SFU)
                .build();
    }
}
