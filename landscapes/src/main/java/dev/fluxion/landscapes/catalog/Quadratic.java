package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Box;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.List;

/**
 * A strongly convex quadratic with a chosen spectrum, f(x) = (1/2) (x - x*)^T A (x - x*) with
 * A = Q diag(lambda_1 .. lambda_n) Q^T, the model problem of first-order convergence theory: f* = 0 at x*,
 * the Hessian is A everywhere, L = lambda_max = kappa mu and mu = lambda_min exactly.
 *
 * <ul>
 *   <li>Eigenvalues: lambda_i = mu kappa^((i-1)/(n-1)) (spacing {@code log}, geometric) or
 *       lambda_i = mu (1 + (kappa - 1)(i-1)/(n-1)) (spacing {@code linear}), i = 1 .. n, so both ends are
 *       exactly mu and kappa mu. For n = 1 the one eigenvalue is mu, and then L = mu whatever kappa is.</li>
 *   <li>Rotation: with {@code rotated=true}, Q is a Haar-random orthogonal matrix from the seed (QR of a seeded
 *       Gaussian matrix, see Mezzadri 2007); with {@code rotated=false}, Q = I and the quadratic is separable.</li>
 *   <li>Minimizer: x* has independent components uniform on [-1, 1] from the seed; the domain is [-5, 5]^n and
 *       the start is x* + (3, ..., 3).</li>
 * </ul>
 *
 * <p>The same spec (seed included) gives the same A and x*, bit for bit. Source: Nesterov (2004), section
 * 2.1, and the quadratic model problem of Polyak, B. T. (1987), Introduction to Optimization, Optimization
 * Software, chapter 1.
 */
public final class Quadratic implements LandscapeProvider {

    @Override
    public String name() {
        return "quadratic";
    }

    @Override
    public String description() {
        return "(1/2)(x - x*)^T A (x - x*) with eigenvalues of A from mu to L = kappa mu, optionally rotated";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 2_000, "the number of variables"),
                Parameter.real("kappa", 10, 1, 1e12, "the condition number L / mu"),
                Parameter.bool("rotated", true, "whether the eigenvectors are a random rotation of the axes"),
                Parameter.integer("seed", 0, 0, Long.MAX_VALUE, "the seed of the rotation and the minimizer"),
                Parameter.real("mu", 1, 1e-12, 1e12, "the smallest eigenvalue (strong-convexity constant)"),
                Parameter.choice("spacing", "log", List.of("log", "linear"), "how eigenvalues spread from mu to L"));
    }

    /** The eigenvalues lambda_1 &lt;= ... &lt;= lambda_n for the given parameters, ends exactly mu and kappa mu. */
    public static double[] eigenvalues(int n, double kappa, double mu, String spacing) {
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0 : (double) i / (n - 1);
            lambda[i] = spacing.equals("log") ? mu * Math.pow(kappa, t) : mu * (1 + (kappa - 1) * t);
        }
        if (n > 1) {
            lambda[n - 1] = kappa * mu;
        }
        return lambda;
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        double kappa = arguments.real("kappa");
        double mu = arguments.real("mu");
        boolean rotated = arguments.bool("rotated");
        double[] lambda = eigenvalues(n, kappa, mu, arguments.text("spacing"));
        GaussianSampler sampler = new GaussianSampler(arguments.longInteger("seed"));
        double[] minimizer = new double[n];
        for (int i = 0; i < n; i++) {
            minimizer[i] = 2 * sampler.uniform() - 1;
        }
        VectorExpr x = VectorExpr.variable("x", n);
        VectorExpr d = x.minus(VectorExpr.constant(minimizer));
        Expr f;
        if (rotated) {
            f = d.dot(Matrix.of(matrix(RandomRotation.of(n, sampler), lambda)).times(d)).times(0.5);
        } else {
            f = d.square().dot(VectorExpr.constant(lambda)).times(0.5);
        }
        double[] start = minimizer.clone();
        for (int i = 0; i < n; i++) {
            start[i] += 3;
        }
        Landscape.Builder builder = Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(Box.cube(n, -5, 5))
                .minimum(0).minimizers(minimizer)
                .smoothness(lambda[n - 1]).strongConvexity(lambda[0])
                .start(start)
                .tags(Tag.CONVEX)
                .sources(Sources.NESTEROV, "Polyak, B. T. (1987). Introduction to Optimization. Optimization"
                        + " Software", "Mezzadri, F. (2007). How to generate random matrices from the classical"
                        + " compact groups. Notices of the AMS 54(5), 592-604");
        if (lambda[n - 1] / lambda[0] >= 100) {
            builder.tags(Tag.ILL_CONDITIONED);
        }
        return builder.build();
    }

    /** A = Q diag(lambda) Q^T, computed on the upper triangle and mirrored so that A is exactly symmetric. */
    private static double[][] matrix(double[][] q, double[] lambda) {
        int n = lambda.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += q[i][k] * lambda[k] * q[j][k];
                }
                a[i][j] = sum;
                a[j][i] = sum;
            }
        }
        return a;
    }
}
