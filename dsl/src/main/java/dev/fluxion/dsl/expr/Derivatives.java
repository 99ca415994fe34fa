package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.function.Kinks;
import dev.fluxion.dsl.number.Dual;
import dev.fluxion.dsl.number.HyperDual;
import dev.fluxion.dsl.number.Jet;
import dev.fluxion.dsl.number.SeedScaling;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Numeric derivatives of expressions by evaluating them on derivative-carrying numbers: gradients and
 * directional derivatives on {@link Dual}, Hessians on {@link HyperDual}, n-th derivatives on {@link Jet}.
 */
final class Derivatives {
    private Derivatives() {
    }

    /** Checks that every variable of the expression has a value and that no differentiation variable repeats. */
    static void checkBound(Expr f, Point point, List<String> variables) {
        for (String name : f.variables()) {
            if (!point.binds(name)) {
                throw new DslException("variable '" + name + "' of " + f + " is not bound; the point binds "
                        + point.names());
            }
        }
        if (variables.stream().distinct().count() != variables.size()) {
            throw new DslException("the differentiation variables " + variables + " repeat a name");
        }
        for (String name : variables) {
            if (!point.binds(name)) {
                throw new DslException("cannot differentiate by '" + name + "': the point binds only "
                        + point.names());
            }
        }
    }

    static double[] gradient(Expr f, Point point, List<String> variables, Kinks kinks) {
        checkBound(f, point, variables);
        double[] gradient = new double[variables.size()];
        for (int i = 0; i < gradient.length; i++) {
            String seeded = variables.get(i);
            gradient[i] = f.evaluate(dualBindings(f, point, name -> name.equals(seeded) ? 1.0 : 0.0), kinks).tangent();
        }
        return gradient;
    }

    static double directional(Expr f, Point point, Map<String, Double> direction, Kinks kinks) {
        checkBound(f, point, List.copyOf(direction.keySet()));
        return f.evaluate(dualBindings(f, point, name -> direction.getOrDefault(name, 0.0)), kinks).tangent();
    }

    private static Map<String, Dual> dualBindings(Expr f, Point point,
                                                  java.util.function.ToDoubleFunction<String> tangent) {
        Map<String, Dual> bindings = new HashMap<>();
        for (String name : f.variables()) {
            bindings.put(name, new Dual(point.get(name), tangent.applyAsDouble(name)));
        }
        if (bindings.isEmpty()) {
            bindings.put("_", Dual.constant(0));
        }
        return bindings;
    }

    /**
     * The Hessian entry by entry, each from one hyper-dual evaluation with x_i seeded in e1 and x_j in e2. An
     * entry that comes out infinite or NaN is recomputed from seeds 2^-k ({@link SeedScaling}): the cross part
     * is bilinear in the seeds, and an intermediate such as ln''(x) = -1/x^2 at x = 1e-160 may overflow where
     * the entry (1/x for x ln x) does not.
     */
    static double[][] hessian(Expr f, Point point, List<String> variables, Kinks kinks) {
        checkBound(f, point, variables);
        int n = variables.size();
        double[][] hessian = new double[n][n];
        SortedSet<String> names = f.variables();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                String first = variables.get(i);
                String second = variables.get(j);
                double entry = SeedScaling.rescued(crossPart(f, names, point, first, second, 1, kinks), 2,
                        SeedScaling.MAX_EXPONENT,
                        k -> crossPart(f, names, point, first, second, Math.scalb(1.0, -k), kinks));
                hessian[i][j] = entry;
                hessian[j][i] = entry;
            }
        }
        return hessian;
    }

    /** The cross part of f on hyper-duals with {@code first} seeded s in e1 and {@code second} s in e2. */
    private static double crossPart(Expr f, SortedSet<String> names, Point point, String first, String second,
                                    double seed, Kinks kinks) {
        Map<String, HyperDual> bindings = new HashMap<>();
        for (String name : names) {
            double e1 = name.equals(first) ? seed : 0;
            double e2 = name.equals(second) ? seed : 0;
            bindings.put(name, new HyperDual(point.get(name), e1, e2, 0));
        }
        if (bindings.isEmpty()) {
            bindings.put("_", HyperDual.constant(0));
        }
        return f.evaluate(bindings, kinks).cross();
    }

    /**
     * The n-th derivative from a jet of order n seeded x + t. For n &gt;= 2 a non-finite result is recomputed from
     * x + 2^-k t ({@link SeedScaling}; the n-th coefficient is of degree n in the seed), as for the Hessian.
     */
    static double nth(Expr f, double x, int n, Kinks kinks) {
        if (n < 0) {
            throw new DslException("derivative order must be >= 0, got " + n);
        }
        SortedSet<String> names = f.variables();
        if (names.size() > 1) {
            throw new DslException("the n-th derivative needs a one-variable expression; " + f + " has variables "
                    + names);
        }
        if (names.isEmpty()) {
            // A closed expression such as sin(2) is not a Constant node, so it is evaluated, not asked for value().
            return n == 0 ? f.valueAt(Point.of(), kinks) : 0.0;
        }
        String name = names.first();
        double derivative = f.evaluate(Map.of(name, Jet.variable(x, n)), kinks).derivative(n);
        if (n < 2) {
            return derivative;
        }
        return SeedScaling.rescued(derivative, n, SeedScaling.MAX_EXPONENT, k -> {
            double[] seeded = new double[n + 1];
            seeded[0] = x;
            seeded[1] = Math.scalb(1.0, -k);
            return f.evaluate(Map.of(name, Jet.of(seeded)), kinks).derivative(n);
        });
    }

    static double[][] jacobian(List<Expr> functions, Point point, List<String> variables, Kinks kinks) {
        double[][] jacobian = new double[functions.size()][];
        for (int i = 0; i < jacobian.length; i++) {
            jacobian[i] = gradient(functions.get(i), point, variables, kinks);
        }
        return jacobian;
    }
}
