package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.expr.Matrix;
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
 *
 * <p>Values live in one buffer: scalar node i at position i, and vector node i (length n) at positions
 * {@code offset[i] .. offset[i] + n - 1}, after all the scalar positions. Adjoints and tangents use the same
 * layout.
 */
final class Tape {
    static final int CONSTANT = 0;
    static final int INPUT = 1;
    static final int VECTOR_CONSTANT = 2;
    static final int VECTOR_INPUT = 3;
    static final int ADD = 4;
    static final int SUB = 5;
    static final int MUL = 6;
    static final int DIV = 7;
    static final int NEG = 8;
    static final int UNARY = 9;
    static final int BINARY = 10;
    /** Element-wise operations on vectors; same order as the scalar ones. */
    static final int VECTOR_ADD = 11;
    static final int VECTOR_SUB = 12;
    static final int VECTOR_MUL = 13;
    static final int VECTOR_DIV = 14;
    static final int VECTOR_NEG = 15;
    static final int VECTOR_UNARY = 16;
    static final int VECTOR_BINARY = 17;
    static final int BROADCAST = 18;
    static final int MATRIX_PRODUCT = 19;
    static final int SLICE = 20;
    static final int STACK = 21;
    static final int SUM = 22;
    static final int LOG_SUM_EXP = 23;
    static final int ELEMENT = 24;
    /** x^2, compiled directly (its partial 2x needs no node of its own). */
    static final int SQUARE = 25;
    /** x^2 element-wise. */
    static final int VECTOR_SQUARE = 26;
    /** c v for a constant c (kept in the node's own scalar slot of the buffer). */
    static final int VECTOR_SCALE = 27;
    /** v + c for a constant c (kept in the node's own scalar slot of the buffer). */
    static final int VECTOR_SHIFT = 28;

    final int size;
    final int bufferLength;
    final boolean hasVectors;
    final int[] op;
    final int[] left;
    final int[] right;
    final int[] firstPartial;
    final int[] secondPartial;
    /** Position of each node's first value in the buffer (i for scalars). */
    final int[] offset;
    /** Number of values of each node (1 for scalars). */
    final int[] length;
    /** Slice start, element index, or start of a stack's arguments in {@link #stackArguments}. */
    final int[] extra;
    final int[] stackArguments;
    final Matrix[] matrix;
    /** Buffer template: constants and constant vectors in place, zeros elsewhere. */
    final double[] constants;
    final UnaryFunction[] unary;
    final BinaryFunction[] binary;
    /** For each input slot, its position in the buffer, or -1 when no output depends on it. */
    final int[] inputPosition;
    /** The output nodes (scalars). */
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
    /** Whether a node is a constant (scalar or vector): no adjoint needs to flow into it. */
    final boolean[] constantNode;

    Tape(TapeBuilder.Frozen f) {
        this.size = f.size();
        this.bufferLength = f.bufferLength();
        this.hasVectors = f.hasVectors();
        this.op = f.op();
        this.left = f.left();
        this.right = f.right();
        this.firstPartial = f.firstPartial();
        this.secondPartial = f.secondPartial();
        this.offset = f.offset();
        this.length = f.length();
        this.extra = f.extra();
        this.stackArguments = f.stackArguments();
        this.matrix = f.matrix();
        this.constants = f.constants();
        this.unary = f.unary();
        this.binary = f.binary();
        this.inputPosition = f.inputPosition();
        this.outputs = f.outputs();
        this.valueOrder = f.valueOrder();
        this.gradientOrder = f.gradientOrder();
        this.hessianOrder = f.hessianOrder();
        this.tangentOrder = f.tangentOrder();
        this.reverseOrder = f.reverseOrder();
        this.constantNode = new boolean[size];
        for (int i = 0; i < size; i++) {
            constantNode[i] = op[i] == CONSTANT || op[i] == VECTOR_CONSTANT;
        }
    }

    int dimension() {
        return inputPosition.length;
    }

    static boolean isComputed(int code) {
        return code >= ADD;
    }

    static boolean isVector(int code) {
        return code == VECTOR_CONSTANT || code == VECTOR_INPUT || (code >= VECTOR_ADD && code <= STACK)
                || code == VECTOR_SQUARE || code == VECTOR_SCALE || code == VECTOR_SHIFT;
    }

    /**
     * The operation whose {@link Rules} element j of an element-wise vector operation follows: the scalar one for
     * + - * / negation, x^2 and functions, itself for c v and v + c; -1 for any other operation.
     */
    static int elementRule(int code) {
        if (code >= VECTOR_ADD && code <= VECTOR_BINARY) {
            return code - (VECTOR_ADD - ADD);
        }
        return switch (code) {
            case VECTOR_SQUARE -> SQUARE;
            case VECTOR_SCALE, VECTOR_SHIFT -> code;
            default -> -1;
        };
    }

    /** The node that is {@code operand} of node i: {@link Machine#LEFT}, {@link Machine#RIGHT}, and so on. */
    int operand(int i, int operand) {
        return switch (operand) {
            case Machine.LEFT -> left[i];
            case Machine.RIGHT -> right[i];
            case Machine.SELF -> i;
            case Machine.FIRST_PARTIAL -> firstPartial[i];
            default -> secondPartial[i];
        };
    }

    /** Loads x into a value buffer (constants are already in place). */
    void load(double[] x, double[] v) {
        for (int k = 0; k < inputPosition.length; k++) {
            int position = inputPosition[k];
            if (position >= 0) {
                v[position] = x[k];
            }
        }
    }

    /** Runs a schedule of value computations ({@link InterpreterSteps#values}). */
    void run(int[] order, double[] v) {
        InterpreterSteps.values(this, order, v);
    }
}
