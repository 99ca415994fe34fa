package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * The flat intermediate form of compiled expressions: a list of nodes in topological order, each an
 * operation on earlier nodes, held in primitive arrays.
 *
 * <p>Every node that applies a function other than + - * / and negation also points to the nodes that hold its
 * local partial derivatives ({@code firstPartial}, {@code secondPartial}). Those partial nodes are built from
 * the same derivative rules as every other face of the dsl, evaluated on expressions, and they share nodes with
 * the rest of the tape (the partial of exp(u) is the node exp(u) itself). The nodes fall into three levels:
 * level 0 computes the outputs, level 1 the partials of level 0, level 2 the partials of level 1. A value
 * needs level 0; a gradient levels 0 and 1; a Hessian-vector product all three. Each mode has its schedule.
 */
final class Tape {
    static final int CONSTANT = 0;
    static final int INPUT = 1;
    static final int ADD = 2;
    static final int SUB = 3;
    static final int MUL = 4;
    static final int DIV = 5;
    static final int NEG = 6;
    static final int UNARY = 7;
    static final int BINARY = 8;

    final int size;
    final int[] op;
    final int[] left;
    final int[] right;
    final int[] firstPartial;
    final int[] secondPartial;
    final double[] constant;
    final UnaryFunction[] unary;
    final BinaryFunction[] binary;
    /** For each input slot, its node, or -1 when the expression does not use that variable. */
    final int[] inputNode;
    /** The output nodes. */
    final int[] outputs;
    /** Nodes whose values give the outputs (level 0), in topological order, inputs and constants excluded. */
    final int[] valueOrder;
    /** Levels 0 and 1 (values needed by the reverse sweep), in topological order. */
    final int[] gradientOrder;
    /** Levels 0, 1 and 2, in topological order. */
    final int[] hessianOrder;
    /** Levels 0 and 1, the nodes whose tangents a Hessian-vector product propagates. */
    final int[] tangentOrder;
    /** Level 0 in reverse topological order: the reverse sweep. */
    final int[] reverseOrder;

    Tape(int size, int[] op, int[] left, int[] right, int[] firstPartial, int[] secondPartial, double[] constant,
         UnaryFunction[] unary, BinaryFunction[] binary, int[] inputNode, int[] outputs, int[] valueOrder,
         int[] gradientOrder, int[] hessianOrder, int[] tangentOrder, int[] reverseOrder) {
        this.size = size;
        this.op = op;
        this.left = left;
        this.right = right;
        this.firstPartial = firstPartial;
        this.secondPartial = secondPartial;
        this.constant = constant;
        this.unary = unary;
        this.binary = binary;
        this.inputNode = inputNode;
        this.outputs = outputs;
        this.valueOrder = valueOrder;
        this.gradientOrder = gradientOrder;
        this.hessianOrder = hessianOrder;
        this.tangentOrder = tangentOrder;
        this.reverseOrder = reverseOrder;
    }

    int dimension() {
        return inputNode.length;
    }

    /** Computes the value of node i from the values of earlier nodes. */
    void evaluate(int i, double[] v) {
        switch (op[i]) {
            case ADD -> v[i] = v[left[i]] + v[right[i]];
            case SUB -> v[i] = v[left[i]] - v[right[i]];
            case MUL -> v[i] = v[left[i]] * v[right[i]];
            case DIV -> v[i] = v[left[i]] / v[right[i]];
            case NEG -> v[i] = -v[left[i]];
            case UNARY -> v[i] = unary[i].value(v[left[i]]);
            case BINARY -> v[i] = binary[i].value(v[left[i]], v[right[i]]);
            default -> {
                // constants and inputs are set before a sweep
            }
        }
    }

    /** Loads x and the constants into a value array. */
    void load(double[] x, double[] v) {
        for (int k = 0; k < inputNode.length; k++) {
            int node = inputNode[k];
            if (node >= 0) {
                v[node] = x[k];
            }
        }
    }

    /** Runs a schedule of value computations. */
    void run(int[] order, double[] v) {
        for (int i : order) {
            evaluate(i, v);
        }
    }
}
