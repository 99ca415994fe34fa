package dev.fluxion.dsl.tape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plan of a kernel split into several methods, for a scalar tape whose code would be longer than HotSpot
 * JIT-compiles in one method ({@link KernelCompiler#LARGEST_METHOD}): the forward sweep in parts of at most
 * {@code partLength} nodes of its schedule, run in order, and the reverse sweep in parts of as many steps, run in
 * reverse order, each part a method of its own ({@link KernelMethod#writeForwardPart},
 * {@link KernelMethod#writeReversePart}).
 *
 * <p>Inside a part, values and adjoints are local variables, as in a kernel of one method. Between parts they pass
 * through the interpreter's buffers ({@link Workspace}), at the interpreter's positions: a part stores the values
 * that a later part or the reverse sweep reads, and the adjoints that a later part adds to or reads; a part reads
 * them back from there. Each gradient entry is written by the reverse part after which its variable receives no
 * more contributions. The order of the floating-point operations is the interpreter's, so the results are its bits.
 */
final class KernelSplit {
    private final int partLength;
    /** Whether a node's value is read outside its forward part: by the value method's schedule, by the gradient's. */
    private final boolean[] storedForValue;
    private final boolean[] storedForGradient;
    /** The reverse parts: ranges of the reverse order, and the gradient entries each writes after its steps. */
    private final List<ReversePart> reverseParts;
    /** The position of each node's step in the reverse order, or -1. */
    private final int[] reverseStep;
    /** Whether an adjoint has been left in the buffer by a reverse part written so far. */
    private final boolean[] adjointInBuffer;

    /**
     * One reverse part: steps {@code reverseOrder[from .. to)}, then the gradient entries of the variable slots in
     * {@code gradientSlots}.
     */
    record ReversePart(int from, int to, int[] gradientSlots) {
    }

    private KernelSplit(Tape t, int partLength, ConstantAdjoints known) {
        this.partLength = partLength;
        this.storedForValue = stored(t, t.valueOrder, partLength, null);
        this.storedForGradient = stored(t, t.gradientOrder, partLength, known);
        this.reverseParts = reverseParts(t, partLength);
        this.adjointInBuffer = new boolean[t.size];
        this.reverseStep = new int[t.size];
        Arrays.fill(reverseStep, -1);
        for (int k = 0; k < t.reverseOrder.length; k++) {
            reverseStep[t.reverseOrder[k]] = k;
        }
    }

    /**
     * The plan with parts of {@code partLength} nodes (and steps, and gradient entries left over), for the kernel
     * whose adjoints known at compile time are {@code known}.
     */
    static KernelSplit of(Tape t, int partLength, ConstantAdjoints known) {
        if (partLength < 1) {
            throw new IllegalArgumentException("a part needs at least one node, not " + partLength);
        }
        return new KernelSplit(t, partLength, known);
    }

    /** Whether the tape can be split: scalar nodes only, one output, a reverse sweep with at least one step. */
    static boolean applies(Tape t) {
        return !t.hasVectors && t.outputs.length == 1 && t.reverseOrder.length > 0;
    }

    /** The number of nodes (or reverse steps) in a part. */
    int partLength() {
        return partLength;
    }

    /** The number of forward parts of a schedule. */
    int forwardParts(int[] order) {
        return (order.length + partLength - 1) / partLength;
    }

    List<ReversePart> reverseParts() {
        return reverseParts;
    }

    /** Whether a forward part stores node i's value in the buffer: another part, or the reverse sweep, reads it. */
    boolean storesValue(int i, boolean withGradient) {
        return withGradient ? storedForGradient[i] : storedForValue[i];
    }

    /** Whether node i's adjoint is in the buffer, left there by a reverse part written before. */
    boolean adjointInBuffer(int i) {
        return adjointInBuffer[i];
    }

    /** Records that the reverse part just written left node i's adjoint in the buffer. */
    void leaveInBuffer(int i) {
        adjointInBuffer[i] = true;
    }

    /** The index of the reverse part that runs the reverse step of node i, or -1 if node i has none. */
    int reversePartOf(int i) {
        return reverseStep[i] < 0 ? -1 : reverseStep[i] / partLength;
    }

    /**
     * Values read outside the forward part that computes them, the output's included; with {@code known} (for the
     * gradient), those the reverse sweep reads.
     */
    private static boolean[] stored(Tape t, int[] order, int partLength, ConstantAdjoints known) {
        int[] part = new int[t.size];
        Arrays.fill(part, -1);
        for (int k = 0; k < order.length; k++) {
            part[order[k]] = k / partLength;
        }
        boolean[] stored = new boolean[t.size];
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            for (int argument : new int[] {t.left[i], t.right[i]}) {
                if (argument >= 0 && part[argument] >= 0 && part[argument] != part[i]) {
                    stored[argument] = true;
                }
            }
        }
        if (known != null) {
            for (int i : t.reverseOrder) {
                for (int read : readByReverse(t, i, known)) {
                    if (read >= 0 && part[read] >= 0) {
                        stored[read] = true;
                    }
                }
            }
        }
        int output = t.outputs[0];
        if (part[output] >= 0) {
            stored[output] = true;
        }
        return stored;
    }

    /**
     * The values node i's reverse step reads (as {@link Sweeps#reverse} does) for the contributions that the
     * generated code makes: none into a constant or an adjoint known at compile time, none from a known zero
     * adjoint. -1 for none.
     */
    private static int[] readByReverse(Tape t, int i, ConstantAdjoints known) {
        if (known.isKnown(i) && known.of(i) == 0) {
            return new int[0];
        }
        boolean intoLeft = receives(t, t.left[i], known);
        boolean intoRight = receives(t, t.right[i], known);
        return switch (t.op[i]) {
            case Tape.MUL -> new int[] {intoRight ? t.left[i] : -1, intoLeft ? t.right[i] : -1};
            case Tape.DIV -> new int[] {intoLeft || intoRight ? t.right[i] : -1, intoRight ? i : -1};
            case Tape.SQUARE -> new int[] {intoLeft ? t.left[i] : -1};
            case Tape.UNARY -> new int[] {intoLeft ? t.firstPartial[i] : -1};
            case Tape.BINARY -> new int[] {intoLeft ? t.firstPartial[i] : -1, intoRight ? t.secondPartial[i] : -1};
            default -> new int[0];
        };
    }

    /** Whether node n takes contributions in generated code: a variable or computed node of unknown adjoint. */
    private static boolean receives(Tape t, int n, ConstantAdjoints known) {
        return n >= 0 && (t.op[n] == Tape.INPUT || Tape.isComputed(t.op[n])) && !known.isKnown(n);
    }

    /**
     * The reverse parts; each variable's gradient entry goes to the part of its last contribution, and the entries of
     * variables that take none (unused, or of an adjoint known at compile time) to parts of their own at the end.
     */
    private static List<ReversePart> reverseParts(Tape t, int partLength) {
        int[] order = t.reverseOrder;
        int parts = (order.length + partLength - 1) / partLength;
        int[] lastPart = new int[t.size];
        Arrays.fill(lastPart, -1);
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            for (int argument : new int[] {t.left[i], t.right[i]}) {
                if (argument >= 0 && t.op[argument] == Tape.INPUT) {
                    lastPart[argument] = k / partLength;
                }
            }
        }
        List<List<Integer>> slots = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            slots.add(new ArrayList<>());
        }
        List<Integer> leftOver = new ArrayList<>();
        for (int k = 0; k < t.inputPosition.length; k++) {
            int position = t.inputPosition[k];
            if (position >= 0 && lastPart[position] >= 0) {
                slots.get(lastPart[position]).add(k);
            } else {
                leftOver.add(k);
            }
        }
        List<ReversePart> result = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            result.add(new ReversePart(p * partLength, Math.min(order.length, (p + 1) * partLength),
                    slots.get(p).stream().mapToInt(Integer::intValue).toArray()));
        }
        for (int from = 0; from < leftOver.size(); from += partLength) {
            result.add(new ReversePart(order.length, order.length, leftOver.subList(from,
                    Math.min(leftOver.size(), from + partLength)).stream().mapToInt(Integer::intValue).toArray()));
        }
        return List.copyOf(result);
    }
}
