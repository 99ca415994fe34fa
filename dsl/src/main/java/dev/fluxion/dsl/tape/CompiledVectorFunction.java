package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.function.Kinks;
import java.util.List;

/**
 * A list of expressions f_1 ... f_m compiled together into one tape for a fixed variable order, sharing their
 * common sub-expressions: values into a caller's array and the m by n Jacobian, row by row in reverse mode
 * (one shared forward sweep, then one reverse sweep per output). Safe for concurrent use.
 */
public final class CompiledVectorFunction {
    private final List<Expr> expressions;
    private final List<String> variables;
    private final Tape tape;
    private final ThreadLocal<Workspace> workspace;

    private CompiledVectorFunction(List<Expr> expressions, List<String> variables, Kinks kinks) {
        this.expressions = List.copyOf(expressions);
        this.variables = List.copyOf(variables);
        this.tape = TapeBuilder.compile(this.expressions, this.variables, kinks);
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(tape));
    }

    /** Compiles the expressions for the given variable order. */
    public static CompiledVectorFunction compile(List<Expr> expressions, List<String> variables) {
        return compile(expressions, variables, Kinks.STANDARD);
    }

    /**
     * Compiles the expressions for the given variable order, their kinks following the given convention (fixed in
     * the tape, as in {@link CompiledExpression#compile(Expr, List, Kinks)}).
     */
    public static CompiledVectorFunction compile(List<Expr> expressions, List<String> variables, Kinks kinks) {
        if (expressions.isEmpty()) {
            throw new DslException("a vector function needs at least one expression");
        }
        return new CompiledVectorFunction(expressions, variables, kinks);
    }

    /** The number of outputs m. */
    public int outputs() {
        return expressions.size();
    }

    /** The number of variables n (a vector variable of length m counts m times). */
    public int dimension() {
        return tape.dimension();
    }

    private void check(double[] x) {
        if (x.length != dimension()) {
            throw new DslException("a point of dimension " + x.length + " was given to a function of "
                    + dimension() + " variables " + variables);
        }
    }

    /** Writes f_1(x) ... f_m(x) into {@code out}. */
    public void values(double[] x, double[] out) {
        check(x);
        Workspace w = workspace.get();
        tape.load(x, w.values);
        tape.run(tape.valueOrder, w.values);
        for (int j = 0; j < out.length; j++) {
            out[j] = w.values[tape.outputs[j]];
        }
    }

    /** Writes the Jacobian J[j][k] = d f_j / d x_k into {@code jacobian} (m rows of n). */
    public void jacobian(double[] x, double[][] jacobian) {
        check(x);
        if (jacobian.length != outputs()) {
            throw new DslException("the Jacobian array has " + jacobian.length + " rows but there are " + outputs()
                    + " outputs");
        }
        Workspace w = workspace.get();
        Sweeps.valuesWithPartials(tape, w, x);
        for (int j = 0; j < outputs(); j++) {
            Sweeps.reverse(tape, w, j, jacobian[j]);
        }
    }
}
