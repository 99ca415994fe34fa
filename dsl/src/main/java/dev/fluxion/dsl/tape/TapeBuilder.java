package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.BinaryCall;
import dev.fluxion.dsl.expr.Constant;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.UnaryCall;
import dev.fluxion.dsl.expr.Variable;
import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.function.UnaryFunction;
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
 * needs, and the schedules of each mode.
 */
final class TapeBuilder {
    /** The identity of a node for common-sub-expression elimination. */
    private record Key(int op, int left, int right, Object function, long constantBits) {
    }

    private final Map<String, Integer> slotOf = new HashMap<>();
    private final List<String> variables;
    private final Map<Key, Integer> nodeOf = new HashMap<>();
    private final Map<Expr, Integer> seen = new IdentityHashMap<>();
    private final List<Expr> exprOf = new ArrayList<>();
    private int[] op = new int[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] firstPartial = new int[64];
    private int[] secondPartial = new int[64];
    private double[] constant = new double[64];
    private Object[] function = new Object[64];
    private int size;

    private TapeBuilder(List<String> variables) {
        this.variables = List.copyOf(variables);
        for (int k = 0; k < variables.size(); k++) {
            if (slotOf.put(variables.get(k), k) != null) {
                throw new DslException("the variable order " + variables + " names '" + variables.get(k) + "' twice");
            }
        }
    }

    /** Compiles the outputs for the given variable order. */
    static Tape compile(List<Expr> outputs, List<String> variables) {
        TapeBuilder builder = new TapeBuilder(variables);
        for (Expr output : outputs) {
            for (String name : output.variables()) {
                if (!builder.slotOf.containsKey(name)) {
                    throw new DslException("variable '" + name + "' of " + output + " is not in the variable order "
                            + variables);
                }
            }
        }
        int[] roots = new int[outputs.size()];
        for (int j = 0; j < roots.length; j++) {
            roots[j] = builder.add(outputs.get(j));
        }
        return builder.finish(roots);
    }

    private int add(Expr e) {
        Integer known = seen.get(e);
        if (known != null) {
            return known;
        }
        int node;
        if (e instanceof Constant c) {
            node = node(Tape.CONSTANT, -1, -1, null, c.value(), e);
        } else if (e instanceof Variable v) {
            node = node(Tape.INPUT, slotOf.get(v.name()), -1, null, 0, e);
        } else if (e instanceof UnaryCall u) {
            int a = add(u.argument());
            node = u.function() == Unary.NEG ? node(Tape.NEG, a, -1, null, 0, e)
                    : node(Tape.UNARY, a, -1, u.function(), 0, e);
        } else {
            BinaryCall b = (BinaryCall) e;
            int a = add(b.left());
            int c = add(b.right());
            int code = arithmeticCode(b.function());
            node = node(code, a, c, code == Tape.BINARY ? b.function() : null, 0, e);
        }
        seen.put(e, node);
        return node;
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

    private int node(int code, int a, int b, Object f, double c, Expr e) {
        Key key = new Key(code, a, b, f, code == Tape.CONSTANT ? Double.doubleToRawLongBits(c) : 0);
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
            constant = Arrays.copyOf(constant, capacity);
            function = Arrays.copyOf(function, capacity);
        }
        int i = size++;
        op[i] = code;
        left[i] = a;
        right[i] = b;
        firstPartial[i] = -1;
        secondPartial[i] = -1;
        constant[i] = c;
        function[i] = f;
        exprOf.add(e);
        nodeOf.put(key, i);
        return i;
    }

    /** Adds the partial-derivative nodes of node i, from the function's own derivative rule on expressions. */
    private void addPartials(int i) {
        if (firstPartial[i] >= 0) {
            return;
        }
        if (op[i] == Tape.UNARY) {
            Expr argument = exprOf.get(left[i]);
            firstPartial[i] = add(((UnaryFunction) function[i]).derivative(argument));
        } else if (op[i] == Tape.BINARY) {
            BinaryFunction f = (BinaryFunction) function[i];
            Expr a = exprOf.get(left[i]);
            Expr b = exprOf.get(right[i]);
            firstPartial[i] = add(f.partialFirst(a, b));
            secondPartial[i] = add(f.partialSecond(a, b));
        }
    }

    /** Marks the nodes reachable from the given nodes through their arguments. */
    private BitSet closure(BitSet from) {
        BitSet reached = new BitSet(size);
        for (int i = from.length() - 1; i >= 0; i = from.previousSetBit(i - 1)) {
            mark(i, reached);
        }
        return reached;
    }

    private void mark(int start, BitSet reached) {
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            int i = stack.pop();
            if (reached.get(i)) {
                continue;
            }
            reached.set(i);
            if (op[i] >= Tape.ADD) {
                stack.push(left[i]);
                if (op[i] != Tape.NEG && op[i] != Tape.UNARY) {
                    stack.push(right[i]);
                }
            }
        }
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

    private Tape finish(int[] roots) {
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

        int[] inputNode = new int[variables.size()];
        Arrays.fill(inputNode, -1);
        UnaryFunction[] unary = new UnaryFunction[size];
        BinaryFunction[] binary = new BinaryFunction[size];
        for (int i = 0; i < size; i++) {
            if (op[i] == Tape.INPUT) {
                inputNode[left[i]] = i;
            } else if (op[i] == Tape.UNARY) {
                unary[i] = (UnaryFunction) function[i];
            } else if (op[i] == Tape.BINARY) {
                binary[i] = (BinaryFunction) function[i];
            }
        }
        int[] reverse = computed(level0);
        for (int lo = 0, hi = reverse.length - 1; lo < hi; lo++, hi--) {
            int swap = reverse[lo];
            reverse[lo] = reverse[hi];
            reverse[hi] = swap;
        }
        return new Tape(size, Arrays.copyOf(op, size), Arrays.copyOf(left, size), Arrays.copyOf(right, size),
                Arrays.copyOf(firstPartial, size), Arrays.copyOf(secondPartial, size), Arrays.copyOf(constant, size),
                unary, binary, inputNode, roots, computed(level0), computed(upTo1), computed(upTo2), computed(upTo1),
                reverse);
    }

    /** The computed nodes (not inputs or constants) of a set, in topological order. */
    private int[] computed(BitSet nodes) {
        return nodes.stream().filter(i -> op[i] >= Tape.ADD).toArray();
    }
}
