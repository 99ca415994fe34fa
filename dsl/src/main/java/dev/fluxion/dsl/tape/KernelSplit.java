package dev.fluxion.dsl.tape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>A run of a schedule that repeats one block of operations with shifted operands ({@link Reroll}), such as the
 * terms of a sum built term by term, is a part of its own whatever its length, written as a loop over the blocks
 * ({@link RerolledLoop}); the parts between runs keep the length above. With fusion, a run of the gradient's forward
 * schedule whose reverse steps can follow each block's forward ones takes them into its loop, and their range of the
 * reverse sweep is a part that has no method of its own ({@link ReversePart#fused}).
 */
final class KernelSplit {
    /** The parts of the value's schedule, the gradient's forward schedule, and the reverse sweep. */
    private final Partition valueParts;
    private final Partition gradientParts;
    private final Partition reversePartition;
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
     * {@code gradientSlots}; {@code loop} when the steps run as a loop ({@link RerolledLoop}), else null. A
     * {@code fused} part is the reverse steps of a forward loop's run ({@code loop}, a run of the gradient's
     * schedule), run by that loop block by block ({@link RerolledLoop#writeFused}): no method of its own.
     */
    record ReversePart(int from, int to, int[] gradientSlots, Reroll loop, boolean fused) {
    }

    /**
     * The parts of one schedule: part p is steps {@code starts[p] .. starts[p + 1]}, a loop when {@code loops[p]} is
     * not null; {@code partOfStep} maps each step to its part.
     */
    private record Partition(int[] starts, Reroll[] loops, int[] partOfStep) {
        /**
         * Parts of at most {@code partLength} steps between the runs, and one part per run.
         */
        static Partition of(int length, int partLength, List<Reroll> runs) {
            List<Integer> starts = new ArrayList<>();
            List<Reroll> loops = new ArrayList<>();
            int k = 0;
            for (Reroll run : runs) {
                for (; k < run.from(); k += Math.min(partLength, run.from() - k)) {
                    starts.add(k);
                    loops.add(null);
                }
                starts.add(run.from());
                loops.add(run);
                k = run.to();
            }
            for (; k < length; k += partLength) {
                starts.add(k);
                loops.add(null);
            }
            starts.add(length);
            int[] partOfStep = new int[length];
            for (int p = 0; p + 1 < starts.size(); p++) {
                Arrays.fill(partOfStep, starts.get(p), starts.get(p + 1), p);
            }
            return new Partition(starts.stream().mapToInt(Integer::intValue).toArray(),
                    loops.toArray(new Reroll[0]), partOfStep);
        }

        int parts() {
            return starts.length - 1;
        }
    }

    private KernelSplit(Tape t, int partLength, ConstantAdjoints known, boolean reroll, boolean fuse) {
        this.reverseStep = new int[t.size];
        Arrays.fill(reverseStep, -1);
        for (int k = 0; k < t.reverseOrder.length; k++) {
            reverseStep[t.reverseOrder[k]] = k;
        }
        int fewestSteps = Math.max(2 * Reroll.FEWEST_BLOCKS, partLength);
        this.valueParts = Partition.of(t.valueOrder.length, partLength,
                reroll ? Reroll.find(t, t.valueOrder, null, fewestSteps) : List.of());
        List<Reroll> gradientRuns = new ArrayList<>(reroll ? Reroll.find(t, t.gradientOrder, null, fewestSteps)
                : List.of());
        // the reverse steps of each fused run: a range of the reverse order, a part of its own
        Map<Integer, Reroll> fusedAt = new HashMap<>();
        List<Reroll> reverseRuns = new ArrayList<>(reroll ? Reroll.find(t, t.reverseOrder, known, fewestSteps)
                : List.of());
        for (int r = 0; fuse && r < gradientRuns.size(); r++) {
            Reroll run = gradientRuns.get(r);
            int lowest = r == 0 ? 0 : gradientRuns.get(r - 1).to();
            int highest = r + 1 < gradientRuns.size() ? gradientRuns.get(r + 1).from() : t.gradientOrder.length;
            // the blocks may start at any step of the first (a sum's terms, whole, are what can fuse)
            for (int shift = 0; shift < run.period(); shift++) {
                Reroll shifted = shift == 0 ? run : Reroll.at(t, t.gradientOrder, run.from() + shift, run.period());
                if (shifted == null || shifted.from() < lowest
                        || shifted.period() * shifted.count() < fewestSteps) {
                    continue;
                }
                shifted = shifted.agreeingIn(t, t.gradientOrder, known);
                if (shifted == null) {
                    continue;
                }
                if (shifted.to() > highest) {
                    shifted = new Reroll(shifted.from(), shifted.period(),
                            (highest - shifted.from()) / shifted.period());
                    if (shifted.count() < Reroll.FEWEST_BLOCKS || shifted.period() * shifted.count() < fewestSteps) {
                        continue;
                    }
                }
                int[] range = fusedRange(t, shifted, known, reverseStep);
                if (range != null) {
                    gradientRuns.set(r, shifted);
                    fusedAt.put(range[0], shifted);
                    reverseRuns.removeIf(other -> other.from() < range[1] && range[0] < other.to());
                    reverseRuns.add(new Reroll(range[0], range[1] - range[0], 1));
                    break;
                }
            }
        }
        this.gradientParts = Partition.of(t.gradientOrder.length, partLength, gradientRuns);
        reverseRuns.sort(Comparator.comparingInt(Reroll::from));
        this.reversePartition = Partition.of(t.reverseOrder.length, partLength, reverseRuns);
        this.storedForValue = stored(t, t.valueOrder, valueParts, null, null);
        this.storedForGradient = stored(t, t.gradientOrder, gradientParts, known, fusedAt.values());
        this.reverseParts = reverseParts(t, reversePartition, partLength, fusedAt);
        this.adjointInBuffer = new boolean[t.size];
    }

    /**
     * The plan with parts of {@code partLength} nodes (and steps, and gradient entries left over), for the kernel
     * whose adjoints known at compile time are {@code known}; with {@code reroll}, each run of repeated blocks
     * ({@link Reroll}) is a part of its own, run as a loop.
     */
    static KernelSplit of(Tape t, int partLength, ConstantAdjoints known, boolean reroll) {
        return of(t, partLength, known, reroll, false);
    }

    /**
     * The plan as {@link #of(Tape, int, ConstantAdjoints, boolean)}; with {@code fuse} too, a run of the gradient's
     * schedule whose reverse steps can follow each block's forward ones ({@link #fusedRange}) runs them in the
     * forward loop, and its reverse steps are a {@code fused} reverse part, written by that loop.
     */
    static KernelSplit of(Tape t, int partLength, ConstantAdjoints known, boolean reroll, boolean fuse) {
        if (partLength < 1) {
            throw new IllegalArgumentException("a part needs at least one node, not " + partLength);
        }
        return new KernelSplit(t, partLength, known, reroll, fuse);
    }

    /**
     * The range {from, to} of the reverse order that holds the reverse steps of a forward run, or null if they
     * cannot run block by block right after each block's forward steps with the interpreter's order of additions:
     * the run's reverse steps must be one range, the run's blocks in reverse; and no reverse step before that range
     * may add to a node the run's steps add to, or to one of the run's own nodes of unknown adjoint (the loop runs
     * before those steps, and starts each such adjoint at 0); and the values they read must be computed before the
     * run or in it. The rest of the conditions (each step's adjoint
     * complete within its block, no node every block adds to) {@link RerolledLoop#writeFused} checks.
     */
    private static int[] fusedRange(Tape t, Reroll run, ConstantAdjoints known, int[] reverseStep) {
        int[] order = t.gradientOrder;
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        int steps = 0;
        int previous = Integer.MAX_VALUE;
        for (int k = run.from(); k < run.to(); k++) {
            int position = reverseStep[order[k]];
            if (position < 0) {
                continue;
            }
            if (position >= previous) {
                return null;
            }
            previous = position;
            from = Math.min(from, position);
            to = Math.max(to, position + 1);
            steps++;
        }
        if (steps == 0 || to - from != steps) {
            return null;
        }
        // what the reverse steps read must be computed by then: a partial derivative the schedule computes after
        // the run (as it does those of every function) is not
        boolean[] byThen = new boolean[t.size];
        for (int k = 0; k < run.to(); k++) {
            byThen[order[k]] = true;
        }
        for (int k = run.from(); k < run.to(); k++) {
            int i = order[k];
            if (reverseStep[i] < 0) {
                continue;
            }
            for (int read : readByReverse(t, i, known)) {
                if (read >= 0 && Tape.isComputed(t.op[read]) && !byThen[read]) {
                    return null;
                }
            }
        }
        boolean[] addedToBefore = new boolean[t.size];
        for (int k = 0; k < from; k++) {
            int i = t.reverseOrder[k];
            for (int argument : new int[] {t.left[i], t.right[i]}) {
                if (argument >= 0) {
                    addedToBefore[argument] = true;
                }
            }
        }
        for (int k = run.from(); k < run.to(); k++) {
            int i = order[k];
            if (addedToBefore[i] && !known.isKnown(i)) {
                return null;
            }
            for (int argument : new int[] {t.left[i], t.right[i]}) {
                if (argument >= 0 && addedToBefore[argument] && receives(t, argument, known)) {
                    return null;
                }
            }
        }
        return new int[] {from, to};
    }

    /** Whether the tape can be split: scalar nodes only, one output, a reverse sweep with at least one step. */
    static boolean applies(Tape t) {
        return !t.hasVectors && t.outputs.length == 1 && t.reverseOrder.length > 0;
    }

    private Partition forward(boolean withGradient) {
        return withGradient ? gradientParts : valueParts;
    }

    /** The number of forward parts of the value's schedule or of the gradient's. */
    int forwardParts(boolean withGradient) {
        return forward(withGradient).parts();
    }

    /** The first step of forward part p. */
    int forwardStart(boolean withGradient, int p) {
        return forward(withGradient).starts()[p];
    }

    /** The step after the last of forward part p. */
    int forwardEnd(boolean withGradient, int p) {
        return forward(withGradient).starts()[p + 1];
    }

    /** The run that forward part p loops over, or null for straight-line code. */
    Reroll forwardLoop(boolean withGradient, int p) {
        return forward(withGradient).loops()[p];
    }

    List<ReversePart> reverseParts() {
        return reverseParts;
    }

    /** The fused reverse part of a run of the gradient's forward schedule, or null if its reverse is not fused. */
    ReversePart fusedReverse(Reroll run) {
        for (ReversePart part : reverseParts) {
            if (part.fused() && part.loop().equals(run)) {
                return part;
            }
        }
        return null;
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
        return reverseStep[i] < 0 ? -1 : reversePartition.partOfStep()[reverseStep[i]];
    }

    /** The index of the reverse part that runs reverse step k. */
    int reversePartOfStep(int k) {
        return reversePartition.partOfStep()[k];
    }

    /**
     * Values read outside the forward part that computes them, the output's included; with {@code known} (for the
     * gradient), those the reverse sweep reads.
     */
    private static boolean[] stored(Tape t, int[] order, Partition parts, ConstantAdjoints known,
                                    Collection<Reroll> fused) {
        // a fused run's reverse steps read its values where its forward steps leave them, in locals
        boolean[] inFused = new boolean[t.size];
        for (Reroll run : fused == null ? List.<Reroll>of() : fused) {
            for (int k = run.from(); k < run.to(); k++) {
                inFused[order[k]] = true;
            }
        }
        int[] part = new int[t.size];
        Arrays.fill(part, -1);
        for (int k = 0; k < order.length; k++) {
            part[order[k]] = parts.partOfStep()[k];
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
                    if (read >= 0 && part[read] >= 0 && !(inFused[i] && inFused[read])) {
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
        if (known.isKnown(i) && known.of(i) == 0 && KernelMethod.skipsZeroAdjoint(t.op[i])) {
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
    static boolean receives(Tape t, int n, ConstantAdjoints known) {
        return n >= 0 && (t.op[n] == Tape.INPUT || Tape.isComputed(t.op[n])) && !known.isKnown(n);
    }

    /**
     * The reverse parts; each variable's gradient entry goes to the part of its last contribution, and the entries of
     * variables that take none (unused, or of an adjoint known at compile time) to parts of their own at the end.
     */
    private static List<ReversePart> reverseParts(Tape t, Partition partition, int partLength,
                                                  Map<Integer, Reroll> fusedAt) {
        int[] order = t.reverseOrder;
        int parts = partition.parts();
        int[] lastPart = new int[t.size];
        Arrays.fill(lastPart, -1);
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            for (int argument : new int[] {t.left[i], t.right[i]}) {
                if (argument >= 0 && t.op[argument] == Tape.INPUT) {
                    lastPart[argument] = partition.partOfStep()[k];
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
            Reroll fused = fusedAt.get(partition.starts()[p]);
            result.add(new ReversePart(partition.starts()[p], partition.starts()[p + 1],
                    slots.get(p).stream().mapToInt(Integer::intValue).toArray(),
                    fused != null ? fused : partition.loops()[p], fused != null));
        }
        for (int from = 0; from < leftOver.size(); from += partLength) {
            result.add(new ReversePart(order.length, order.length, leftOver.subList(from,
                    Math.min(leftOver.size(), from + partLength)).stream().mapToInt(Integer::intValue).toArray(), null,
                    false));
        }
        return List.copyOf(result);
    }
}
