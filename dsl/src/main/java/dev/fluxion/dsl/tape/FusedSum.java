package dev.fluxion.dsl.tape;

import java.util.BitSet;

/**
 * A sum over an element-wise vector expression, which a generated kernel computes in one loop over the elements:
 * element j of every node of the expression is a local variable of the loop's body, computed from element j of its
 * arguments, and the sum (and, with a gradient, the adjoints of element j) accumulates as the loop goes.
 *
 * <p>The expression's nodes are the element-wise operations (+ - * / negation, squares, scaling and shifting by
 * a constant, unary and binary functions) and its leaves are vector variables, constant vectors, slices of
 * either, broadcast scalars, and the vectors the kernel keeps whole in arrays (matrix products and their computed
 * arguments). Anything else below the sum (a stack, a slice of a computed vector) leaves the sum to the
 * interpreter.
 *
 * <p>The same loop, without the sum, writes the elements of an element-wise vector the kernel keeps whole (the
 * argument of a matrix product) into its array, and with a gradient runs the reverse sweep of each element seeded
 * from the array of its adjoints: then {@code sum == argument} ({@link #writesElements()}).
 *
 * @param sum           the SUM node, or the vector node whose elements the loop writes
 * @param argument      the vector node summed (or written)
 * @param length        the number of elements, the loop's trip count
 * @param valueNodes    the nodes whose elements the value needs, leaves included, in topological order
 * @param gradientNodes the value nodes and the partial-derivative nodes of their functions, in topological order
 */
record FusedSum(int sum, int argument, int length, int[] valueNodes, int[] gradientNodes) {

    /**
     * The fused form of SUM node {@code sum}, or null when its argument is not element-wise down to leaves; the
     * vectors in {@code whole} are leaves.
     */
    static FusedSum of(Tape t, int sum, BitSet whole) {
        return loop(t, sum, t.left[sum], whole);
    }

    /** The loop that writes the elements of vector node {@code node}, kept whole; null if it is not element-wise. */
    static FusedSum elementsOf(Tape t, int node, BitSet whole) {
        return loop(t, node, node, whole);
    }

    private static FusedSum loop(Tape t, int sum, int argument, BitSet whole) {
        BitSet values = new BitSet();
        if (!collect(t, argument, values, whole, sum)) {
            return null;
        }
        BitSet gradient = (BitSet) values.clone();
        for (int i = values.nextSetBit(0); i >= 0; i = values.nextSetBit(i + 1)) {
            if (t.op[i] == Tape.VECTOR_UNARY || t.op[i] == Tape.VECTOR_BINARY) {
                if (!collect(t, t.firstPartial[i], gradient, whole, sum)) {
                    return null;
                }
                if (t.op[i] == Tape.VECTOR_BINARY && !collect(t, t.secondPartial[i], gradient, whole, sum)) {
                    return null;
                }
            }
        }
        return new FusedSum(sum, argument, t.length[argument], values.stream().toArray(),
                gradient.stream().toArray());
    }

    /** Whether the loop writes the elements of a vector kept whole rather than summing them. */
    boolean writesElements() {
        return sum == argument;
    }

    /**
     * Adds node i and its element-wise arguments; false if something below is not element-wise. A vector kept
     * whole is a leaf, unless it is the node the loop writes ({@code root}).
     */
    private static boolean collect(Tape t, int i, BitSet into, BitSet whole, int root) {
        if (i < 0 || into.get(i)) {
            return i >= 0;
        }
        if (whole.get(i) && i != root) {
            into.set(i);
            return true;
        }
        switch (t.op[i]) {
            case Tape.VECTOR_INPUT, Tape.VECTOR_CONSTANT, Tape.BROADCAST -> {
                into.set(i);
                return true;
            }
            case Tape.SLICE -> {
                into.set(i);
                return sliceSource(t, i) >= 0;
            }
            case Tape.VECTOR_ADD, Tape.VECTOR_SUB, Tape.VECTOR_MUL, Tape.VECTOR_DIV, Tape.VECTOR_BINARY -> {
                into.set(i);
                return collect(t, t.left[i], into, whole, root) && collect(t, t.right[i], into, whole, root);
            }
            case Tape.VECTOR_NEG, Tape.VECTOR_UNARY, Tape.VECTOR_SQUARE, Tape.VECTOR_SCALE, Tape.VECTOR_SHIFT -> {
                into.set(i);
                return collect(t, t.left[i], into, whole, root);
            }
            default -> {
                return false;
            }
        }
    }

    /** The vector variable or constant a chain of slices starts from, or -1 if it starts from a computed vector. */
    static int sliceSource(Tape t, int i) {
        int node = i;
        while (t.op[node] == Tape.SLICE) {
            node = t.left[node];
        }
        return t.op[node] == Tape.VECTOR_INPUT || t.op[node] == Tape.VECTOR_CONSTANT ? node : -1;
    }

    /** Where element 0 of a slice chain sits in its source: the sum of the slices' starts. */
    static int sliceStart(Tape t, int i) {
        int start = 0;
        int node = i;
        while (t.op[node] == Tape.SLICE) {
            start += t.extra[node];
            node = t.left[node];
        }
        return start;
    }

    /** Whether node i's elements hold no adjoint: a constant vector, or a slice of one. */
    static boolean isConstantLeaf(Tape t, int i) {
        return t.op[i] == Tape.VECTOR_CONSTANT
                || (t.op[i] == Tape.SLICE && t.op[sliceSource(t, i)] == Tape.VECTOR_CONSTANT);
    }
}
