package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.Objective;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.function.Kinks;
import java.util.List;

/**
 * An expression compiled for a fixed order of its variables into a flat {@link Tape}: evaluation from primitive
 * arrays with no allocation per call, gradients by reverse mode, Hessians and Hessian-vector products by
 * forward over reverse. Equal sub-expressions are computed once. There is no forward-mode gradient: measured on
 * Beale, the smallest case where it could pay, the interpreted multi-tangent forward sweep took 29 times as long as
 * the generated reverse sweep ({@code GradientModeBenchmark}, benchmarks/README.md), so it was removed.
 *
 * <p>Where it can, compilation goes one step further and turns the tape into JVM bytecode (a hidden class, see
 * {@link #isGenerated()}): the value and the reverse-mode gradient become straight-line code over local variables,
 * and a sum over an element-wise vector expression becomes one loop that computes each element and its adjoints in
 * place, as a hand-written loop would. The generated code follows the interpreter's order of operations and its
 * conventions (kinks, zero adjoints), so both give the same numbers; {@link #interpreted()} keeps to the interpreter.
 * Hessians and Hessian-vector products of scalar expressions are generated too, on their first call
 * ({@link GeneratedHessian}): the forward-over-reverse sweep as straight-line code, with the Hessian's columns
 * compressed along its sparsity pattern (3 tangent directions for a tridiagonal Hessian); they give the interpreter's
 * numbers bit for bit, and fall back to it where a value is not finite. Hessians of expressions with vector nodes
 * use the interpreter.
 *
 * <p>A compiled expression (other than a {@link #confined()} copy) is safe to call from many threads at once:
 * generated code keeps everything in local variables, and the interpreter works in scratch arrays of each thread's
 * own, made on its first call. A {@link #confined()} copy, for one thread at a time, has scratch arrays of its own
 * instead.
 *
 * <p>Example: {@code Expr.parse("(1 - x)^2 + 100*(y - x^2)^2").compile("x", "y").valueAndGradient(p, g)}.
 */
public final class CompiledExpression implements Objective {
    private final Expr expression;
    private final List<String> variables;
    private final Tape tape;
    /** The generated code, or null when the interpreter evaluates the tape. */
    private final TapeKernel kernel;
    /** The generated Hessian, compiled on first use; null after {@link #interpreted()}. */
    private final GeneratedHessian generatedHessian;
    /** Whether the generated code keeps values in the workspace's buffers (a matrix product, a split kernel). */
    private final boolean kernelUsesWorkspace;
    /** Each thread's scratch arrays; null for a {@link #confined()} copy. */
    private final ThreadLocal<Workspace> workspace;
    /**
     * The scratch arrays of a {@link #confined()} copy, made with it when the value and gradient use them, else on
     * their first use; null otherwise.
     */
    private Workspace confinedWorkspace;

    private CompiledExpression(Expr expression, List<String> variables, Tape tape, TapeKernel kernel,
                               GeneratedHessian generatedHessian, boolean confined) {
        this.expression = expression;
        this.generatedHessian = generatedHessian;
        this.variables = variables;
        this.tape = tape;
        this.kernel = kernel;
        this.kernelUsesWorkspace = kernel != null && (kernel.isSplit() || KernelCompiler.keepsVectorsWhole(tape));
        this.workspace = confined ? null : ThreadLocal.withInitial(() -> new Workspace(tape));
        // a confined copy whose value and gradient use the buffers makes them now rather than at its first call: the
        // first call's allocation would otherwise sit (as a call, which the JIT must assume writes any memory) in the
        // loop of every caller that inlines the evaluation, so that the loop reads every field and checks every
        // dimension again at each pass (benchmarks/README.md, "A step against its floor")
        if (confined && (kernel == null || kernelUsesWorkspace)) {
            confinedWorkspace = new Workspace(tape);
        }
    }

    /**
     * The same compiled expression for use by one thread at a time, with scratch arrays of its own in place of
     * each thread's: a call skips the thread-local lookup, and the arrays are made by the caller, next to the
     * caller's other data, rather than living as long as a thread (here when its value and gradient use them, else
     * on the first call that does). Cheap to make (the tape and the generated code are shared; the arrays are the
     * size of the tape); meant for one task, such as one optimizer run. Not safe to share between threads that call
     * it at the same time.
     */
    public CompiledExpression confined() {
        return new CompiledExpression(expression, variables, tape, kernel, generatedHessian, true);
    }

    /** Whether this copy is for one thread at a time ({@link #confined()}). */
    public boolean isConfined() {
        return workspace == null;
    }

    /** The scratch arrays: a confined copy's own once made (a field read, small enough to inline), else the rest. */
    private Workspace workspace() {
        Workspace w = confinedWorkspace;
        return w != null ? w : firstOrThreadWorkspace();
    }

    /** The calling thread's scratch arrays, or a confined copy's, made now on its first call. */
    private Workspace firstOrThreadWorkspace() {
        if (workspace != null) {
            return workspace.get();
        }
        confinedWorkspace = new Workspace(tape);
        return confinedWorkspace;
    }

    /**
     * Compiles an expression for the given variable order; x[k] is the value of {@code variables.get(k)}, and a
     * vector variable of length m takes m consecutive slots of x.
     *
     * @throws DslException if the expression uses a variable not in the order, or the order repeats a name
     */
    public static CompiledExpression compile(Expr expression, List<String> variables) {
        return compile(expression, variables, Kinks.STANDARD);
    }

    /**
     * Compiles an expression whose kinks follow the given convention: relu'(0) = heaviside(0), abs'(0) = sign(0),
     * the share of a max/min tie, the slope of a root at 0. The convention is fixed in the tape (its functions are
     * {@link Kinks#bind bound} to it), so compiled expressions under different conventions can run side by side.
     */
    public static CompiledExpression compile(Expr expression, List<String> variables, Kinks kinks) {
        Tape tape = TapeBuilder.compile(List.of(expression), variables, kinks);
        return new CompiledExpression(expression, expandedNames(expression, variables), tape,
                KernelCompiler.compile(tape), new GeneratedHessian(tape), false);
    }

    /**
     * As {@link #compile(Expr, List)}, but with generated methods of at most
     * {@code largestMethod} bytes of bytecode: a small limit splits small tapes into several methods, so that tests
     * exercise split kernels cheaply.
     */
    static CompiledExpression compile(Expr expression, List<String> variables, int largestMethod) {
        Tape tape = TapeBuilder.compile(List.of(expression), variables);
        return new CompiledExpression(expression, expandedNames(expression, variables), tape,
                KernelCompiler.compile(tape, largestMethod), new GeneratedHessian(tape), false);
    }

    /** Whether the generated code is split into several methods (a long scalar tape, see {@link KernelSplit}). */
    boolean isSplit() {
        return kernel != null && kernel.isSplit();
    }

    /** The methods of a split kernel that run repeated blocks as loops ({@link RerolledLoop}). */
    int loops() {
        return kernel == null ? 0 : kernel.loops();
    }

    /** Of those, the loops that run each block's reverse steps with its forward ones ({@link RerolledLoop}). */
    int fusedLoops() {
        return kernel == null ? 0 : kernel.fusedLoops();
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

    /** The same tape evaluated by the interpreter only: the baseline of the generated code, and its reference. */
    public CompiledExpression interpreted() {
        return kernel == null && generatedHessian == null ? this
                : new CompiledExpression(expression, variables, tape, null, null, isConfined());
    }

    /**
     * Whether the value and the reverse-mode gradient run as generated bytecode. False when the tape has a node
     * the code generator does not handle (a stack, a slice of a computed vector), when a tape with vectors would
     * need a method longer than the 8000 bytes of bytecode that HotSpot still JIT-compiles (a scalar tape that
     * long is split into several methods instead), or after {@link #interpreted()}.
     */
    public boolean isGenerated() {
        return kernel != null;
    }

    /**
     * Whether {@link #hessian} runs as generated code (compiling it now if not yet done): true for scalar expressions
     * whose sweep, in as many methods as it takes, fits HotSpot's limit on compiled methods, unless
     * {@link #interpreted()}. Package-private: for tests.
     */
    boolean isHessianGenerated() {
        return generatedHessian != null && generatedHessian.hasColumns();
    }

    /** Whether {@link #hessianVectorProduct} runs as generated code, as {@link #isHessianGenerated()}. */
    boolean isHessianVectorProductGenerated() {
        return generatedHessian != null && generatedHessian.hasProduct();
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
        if (kernel != null) {
            return kernel.value(x, kernelUsesWorkspace ? workspace().values : null);
        }
        return Sweeps.value(tape, workspace(), x, 0);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkDimension(x);
        checkLength("gradient", gradient.length);
        if (kernel != null) {
            if (kernelUsesWorkspace) {
                Workspace w = workspace();
                return kernel.valueAndGradient(x, gradient, w.values, w.adjoints);
            }
            return kernel.valueAndGradient(x, gradient, null, null);
        }
        Workspace w = workspace();
        Sweeps.valuesWithPartials(tape, w, x);
        Sweeps.reverse(tape, w, 0, gradient);
        return w.values[tape.outputs[0]];
    }

    @Override
    public boolean hasHessian() {
        return true;
    }

    /**
     * Writes the Hessian: values once, then one Hessian-vector product per column (forward over reverse), or, as
     * generated code, one per colour of the Hessian's sparsity pattern ({@link HessianSparsity}), with the same
     * numbers. Allocates nothing after the first call on a thread, except to recompute an entry whose intermediate
     * tangents overflowed (ln'(x) along a unit direction at x = 1e-160 in x ln x) along a direction scaled by a
     * power of two ({@link dev.fluxion.dsl.number.SeedScaling}).
     */
    @Override
    public void hessian(double[] x, double[][] hessian) {
        checkDimension(x);
        int n = dimension();
        if (hessian.length != n) {
            throw new DslException("the Hessian array has " + hessian.length + " rows but the objective has " + n
                    + " variables");
        }
        if (generatedHessian != null && generatedHessian.hessian(x, hessian)) {
            return;
        }
        Sweeps.hessian(tape, workspace(), x, 0, hessian);
    }

    /**
     * Writes H(x) u into {@code product} and returns f(x); an entry whose intermediate tangents overflowed is
     * recomputed along 2^-k u, as in {@link #hessian(double[], double[][])}.
     */
    public double hessianVectorProduct(double[] x, double[] u, double[] product) {
        checkDimension(x);
        checkLength("direction", u.length);
        checkLength("product", product.length);
        if (generatedHessian != null) {
            double value = generatedHessian.hessianVectorProduct(x, u, product);
            if (!Double.isNaN(value)) {
                return value;
            }
        }
        return Sweeps.hessianVectorProduct(tape, workspace(), x, u, 0, null, product);
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
