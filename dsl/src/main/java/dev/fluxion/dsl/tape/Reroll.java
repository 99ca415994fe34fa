package dev.fluxion.dsl.tape;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run of a schedule that repeats one block of operations: steps {@code order[from + b period + j]} for blocks
 * b = 0 .. count - 1 and j = 0 .. period - 1, where step j of every block is the same operation (the same function,
 * the same constants) on operands shifted by a constant stride from block to block. A scalar-built Rosenbrock term,
 * 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, is such a block: term i + 1 is term i with every node index moved by the
 * nodes of one term and every variable slot by 1.
 *
 * <p>A generated kernel runs such a run as one loop over the blocks ({@link RerolledLoop}) instead of straight-line
 * code as long as the run: the code is one block long whatever the count, so it stays in the instruction cache and
 * within the JIT's method limit. The loop performs the interpreter's operations in the interpreter's order, block
 * after block, so the results keep its bits.
 *
 * @param from   the position in the schedule of the first step of block 0
 * @param period the steps of one block
 * @param count  the number of blocks
 */
record Reroll(int from, int period, int count) {
    /** The fewest blocks a run needs to be run as a loop. */
    static final int FEWEST_BLOCKS = 4;
    /** The longest block looked for, in steps. */
    static final int LONGEST_PERIOD = 48;
    /** The strides of one step: its node, its four operands, and their variable slots. */
    private static final int SIGNATURE = 9;

    /** The position after the last step of the run. */
    int to() {
        return from + period * count;
    }

    /** The node of step j of block b. */
    int node(int[] order, int b, int j) {
        return order[from + b * period + j];
    }

    /**
     * The runs of a schedule, in order and disjoint, each of at least {@link #FEWEST_BLOCKS} blocks and
     * {@code fewestSteps} steps: at each position, the period that covers the most steps. With {@code known} (for
     * the reverse sweep), the steps of a run must also agree in which adjoints are known at compile time and in
     * their values, since the loop's code depends on them.
     */
    static List<Reroll> find(Tape t, int[] order, ConstantAdjoints known, int fewestSteps) {
        List<Reroll> runs = new ArrayList<>();
        int s = 0;
        while (s + 2 * FEWEST_BLOCKS <= order.length) {
            Reroll best = null;
            int longest = Math.min(LONGEST_PERIOD, (order.length - s) / FEWEST_BLOCKS);
            for (int period = 1; period <= longest; period++) {
                if (best != null && period % best.period == 0) {
                    // a multiple of a period that repeats covers what it covers, in longer blocks
                    continue;
                }
                if (!loopable(t, order[s]) || !sameShape(t, order, known, s, s + period, period, null)) {
                    continue;
                }
                int[] signature = new int[period * SIGNATURE];
                sameShape(t, order, known, s, s + period, period, signature);
                int count = 2;
                while (s + (count + 1) * period <= order.length
                        && sameShape(t, order, known, s + (count - 1) * period, s + count * period, period,
                        signature)) {
                    count++;
                }
                if (count >= FEWEST_BLOCKS && period * count >= fewestSteps
                        && (best == null || period * count > best.period * best.count)) {
                    best = new Reroll(s, period, count);
                }
                if (best != null && order.length - best.to() < best.period) {
                    // no longer period covers more (a tie keeps the shorter one)
                    break;
                }
            }
            if (best != null) {
                runs.add(best);
                s = best.to();
            } else {
                s++;
            }
        }
        return List.copyOf(runs);
    }

    /**
     * The run of blocks of {@code period} steps from position {@code from} of a schedule, as long as they repeat (as
     * {@link #find} takes them, without known adjoints), or null if fewer than {@link #FEWEST_BLOCKS} do.
     */
    static Reroll at(Tape t, int[] order, int from, int period) {
        if (from < 0 || from + 2 * period > order.length || !loopable(t, order[from])
                || !sameShape(t, order, null, from, from + period, period, null)) {
            return null;
        }
        int[] signature = new int[period * SIGNATURE];
        sameShape(t, order, null, from, from + period, period, signature);
        int count = 2;
        while (from + (count + 1) * period <= order.length
                && sameShape(t, order, null, from + (count - 1) * period, from + count * period, period, signature)) {
            count++;
        }
        return count >= FEWEST_BLOCKS ? new Reroll(from, period, count) : null;
    }

    /**
     * This run cut to the blocks before the first whose steps or operands differ from block 0's in which adjoints
     * are known at compile time or in their values (as {@link #find} compares blocks for the reverse sweep), or
     * null if fewer than {@link #FEWEST_BLOCKS} are left: the last term of a sum that a neighbour also reads can
     * have another known adjoint.
     */
    Reroll agreeingIn(Tape t, int[] order, ConstantAdjoints known) {
        for (int b = 1; b < count; b++) {
            for (int j = 0; j < period; j++) {
                int a = node(order, 0, j);
                int c = node(order, b, j);
                boolean agree = sameKnown(known, a, c);
                int[] first = operands(t, a);
                int[] other = operands(t, c);
                for (int s = 0; s < 2 && agree; s++) {
                    agree = first[s] < 0 || sameKnown(known, first[s], other[s]);
                }
                if (!agree) {
                    return b >= FEWEST_BLOCKS ? new Reroll(from, period, b) : null;
                }
            }
        }
        return this;
    }

    /** Whether a node's operation can be a step of a loop: scalar arithmetic or a scalar function. */
    static boolean loopable(Tape t, int i) {
        return switch (t.op[i]) {
            case Tape.ADD, Tape.SUB, Tape.MUL, Tape.DIV, Tape.NEG, Tape.SQUARE, Tape.UNARY, Tape.BINARY -> true;
            default -> false;
        };
    }

    /** The operands a step reads: left, right, first and second partial, -1 where the operation has none. */
    static int[] operands(Tape t, int i) {
        return switch (t.op[i]) {
            case Tape.NEG, Tape.SQUARE -> new int[] {t.left[i], -1, -1, -1};
            case Tape.UNARY -> new int[] {t.left[i], -1, t.firstPartial[i], -1};
            case Tape.BINARY -> new int[] {t.left[i], t.right[i], t.firstPartial[i], t.secondPartial[i]};
            default -> new int[] {t.left[i], t.right[i], -1, -1};
        };
    }

    /**
     * Whether the block at {@code next} is the block at {@code first} shifted: the same operations, each node and each
     * operand moved by a stride of its own (a variable's slot too; a constant operand the same constant). With a
     * blank {@code signature} (zeros), fills it with the strides; with one filled, also requires the same strides.
     */
    private static boolean sameShape(Tape t, int[] order, ConstantAdjoints known, int first, int next, int period,
                                     int[] signature) {
        boolean fill = signature != null && isBlank(signature);
        for (int j = 0; j < period; j++) {
            int a = order[first + j];
            int c = order[next + j];
            if (!loopable(t, c) || t.op[a] != t.op[c] || !Objects.equals(t.unary[a], t.unary[c])
                    || !Objects.equals(t.binary[a], t.binary[c])) {
                return false;
            }
            if (known != null && !sameKnown(known, a, c)) {
                return false;
            }
            int[] fromFirst = operands(t, a);
            int[] fromNext = operands(t, c);
            int[] strides = new int[SIGNATURE];
            // a node's stride is never 0, which keeps a filled signature from looking blank
            strides[0] = c - a;
            for (int s = 0; s < 4; s++) {
                int r0 = fromFirst[s];
                int r1 = fromNext[s];
                if (r0 < 0 || r1 < 0) {
                    if (r0 != r1) {
                        return false;
                    }
                    continue;
                }
                boolean constant = t.op[r0] == Tape.CONSTANT;
                boolean variable = t.op[r0] == Tape.INPUT;
                if (constant != (t.op[r1] == Tape.CONSTANT) || variable != (t.op[r1] == Tape.INPUT)
                        || known != null && !sameKnown(known, r0, r1)) {
                    return false;
                }
                if (constant) {
                    if (Double.doubleToRawLongBits(t.constants[r0]) != Double.doubleToRawLongBits(t.constants[r1])) {
                        return false;
                    }
                    continue;
                }
                strides[1 + s] = r1 - r0;
                if (variable) {
                    strides[5 + s] = t.left[r1] - t.left[r0];
                }
            }
            if (signature != null) {
                for (int k = 0; k < SIGNATURE; k++) {
                    if (fill) {
                        signature[j * SIGNATURE + k] = strides[k];
                    } else if (signature[j * SIGNATURE + k] != strides[k]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether two nodes' adjoints are both unknown at compile time, or both known with the same bits. */
    private static boolean sameKnown(ConstantAdjoints known, int a, int c) {
        return known.isKnown(a) == known.isKnown(c) && (!known.isKnown(a)
                || Double.doubleToRawLongBits(known.of(a)) == Double.doubleToRawLongBits(known.of(c)));
    }

    private static boolean isBlank(int[] signature) {
        for (int value : signature) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }
}
