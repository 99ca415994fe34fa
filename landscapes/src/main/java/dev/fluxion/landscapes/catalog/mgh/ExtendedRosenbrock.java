package dev.fluxion.landscapes.catalog.mgh;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.landscapes.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Problem 21, the extended Rosenbrock function: n even, m = n, n/2 uncoupled copies of Rosenbrock's valley,
 * f_{2i-1} = 10 (x_{2i} - x_{2i-1}^2), f_{2i} = 1 - x_{2i-1}. Start x0 = (-1.2, 1, ..., -1.2, 1), f(x0) = 12.1 n;
 * f* = 0 at (1, ..., 1), where the Hessian's condition number is about 2508 whatever n. Standard n here: 10.
 * After Spedicato (1975), as the paper gives it.
 */
final class ExtendedRosenbrock implements Problem {

    @Override
    public String name() {
        return "extended-rosenbrock";
    }

    @Override
    public int number() {
        return 21;
    }

    @Override
    public String title() {
        return "Extended Rosenbrock";
    }

    @Override
    public SizeRule sizes() {
        return SizeRule.variableN(10, 2, SizeRule.LIMIT, 2, n -> n, "m = n");
    }

    @Override
    public Residuals residuals(VectorVariable x, Size size) {
        return pairs(x);
    }

    /** The residuals 10 (x_{2i} - x_{2i-1}^2) and 1 - x_{2i-1} of each pair. */
    static Residuals pairs(VectorVariable x) {
        List<Expr> odd = new ArrayList<>();
        List<Expr> even = new ArrayList<>();
        for (int i = 0; i < x.length(); i += 2) {
            odd.add(x.get(i));
            even.add(x.get(i + 1));
        }
        VectorExpr first = VectorExpr.of(odd);
        VectorExpr second = VectorExpr.of(even);
        return Residuals.of(second.minus(first.square()).times(10)).add(first.unaryMinus().plus(1));
    }

    @Override
    public double[] start(Size size) {
        double[] x0 = new double[size.n()];
        for (int i = 0; i < x0.length; i++) {
            x0[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return x0;
    }

    @Override
    public OptionalDouble minimum(Size size) {
        return OptionalDouble.of(0);
    }

    @Override
    public List<double[]> minimizers(Size size) {
        double[] ones = new double[size.n()];
        Arrays.fill(ones, 1);
        return List.<double[]>of(ones);
    }

    @Override
    public Set<Tag> tags(Size size) {
        return Set.of(Tag.ZERO_RESIDUAL, Tag.ILL_CONDITIONED);
    }
}
