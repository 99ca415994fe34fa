package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.Kinks;
import dev.fluxion.dsl.function.UnaryFunction;
import dev.fluxion.dsl.number.Algebra;
import dev.fluxion.dsl.number.Real;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * An immutable expression tree of variables, constants and functions.
 *
 * <p>An expression is an {@link Algebra}, so it is built with the same operations as any number
 * ({@code x.times(y).plus(x.sin())} in Java, {@code x * y + sin(x)} in Kotlin), and a derivative rule applied to
 * expressions yields the symbolic derivative. It is not a {@link Real}: without a point it has no numeric value,
 * so asking for one does not compile ({@link #valueAt(Point)} evaluates; a {@link Constant} has its value).
 * Construction simplifies locally (constant folding, 0 and 1 identities, merging powers of the same base) so that
 * derivatives do not swell.
 *
 * <p>Evaluation walks the tree on any {@link Real}: doubles for values, {@code Dual} for gradients,
 * {@code HyperDual} for Hessians, {@code Jet} for higher derivatives. Shared sub-expressions are evaluated once.
 */
public sealed interface Expr extends Algebra<Expr>, Node permits Variable, Constant, UnaryCall, BinaryCall, Reduction {

    /** The variable with this name. */
    static Variable variable(String name) {
        return new Variable(name);
    }

    /** The constant c. */
    static Constant constant(double c) {
        return new Constant(c);
    }

    /** Parses a formula such as {@code "(1.5 - x + x*y)^2 + exp(-x^2/2)"}; errors name the column. */
    static Expr parse(String formula) {
        return FormulaParser.parse(formula);
    }

    @Override
    default Expr lift(double constant) {
        return new Constant(constant);
    }

    @Override
    default Expr plus(Expr other) {
        return Simplifier.apply(dev.fluxion.dsl.function.Binary.ADD, this, other);
    }

    @Override
    default Expr minus(Expr other) {
        return Simplifier.apply(dev.fluxion.dsl.function.Binary.SUB, this, other);
    }

    @Override
    default Expr times(Expr other) {
        return Simplifier.apply(dev.fluxion.dsl.function.Binary.MUL, this, other);
    }

    @Override
    default Expr div(Expr other) {
        return Simplifier.apply(dev.fluxion.dsl.function.Binary.DIV, this, other);
    }

    @Override
    default Expr unaryMinus() {
        return Simplifier.apply(dev.fluxion.dsl.function.Unary.NEG, this);
    }

    @Override
    default Expr apply(UnaryFunction f) {
        return Simplifier.apply(f, this);
    }

    @Override
    default Expr apply(BinaryFunction f, Expr other) {
        return Simplifier.apply(f, this, other);
    }

    /**
     * Visits every distinct node of this expression once, children before parents: the scalar nodes
     * ({@link Expr}) and the vector nodes ({@link VectorExpr}) of any reductions.
     */
    default void visitNodes(java.util.function.Consumer<Node> visitor) {
        NodeWalk.visit(this, visitor);
    }

    /** The variables this expression mentions, sorted by name. */
    default SortedSet<String> variables() {
        return Evaluator.variables(this);
    }

    /**
     * Evaluates on any {@link Real}, with each variable bound to a number of that kind.
     *
     * @throws DslException naming a variable that the bindings leave unbound
     */
    default <T extends Real<T>> T evaluate(Map<String, T> bindings) {
        return Evaluator.evaluate(this, bindings, Kinks.STANDARD);
    }

    /**
     * Evaluates on any {@link Real} under a chosen convention for kinks: every function is applied
     * {@link Kinks#bind bound} to it, so the derivative parts of the numbers follow it at every order.
     */
    default <T extends Real<T>> T evaluate(Map<String, T> bindings, Kinks kinks) {
        return Evaluator.evaluate(this, bindings, kinks);
    }

    /** The value at a point. */
    default double valueAt(Point point) {
        return Evaluator.valueAt(this, point, Kinks.STANDARD);
    }

    /** The value at a point under a chosen convention for kinks (sign and heaviside at 0, the cusp slope). */
    default double valueAt(Point point, Kinks kinks) {
        return Evaluator.valueAt(this, point, kinks);
    }

    /** The symbolic derivative by a variable, simplified. */
    default Expr derivative(String variable) {
        return Differentiator.derivative(this, variable);
    }

    /** The symbolic derivative by a variable, simplified. */
    default Expr derivative(Variable variable) {
        return derivative(variable.name());
    }

    /** The symbolic gradient: one derivative per variable, in the order given. */
    default List<Expr> gradient(List<String> variables) {
        return variables.stream().map(this::derivative).toList();
    }

    /** The gradient at a point by dual numbers, in the order of {@code variables}. */
    default double[] gradientAt(Point point, List<String> variables) {
        return Derivatives.gradient(this, point, variables, Kinks.STANDARD);
    }

    /** The gradient at a point by dual numbers, variables in sorted order. */
    default double[] gradientAt(Point point) {
        return gradientAt(point, List.copyOf(variables()));
    }

    /** The gradient at a point under a chosen convention for kinks. */
    default double[] gradientAt(Point point, List<String> variables, Kinks kinks) {
        return Derivatives.gradient(this, point, variables, kinks);
    }

    /**
     * Value and gradient at a point, variables in sorted order, with every sub-expression checked: the result
     * names the first node, bottom-up, whose value or derivative came out NaN or infinite from finite inputs.
     * {@code f.checkedAt(point).orThrow()} turns that into a {@link DslException}.
     */
    default CheckedEvaluation checkedAt(Point point) {
        return checkedAt(point, List.copyOf(variables()));
    }

    /** The checked value and gradient at a point, in the order of {@code variables}. */
    default CheckedEvaluation checkedAt(Point point, List<String> variables) {
        return CheckedEvaluator.evaluate(this, point, variables, Kinks.STANDARD);
    }

    /** The checked value and gradient at a point under a chosen convention for kinks. */
    default CheckedEvaluation checkedAt(Point point, List<String> variables, Kinks kinks) {
        return CheckedEvaluator.evaluate(this, point, variables, kinks);
    }

    /**
     * The Hessian at a point by hyper-dual numbers, exact to rounding, in the order of {@code variables}. An entry
     * whose intermediate terms overflow (ln''(x) = -1/x^2 in x ln x at x = 1e-160) is recomputed from seeds scaled
     * by a power of two ({@link dev.fluxion.dsl.number.SeedScaling}), so it is infinite only if the second derivative
     * itself is beyond the range of doubles.
     */
    default double[][] hessianAt(Point point, List<String> variables) {
        return Derivatives.hessian(this, point, variables, Kinks.STANDARD);
    }

    /** The Hessian at a point by hyper-dual numbers under a chosen convention for kinks. */
    default double[][] hessianAt(Point point, List<String> variables, Kinks kinks) {
        return Derivatives.hessian(this, point, variables, kinks);
    }

    /** The directional derivative grad f . v at a point, by one dual evaluation. */
    default double directionalDerivativeAt(Point point, Map<String, Double> direction) {
        return Derivatives.directional(this, point, direction, Kinks.STANDARD);
    }

    /** The directional derivative grad f . v at a point under a chosen convention for kinks. */
    default double directionalDerivativeAt(Point point, Map<String, Double> direction, Kinks kinks) {
        return Derivatives.directional(this, point, direction, kinks);
    }

    /**
     * The n-th derivative of a one-variable expression at x, from a Taylor jet of order n; for n &gt;= 2 a result
     * whose intermediate terms overflow is recomputed from a seed scaled by a power of two, as in
     * {@link #hessianAt(Point, List)}.
     *
     * @throws DslException if the expression has more than one variable or n is negative
     */
    default double nthDerivativeAt(double x, int n) {
        return Derivatives.nth(this, x, n, Kinks.STANDARD);
    }

    /**
     * The n-th derivative of a one-variable expression at x under a chosen convention for kinks: at a kink every
     * order follows it (relu''(0) = 0, |x|'(0) = {@code signAtZero}).
     *
     * @throws DslException if the expression has more than one variable or n is negative
     */
    default double nthDerivativeAt(double x, int n, Kinks kinks) {
        return Derivatives.nth(this, x, n, kinks);
    }

    /** The Jacobian of a list of expressions at a point: row i is the gradient of expression i. */
    static double[][] jacobianAt(List<Expr> functions, Point point, List<String> variables) {
        return Derivatives.jacobian(functions, point, variables, Kinks.STANDARD);
    }

    /** The Jacobian of a list of expressions at a point under a chosen convention for kinks. */
    static double[][] jacobianAt(List<Expr> functions, Point point, List<String> variables, Kinks kinks) {
        return Derivatives.jacobian(functions, point, variables, kinks);
    }

    /**
     * Compiles this expression for a fixed variable order into a flat tape: values, gradients, Hessians and
     * Hessian-vector products from primitive arrays with no allocation per call. The result is an
     * {@link dev.fluxion.dsl.Objective}.
     */
    default dev.fluxion.dsl.tape.CompiledExpression compile(List<String> variableOrder) {
        return dev.fluxion.dsl.tape.CompiledExpression.compile(this, variableOrder);
    }

    /** Compiles for a fixed variable order, with the kinks following the given convention (see {@link Kinks}). */
    default dev.fluxion.dsl.tape.CompiledExpression compile(List<String> variableOrder, Kinks kinks) {
        return dev.fluxion.dsl.tape.CompiledExpression.compile(this, variableOrder, kinks);
    }

    /** Compiles for the variable order given. */
    default dev.fluxion.dsl.tape.CompiledExpression compile(String... variableOrder) {
        return compile(List.of(variableOrder));
    }

    /** Prints as LaTeX, such as {@code \frac{x}{2} + \sin\left(x\right)}. */
    default String toLatex() {
        return LatexPrinter.print(this);
    }
}
