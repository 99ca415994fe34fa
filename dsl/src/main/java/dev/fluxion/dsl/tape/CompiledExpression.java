package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.Objective;
import dev.fluxion.dsl.expr.Expr;
import java.util.List;

/**
 * An expression compiled for a fixed order of its variables into a flat {@link Tape}: evaluation from primitive
 * arrays with no allocation per call, gradients by reverse or forward mode, Hessians and Hessian-vector
 * products by forward over reverse. Equal sub-expressions are computed once.
 *
 * <p>A compiled expression is safe to call from many threads at once: each thread works in scratch arrays of
 * its own, made on its first call.
 *
 * <p>Example: {@code Expr.parse("(1 - x)^2 + 100*(y - x^2)^2").compile("x", "y").valueAndGradient(p, g)}.
 */
public final class CompiledExpression implements Objective {
    private final Expr expression;
    private final List<String> variables;
    private final Tape tape;
    private final GradientMode mode;
    private final ThreadLocal<Workspace> workspace;

    private CompiledExpression(Expr expression, List<String> variables, Tape tape, GradientMode mode) {
        this.expression = expression;
        this.variables = variables;
        this.tape = tape;
        if (tape.hasVectors && mode == GradientMode.FORWARD) {
            throw new DslException("forward-mode gradients are for scalar expressions; " + expression
                    + " has vector nodes: use REVERSE or AUTO");
        }
        this.mode = tape.hasVectors ? GradientMode.REVERSE : mode.resolve(tape.dimension());
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(tape));
    }

    /**
     * Compiles an expression for the given variable order; x[k] is the value of {@code variables.get(k)}, and a
     * vector variable of length m takes m consecutive slots of x.
     *
     * @throws DslException if the expression uses a variable not in the order, or the order repeats a name
     */
    public static CompiledExpression compile(Expr expression, List<String> variables, GradientMode mode) {
        Tape tape = TapeBuilder.compile(List.of(expression), variables);
        return new CompiledExpression(expression, expandedNames(expression, variables), tape, mode);
    }

    /** The variable names slot by slot: a vector variable w of length m gives w[0] ... w[m-1]. */
    private static List<String> expandedNames(Expr expression, List<String> variables) {
        java.util.Map<String, Integer> lengths = new java.util.HashMap<>();
        VectorVariables.collect(expression, lengths);
        List<String> names = new java.util.ArrayList<>();
        for (String name : variables) {
            Integer length = lengths.get(name);
            if (length == null) {
                names.add(name);
            } else {
                for (int i = 0; i < length; i++) {
                    names.add(name + "[" + i + "]");
                }
            }
        }
        return List.copyOf(names);
    }

    /** Compiles with the gradient mode chosen automatically ({@link GradientMode#AUTO}: reverse mode, as measured). */
    public static CompiledExpression compile(Expr expression, List<String> variables) {
        return compile(expression, variables, GradientMode.AUTO);
    }

    /** The same compiled tape with another gradient mode. */
    public CompiledExpression withGradientMode(GradientMode newMode) {
        return new CompiledExpression(expression, variables, tape, newMode);
    }

    /** The gradient mode in use (never AUTO: AUTO is resolved when compiling). */
    public GradientMode gradientMode() {
        return mode;
    }

    /** The expression this was compiled from. */
    public Expr expression() {
        return expression;
    }

    /** The number of nodes in the tape, partial-derivative nodes included. */
    public int tapeSize() {
        return tape.size;
    }

    @Override
    public int dimension() {
        return tape.dimension();
    }

    @Override
    public List<String> variableNames() {
        return variables;
    }

    @Override
    public double value(double[] x) {
        checkDimension(x);
        return Sweeps.value(tape, workspace.get(), x, 0);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkDimension(x);
        checkLength("gradient", gradient.length);
        Workspace w = workspace.get();
        if (mode == GradientMode.FORWARD) {
            return Sweeps.forward(tape, w, x, 0, gradient);
        }
        Sweeps.valuesWithPartials(tape, w, x);
        Sweeps.reverse(tape, w, 0, gradient);
        return w.values[tape.outputs[0]];
    }

    @Override
    public boolean hasHessian() {
        return true;
    }

    /**
     * Writes the Hessian: values once, then one Hessian-vector product per column (forward over reverse).
     * Allocates nothing after the first call on a thread.
     */
    @Override
    public void hessian(double[] x, double[][] hessian) {
        checkDimension(x);
        int n = dimension();
        if (hessian.length != n) {
            throw new DslException("the Hessian array has " + hessian.length + " rows but the objective has " + n
                    + " variables");
        }
        Sweeps.hessian(tape, workspace.get(), x, 0, hessian);
    }

    /** Writes H(x) u into {@code product} and returns f(x). */
    public double hessianVectorProduct(double[] x, double[] u, double[] product) {
        checkDimension(x);
        checkLength("direction", u.length);
        checkLength("product", product.length);
        return Sweeps.hessianVectorProduct(tape, workspace.get(), x, u, 0, null, product);
    }

    private void checkLength(String what, int length) {
        if (length != dimension()) {
            throw new DslException("the " + what + " array has length " + length + " but the objective has "
                    + dimension() + " variables " + variables);
        }
    }

    @Override
    public String toString() {
        return "compiled " + expression + " over " + variables;
    }
}
