package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.BinaryCall;
import dev.fluxion.dsl.expr.Broadcast;
import dev.fluxion.dsl.expr.Constant;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.expr.Node;
import dev.fluxion.dsl.expr.NodeVisitor;
import dev.fluxion.dsl.expr.NodeWalk;
import dev.fluxion.dsl.expr.MatrixProduct;
import dev.fluxion.dsl.expr.Reduction;
import dev.fluxion.dsl.expr.Slice;
import dev.fluxion.dsl.expr.Stack;
import dev.fluxion.dsl.expr.UnaryCall;
import dev.fluxion.dsl.expr.Variable;
import dev.fluxion.dsl.expr.VectorConstant;
import dev.fluxion.dsl.expr.VectorExpr;
import dev.fluxion.dsl.expr.VectorMap;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.dsl.expr.VectorZip;
import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.Kinks;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.function.UnaryFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles expressions into a {@link Tape}: one node per distinct sub-expression (structurally equal
 * sub-expressions are computed once), partial-derivative nodes for every function node to the depth a Hessian
 * needs, the buffer layout, and the schedules of each mode.
 */
final class TapeBuilder implements NodeVisitor<Integer> {
    /**
     * The identity of a node for common-sub-expression elimination. The length is part of it: two slices from the
     * same start, or two broadcasts of one scalar, differ only in their lengths.
     */
    private record Key(int op, int left, int right, Object payload, long bits, int length) {
    }

    /** The arrays of a finished tape. */
    record Frozen(int size, int bufferLength, boolean hasVectors, int[] op, int[] left, int[] right,
                  int[] firstPartial, int[] secondPartial, int[] offset, int[] length, int[] extra,
                  int[] stackArguments, Matrix[] matrix, double[] constants, UnaryFunction[] unary,
                  BinaryFunction[] binary, int[] inputPosition, int[] outputs, int[] valueOrder,
                  int[] gradientOrder, int[] hessianOrder, int[] tangentOrder, int[] reverseOrder) {
    }

    /** Where each input variable starts among the slots of x, and how many slots it takes. */
    private record Slots(int start, int count) {
    }

    private final Map<String, Slots> slotsOf = new HashMap<>();
    private final int dimension;
    /** The convention every function on the tape is bound to, and so its partial-derivative nodes. */
    private final Kinks kinks;
    private final Map<Key, Integer> nodeOf = new HashMap<>();
    private final Map<Node, Integer> seen = new IdentityHashMap<>();
    private final List<Node> expressionOf = new ArrayList<>();
    private final List<Object> payload = new ArrayList<>();
    private int[] op = new int[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] firstPartial = new int[64];
    private int[] secondPartial = new int[64];
    private int[] length = new int[64];
    private int[] extra = new int[64];
    private double[] constant = new double[64];
    private int size;

    private TapeBuilder(List<String> variables, Map<String, Integer> vectorLengths, Kinks kinks) {
        this.kinks = kinks;
        int next = 0;
        for (String name : variables) {
            int count = vectorLengths.getOrDefault(name, 1);
            if (slotsOf.put(name, new Slots(next, count)) != null) {
                throw new DslException("the variable order " + variables + " names '" + name + "' twice");
            }
            next += count;
        }
        dimension = next;
    }

    /**
     * Compiles the outputs for the given variable order. A vector variable in the order takes as many
     * consecutive slots of x as it has elements.
     */
    static Tape compile(List<Expr> outputs, List<String> variables) {
        return compile(outputs, variables, Kinks.STANDARD);
    }

    /** Compiles the outputs with every function bound to a convention for kinks ({@link Kinks#bind}). */
    static Tape compile(List<Expr> outputs, List<String> variables, Kinks kinks) {
        Map<String, Integer> vectorLengths = new HashMap<>();
        for (Expr output : outputs) {
            VectorVariables.collect(output, vectorLengths);
        }
        TapeBuilder builder = new TapeBuilder(variables, vectorLengths, kinks);
        for (Expr output : outputs) {
            for (String name : VectorVariables.scalarAndVectorNames(output)) {
                if (!builder.slotsOf.containsKey(name)) {
                    throw new DslException("variable '" + name + "' of " + output + " is not in the variable order "
                            + variables);
                }
            }
        }
        int[] roots = new int[outputs.size()];
        for (int j = 0; j < roots.length; j++) {
            roots[j] = builder.add(outputs.get(j));
        }
        return new Tape(builder.finish(roots));
    }

    /**
     * Adds the nodes of an expression not yet on the tape, children before parents, without recursion (so a chain
     * of 100,000 terms compiles as well as a short one), and returns the root's node.
     */
    private int add(Node root) {
        NodeWalk.postOrder(root, TapeBuilder::arguments, seen::containsKey, e -> seen.put(e, e.accept(this)));
        return seen.get(root);
    }

    /** The node of an expression already added. */
    private int added(Node e) {
        return seen.get(e);
    }

    /**
     * The sub-expressions a node is compiled from: its children, except a constant that a vector node keeps in
     * its own slot (a broadcast constant, the constant of a scale or shift), which gets no node of its own.
     */
    private static List<? extends Node> arguments(Node e) {
        if (e instanceof Broadcast b && b.scalar() instanceof Constant) {
            return List.of();
        }
        if (e instanceof VectorZip z && byConstantOnRight(z)) {
            return List.of(z.left());
        }
        if (e instanceof VectorZip z && byConstantOnLeft(z)) {
            return List.of(z.right());
        }
        return e.children();
    }

    @Override
    public Integer constant(Constant c) {
        return node(Tape.CONSTANT, -1, -1, null, Double.doubleToRawLongBits(c.value()), c.value(), 1, c);
    }

    @Override
    public Integer variable(Variable v) {
        return node(Tape.INPUT, slotsOf.get(v.name()).start(), -1, null, 0, 0, 1, v);
    }

    @Override
    public Integer unary(UnaryCall u) {
        int a = added(u.argument());
        if (u.function() == Unary.NEG) {
            return node(Tape.NEG, a, -1, null, 0, 0, 1, u);
        }
        return isSquare(u.function()) ? node(Tape.SQUARE, a, -1, null, 0, 0, 1, u)
                : node(Tape.UNARY, a, -1, kinks.bind(u.function()), 0, 0, 1, u);
    }

    @Override
    public Integer binary(BinaryCall b) {
        int a = added(b.left());
        int c = added(b.right());
        int code = arithmeticCode(b.function());
        return node(code, a, c, code == Tape.BINARY ? kinks.bind(b.function()) : null, 0, 0, 1, b);
    }

    @Override
    public Integer reduction(Reduction r) {
        int a = added(r.argument());
        int code = switch (r.kind()) {
            case SUM -> Tape.SUM;
            case LOG_SUM_EXP -> Tape.LOG_SUM_EXP;
            case ELEMENT -> Tape.ELEMENT;
        };
        int node = node(code, a, -1, null, r.index(), 0, 1, r);
        extra[node] = r.index();
        return node;
    }

    @Override
    public Integer vectorVariable(VectorVariable v) {
        return node(Tape.VECTOR_INPUT, slotsOf.get(v.name()).start(), -1, null, 0, 0, v.length(), v);
    }

    @Override
    public Integer vectorConstant(VectorConstant c) {
        return node(Tape.VECTOR_CONSTANT, -1, -1, c.values(), 0, 0, c.length(), c);
    }

    @Override
    public Integer broadcast(Broadcast b) {
        int n = b.length();
        if (b.scalar() instanceof Constant c) {
            double[] filled = new double[n];
            Arrays.fill(filled, c.value());
            return node(Tape.VECTOR_CONSTANT, -1, -1, filled, Double.doubleToRawLongBits(c.value()), 0, n, b);
        }
        return node(Tape.BROADCAST, added(b.scalar()), -1, null, 0, 0, n, b);
    }

    @Override
    public Integer map(VectorMap m) {
        int n = m.length();
        int a = added(m.argument());
        if (m.function() == Unary.NEG) {
            return node(Tape.VECTOR_NEG, a, -1, null, 0, 0, n, m);
        }
        return isSquare(m.function()) ? node(Tape.VECTOR_SQUARE, a, -1, null, 0, 0, n, m)
                : node(Tape.VECTOR_UNARY, a, -1, kinks.bind(m.function()), 0, 0, n, m);
    }

    @Override
    public Integer zip(VectorZip z) {
        int n = z.length();
        if (byConstantOnRight(z)) {
            double c = constantOf(z.right());
            int code = z.function() == Binary.MUL ? Tape.VECTOR_SCALE : Tape.VECTOR_SHIFT;
            double k = z.function() == Binary.SUB ? -c : c;
            return node(code, added(z.left()), -1, null, Double.doubleToRawLongBits(k), k, n, z);
        }
        if (byConstantOnLeft(z)) {
            double c = constantOf(z.left());
            int code = z.function() == Binary.MUL ? Tape.VECTOR_SCALE : Tape.VECTOR_SHIFT;
            return node(code, added(z.right()), -1, null, Double.doubleToRawLongBits(c), c, n, z);
        }
        int a = added(z.left());
        int c = added(z.right());
        int code = arithmeticCode(z.function());
        int vectorCode = code - Tape.ADD + Tape.VECTOR_ADD;
        return node(vectorCode, a, c, code == Tape.BINARY ? kinks.bind(z.function()) : null, 0, 0, n, z);
    }

    @Override
    public Integer product(MatrixProduct p) {
        return node(Tape.MATRIX_PRODUCT, added(p.vector()), -1, p.matrix(), 0, 0, p.length(), p);
    }

    @Override
    public Integer slice(Slice s) {
        int node = node(Tape.SLICE, added(s.vector()), -1, null, s.from(), 0, s.length(), s);
        extra[node] = s.from();
        return node;
    }

    @Override
    public Integer stack(Stack s) {
        int n = s.length();
        int[] arguments = new int[n];
        for (int j = 0; j < n; j++) {
            arguments[j] = added(s.elements().get(j));
        }
        return node(Tape.STACK, -1, -1, new StackArguments(arguments), 0, 0, n, s);
    }

    /** The argument nodes of a stack, compared by content for common-sub-expression elimination. */
    private record StackArguments(int[] nodes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StackArguments s && Arrays.equals(nodes, s.nodes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(nodes);
        }
    }

    /** Whether z is v * c, v + c or v - c for a broadcast constant c: a scale or a shift of v. */
    private static boolean byConstantOnRight(VectorZip z) {
        return constantOf(z.right()) != null
                && (z.function() == Binary.MUL || z.function() == Binary.ADD || z.function() == Binary.SUB);
    }

    /** Whether z is c * v or c + v for a broadcast constant c: a scale or a shift of v. */
    private static boolean byConstantOnLeft(VectorZip z) {
        return constantOf(z.left()) != null && (z.function() == Binary.MUL || z.function() == Binary.ADD);
    }

    /** The constant of a broadcast constant, or null: v * c and v + c compile to one pass with no data vector. */
    private static Double constantOf(VectorExpr v) {
        return v instanceof Broadcast b && b.scalar() instanceof Constant c ? c.value() : null;
    }

    /** x^2 is compiled as its own operation, like + and *: the most common power in a loss. */
    private static boolean isSquare(UnaryFunction f) {
        return f instanceof dev.fluxion.dsl.function.PowerOf p && p.exponent() == 2;
    }

    private static int arithmeticCode(BinaryFunction f) {
        if (f == Binary.ADD) {
            return Tape.ADD;
        }
        if (f == Binary.SUB) {
            return Tape.SUB;
        }
        if (f == Binary.MUL) {
            return Tape.MUL;
        }
        if (f == Binary.DIV) {
            return Tape.DIV;
        }
        return Tape.BINARY;
    }

    private int node(int code, int a, int b, Object p, long bits, double c, int n, Node e) {
        Key key = new Key(code, a, b, p instanceof double[] ? new IdentityKey(p) : p, bits, n);
        if (code == Tape.VECTOR_CONSTANT && e instanceof Broadcast) {
            key = new Key(code, -1, -2, null, bits, n);
        }
        Integer known = nodeOf.get(key);
        if (known != null) {
            return known;
        }
        if (size == op.length) {
            int capacity = size * 2;
            op = Arrays.copyOf(op, capacity);
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
            firstPartial = Arrays.copyOf(firstPartial, capacity);
            secondPartial = Arrays.copyOf(secondPartial, capacity);
            length = Arrays.copyOf(length, capacity);
            extra = Arrays.copyOf(extra, capacity);
            constant = Arrays.copyOf(constant, capacity);
        }
        int i = size++;
        op[i] = code;
        left[i] = a;
        right[i] = b;
        firstPartial[i] = -1;
        secondPartial[i] = -1;
        length[i] = n;
        extra[i] = 0;
        constant[i] = c;
        payload.add(p);
        expressionOf.add(e);
        nodeOf.put(key, i);
        return i;
    }

    /** Compares data arrays by identity. */
    private record IdentityKey(Object array) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.array == array;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(array);
        }
    }

    /** Adds the partial-derivative nodes of node i, from the function's own derivative rule. */
    private void addPartials(int i) {
        boolean hasPartials = op[i] == Tape.UNARY || op[i] == Tape.BINARY || op[i] == Tape.VECTOR_UNARY
                || op[i] == Tape.VECTOR_BINARY;
        if (firstPartial[i] >= 0 || !hasPartials) {
            return;
        }
        // Each partial node is added before it is stored: adding may grow (replace) the arrays, and Java evaluates
        // the array of "firstPartial[i] = add(...)" before the call, so the store would go to the old array.
        Node argument = expressionOf.get(left[i]);
        int first;
        int second = -1;
        switch (op[i]) {
            case Tape.UNARY -> first = add(((UnaryFunction) payload.get(i)).derivative((Expr) argument));
            case Tape.VECTOR_UNARY -> first = add(((UnaryFunction) payload.get(i)).derivative((VectorExpr) argument));
            case Tape.BINARY -> {
                BinaryFunction f = (BinaryFunction) payload.get(i);
                Expr a = (Expr) argument;
                Expr b = (Expr) expressionOf.get(right[i]);
                first = add(f.partialFirst(a, b));
                second = add(f.partialSecond(a, b));
            }
            case Tape.VECTOR_BINARY -> {
                BinaryFunction f = (BinaryFunction) payload.get(i);
                VectorExpr a = (VectorExpr) argument;
                VectorExpr b = (VectorExpr) expressionOf.get(right[i]);
                first = add(f.partialFirst(a, b));
                second = add(f.partialSecond(a, b));
            }
            default -> throw new IllegalStateException("node " + i + " has no partials");
        }
        firstPartial[i] = first;
        secondPartial[i] = second;
    }

    private int[] argumentsOf(int i) {
        return switch (op[i]) {
            case Tape.CONSTANT, Tape.INPUT, Tape.VECTOR_CONSTANT, Tape.VECTOR_INPUT -> new int[0];
            case Tape.ADD, Tape.SUB, Tape.MUL, Tape.DIV, Tape.BINARY, Tape.VECTOR_ADD, Tape.VECTOR_SUB,
                    Tape.VECTOR_MUL, Tape.VECTOR_DIV, Tape.VECTOR_BINARY -> new int[] {left[i], right[i]};
            case Tape.STACK -> ((StackArguments) payload.get(i)).nodes();
            default -> new int[] {left[i]};
        };
    }

    /** Marks the nodes reachable from the given nodes through their arguments. */
    private BitSet closure(BitSet from) {
        BitSet reached = new BitSet(size);
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        from.stream().forEach(stack::push);
        while (!stack.isEmpty()) {
            int i = stack.pop();
            if (reached.get(i)) {
                continue;
            }
            reached.set(i);
            for (int a : argumentsOf(i)) {
                stack.push(a);
            }
        }
        return reached;
    }

    /** The partial nodes of every function node in the level, built on demand. */
    private BitSet partialsOf(BitSet level) {
        BitSet partials = new BitSet();
        for (int i = level.nextSetBit(0); i >= 0; i = level.nextSetBit(i + 1)) {
            addPartials(i);
            if (firstPartial[i] >= 0) {
                partials.set(firstPartial[i]);
            }
            if (secondPartial[i] >= 0) {
                partials.set(secondPartial[i]);
            }
        }
        return partials;
    }

    private Frozen finish(int[] roots) {
        BitSet rootSet = new BitSet();
        for (int r : roots) {
            rootSet.set(r);
        }
        BitSet level0 = closure(rootSet);
        BitSet upTo1 = closure(partialsOf(level0));
        upTo1.or(level0);
        BitSet level1 = (BitSet) upTo1.clone();
        level1.andNot(level0);
        BitSet upTo2 = closure(partialsOf(level1));
        upTo2.or(upTo1);

        int[] offset = new int[size];
        int next = size;
        boolean hasVectors = false;
        for (int i = 0; i < size; i++) {
            if (Tape.isVector(op[i])) {
                offset[i] = next;
                next += length[i];
                hasVectors = true;
            } else {
                offset[i] = i;
            }
        }
        double[] constants = new double[next];
        int[] inputPosition = new int[dimension];
        Arrays.fill(inputPosition, -1);
        UnaryFunction[] unary = new UnaryFunction[size];
        BinaryFunction[] binary = new BinaryFunction[size];
        Matrix[] matrix = new Matrix[size];
        List<Integer> stackPool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            switch (op[i]) {
                case Tape.CONSTANT, Tape.VECTOR_SCALE, Tape.VECTOR_SHIFT -> constants[i] = constant[i];
                case Tape.INPUT -> inputPosition[left[i]] = i;
                case Tape.VECTOR_INPUT -> {
                    for (int j = 0; j < length[i]; j++) {
                        inputPosition[left[i] + j] = offset[i] + j;
                    }
                }
                case Tape.VECTOR_CONSTANT -> {
                    System.arraycopy((double[]) payload.get(i), 0, constants, offset[i], length[i]);
                }
                case Tape.UNARY, Tape.VECTOR_UNARY -> unary[i] = (UnaryFunction) payload.get(i);
                case Tape.BINARY, Tape.VECTOR_BINARY -> binary[i] = (BinaryFunction) payload.get(i);
                case Tape.MATRIX_PRODUCT -> matrix[i] = (Matrix) payload.get(i);
                case Tape.STACK -> {
                    extra[i] = stackPool.size();
                    for (int a : ((StackArguments) payload.get(i)).nodes()) {
                        stackPool.add(a);
                    }
                }
                default -> {
                }
            }
        }
        int[] reverse = computed(level0);
        for (int lo = 0, hi = reverse.length - 1; lo < hi; lo++, hi--) {
            int swap = reverse[lo];
            reverse[lo] = reverse[hi];
            reverse[hi] = swap;
        }
        return new Frozen(size, next, hasVectors, Arrays.copyOf(op, size), Arrays.copyOf(left, size),
                Arrays.copyOf(right, size), Arrays.copyOf(firstPartial, size), Arrays.copyOf(secondPartial, size),
                offset, Arrays.copyOf(length, size), Arrays.copyOf(extra, size),
                stackPool.stream().mapToInt(Integer::intValue).toArray(), matrix, constants, unary, binary,
                inputPosition, roots, computed(level0), computed(upTo1), computed(upTo2), computed(upTo1), reverse);
    }

    /** The computed nodes (not inputs or constants) of a set, in topological order. */
    private int[] computed(BitSet nodes) {
        return nodes.stream().filter(i -> Tape.isComputed(op[i])).toArray();
    }
}
