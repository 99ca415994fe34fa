package dev.fluxion.landscapes.catalog;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.landscapes.Arguments;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeProvider;
import dev.fluxion.landscapes.Parameter;
import dev.fluxion.landscapes.Tag;
import java.util.Arrays;
import java.util.List;

/**
 * Schwefel's function 2.26 on [-500, 500]^n, f(x) = c n - sum_i x_i sin(sqrt|x_i|): separable and deceptive, its
 * best local minima far from each other, the global one at x_i = 420.9687... near the domain's corner.
 *
 * <p>Sources differ in the constant: Schwefel's original is the bare sum, with minimum -418.9829 n; the SFU
 * library adds c = 418.9829, leaving f* = 1.27e-5 n; this landscape takes c = max_t t sin(sqrt t) =
 * 418.98288727243..., computed here by Newton's method on the derivative, so that f* = 0 to rounding, as most
 * benchmark suites intend. The minimizer is refined the same way. (The dsl's derivative of sqrt|t| at t = 0 is not
 * finite, although t sin(sqrt|t|) is differentiable there; no start or minimizer sits at 0.)
 *
 * <p>Sources: Schwefel, H.-P. (1981), Numerical Optimization of Computer Models, Wiley, problem 2.26; Surjanovic
 * and Bingham (2013).
 */
public final class Schwefel implements LandscapeProvider {

    @Override
    public String name() {
        return "schwefel";
    }

    @Override
    public String description() {
        return "Schwefel 2.26: separable, deceptive; f* = 0 at x_i = 420.9687";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("dim", 2, 1, 10_000, "the number of variables"));
    }

    /** The maximizer t of t sin(sqrt t) near 420.97: a root of sin(s) + (s / 2) cos(s) = 0, s = sqrt t. */
    static double peak() {
        double s = Math.sqrt(420.9687);
        for (int k = 0; k < 50; k++) {
            double g = Math.sin(s) + 0.5 * s * Math.cos(s);
            double dg = 1.5 * Math.cos(s) - 0.5 * s * Math.sin(s);
            double next = s - g / dg;
            if (next == s) {
                break;
            }
            s = next;
        }
        return s * s;
    }

    @Override
    public Landscape create(Arguments arguments) {
        int n = arguments.integer("dim");
        double t = peak();
        double constant = t * Math.sin(Math.sqrt(t));
        VectorExpr x = VectorExpr.variable("x", n);
        Expr f = x.times(x.abs().sqrt().sin()).sum().unaryMinus().plus(constant * n);
        double[] guess = new double[n];
        Arrays.fill(guess, t);
        double[] start = new double[n];
        Arrays.fill(start, 300);
        return Landscape.builder(arguments, f, List.of("x"))
                .description(description())
                .domain(-500, 500)
                .minimizerNear(guess)
                .start(start)
                .tags(Tag.MULTIMODAL)
                .sources("Schwefel, H.-P. (1981). Numerical Optimization of Computer Models. Wiley, problem 2.26",
                        Sources.SFU, Sources.NEWTON_REFINED)
                .build();
    }
}
