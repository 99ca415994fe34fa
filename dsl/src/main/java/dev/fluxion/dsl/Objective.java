package dev.fluxion.dsl;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * The contract between what is minimized and what minimizes it: a function R^n -&gt; R with its gradient, and
 * optional capabilities that some optimizers use.
 *
 * <p>Required: {@link #dimension()}, {@link #value(double[])} and {@link #valueAndGradient(double[], double[])},
 * which writes the gradient into the caller's array and returns the value. Optional, each with a default
 * that says it is absent: the Hessian, a Riemannian {@link Metric} such as the Fisher information, and the
 * smoothness constant L (Lipschitz constant of the gradient) and strong-convexity constant mu.
 *
 * <p>A compiled expression is an Objective ({@code Expr.compile(...)}); a hand-written class may implement it
 * too. Implementations should be safe to call from several threads at once, unless they say they are for one
 * thread at a time (as {@link dev.fluxion.dsl.tape.CompiledExpression#confined()} copies are).
 */
public interface Objective {

    /** The number of variables n. */
    int dimension();

    /** f(x), for x of length {@link #dimension()}. */
    double value(double[] x);

    /** Writes grad f(x) into {@code gradient} (length n) and returns f(x). */
    double valueAndGradient(double[] x, double[] gradient);

    /** The variable names, in the order of x's components; by default x0, x1, .... */
    default List<String> variableNames() {
        return IntStream.range(0, dimension()).mapToObj(i -> "x" + i).toList();
    }

    /** Whether {@link #hessian(double[], double[][])} is available. */
    default boolean hasHessian() {
        return false;
    }

    /**
     * Writes the Hessian of f at x into {@code hessian} (n by n).
     *
     * @throws DslException if this objective has no Hessian ({@link #hasHessian()} is false)
     */
    default void hessian(double[] x, double[][] hessian) {
        throw new DslException(getClass().getSimpleName() + " has no Hessian; compile the objective from an"
                + " expression or implement hessian(x, out)");
    }

    /** A metric for natural-gradient methods, such as the Fisher information, if this objective has one. */
    default Optional<Metric> metric() {
        return Optional.empty();
    }

    /** The global minimum value f*, if known (a test landscape's facts, say); a Polyak step may use it. */
    default OptionalDouble minimum() {
        return OptionalDouble.empty();
    }

    /** The smoothness constant L (||grad f(x) - grad f(y)|| &lt;= L ||x - y||), if known. */
    default OptionalDouble smoothness() {
        return OptionalDouble.empty();
    }

    /** The strong-convexity constant mu, if known. */
    default OptionalDouble strongConvexity() {
        return OptionalDouble.empty();
    }

    /** Checks that x has this objective's dimension, naming both if not. */
    default void checkDimension(double[] x) {
        if (x.length != dimension()) {
            throw new DslException("a point of dimension " + x.length + " was given to an objective of dimension "
                    + dimension() + " (variables " + variableNames() + ")");
        }
    }
}
