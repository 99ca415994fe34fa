package dev.fluxion.dsl.tape;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSTORE;

import dev.fluxion.dsl.tape.RerolledLoop.Family;
import dev.fluxion.dsl.tape.RerolledLoop.Member;
import dev.fluxion.dsl.tape.RerolledLoop.Operand;
import dev.fluxion.dsl.tape.RerolledLoop.Refused;
import dev.fluxion.dsl.tape.RerolledLoop.ReverseSteps;
import dev.fluxion.dsl.tape.RerolledLoop.Source;
import dev.fluxion.dsl.tape.TermMachine.Term;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;

/**
 * The reverse side of a fused loop ({@link RerolledLoop#writeFused}): the reverse steps of a run of the gradient's
 * schedule, run in the forward loop right after each block's forward steps, reading the values where the forward
 * steps left them.
 *
 * <p>The interpreter's reverse sweep ({@link Sweeps#reverse}) runs the blocks last to first; the fused loop runs them
 * first to last. That keeps the interpreter's bits only where each step's adjoint is complete within its block (it
 * takes contributions from its own block only, as a sum's terms do, whose adjoints are known at compile time), and
 * where every node outside the run that the blocks add to is reached at a constant stride, as a family of adjoints
 * V(k) = base + k stride. Block b completes V(b + lowest) of each such family; a contribution to a member it does not
 * complete is held ({@link Held}) and added in the block that does, in the interpreter's order. A run that cannot be
 * fused this way is refused ({@link Refused}), and the kernel is split with a reverse loop instead.
 *
 * <p>The loop being written ({@link RerolledLoop}) owns the code: its operands, its windows of adjoint locals, its
 * reverse step; this class plans the fusion and writes what is fused loops' own: the held contributions, and where
 * each completed adjoint goes.
 */
final class FusedReverse {
    /** The most exceptions to a family's destination in a fused loop, each a few instructions after the loop. */
    private static final int MOST_EXCEPTIONS = 16;

    /**
     * A contribution that block b of a fused loop makes to V(b + offset) of a family of targets outside the run,
     * above the family's lowest offset. The interpreter's reverse sweep runs the blocks last to first, so V(k) takes
     * the contributions of block k - lowest first and those of earlier blocks after; the fused loop runs the blocks
     * first to last, so it holds this contribution, as a number of its own, until block b + offset - lowest completes
     * V and adds it there, in the interpreter's order: {@code ages[a]} holds the one of block b - 1 - a. A
     * difference's contribution is held negated (x - c is x + (-c), bit for bit), and one not made (by a block before
     * block 0, or skipped for a zero adjoint) is -0, which added to any x gives x.
     */
    private static final class Held {
        final Family family;
        final int offset;
        /** This block's contribution. */
        int fresh;
        int[] ages;

        Held(Family family, int offset) {
            this.family = family;
            this.offset = offset;
        }
    }

    private final RerolledLoop loop;
    private final Tape t;
    private final MethodVisitor mv;
    private final KernelSplit split;
    /** The reverse steps of block 0, with the adjoint families they touch. */
    private final ReverseSteps steps;
    /** The steps j of the run that have reverse steps, last first: the interpreter's order within a block. */
    private final int[] order;
    /** The held contributions, in the order the interpreter adds them within a block; and each step's, by target. */
    private final List<Held> held;
    private final List<Map<Integer, List<Held>>> heldOfStep;
    /** Where each family's completed adjoints go: true to their gradient entries, false to the adjoint buffer. */
    private final Map<Family, Boolean> toGradient;
    /** Each family's members that go the other way, set after the loop ({@link #fusedDestination}). */
    private final Map<Family, int[]> exceptions;
    /** The gradient entries of the part, and those the loop writes. */
    private final BitSet slotsHere;
    private final BitSet gradientWritten;
    /** The held contributions of the step being written, by target node of block 0; null outside its reverse step. */
    private Map<Integer, List<Held>> stepHeld;
    /** How many contributions the step being written has made to each target it holds them for. */
    private final Map<Integer, Integer> heldCalls = new HashMap<>();

    private FusedReverse(RerolledLoop loop, ReverseSteps steps, int[] order, List<Held> held,
                         List<Map<Integer, List<Held>>> heldOfStep, Map<Family, Boolean> toGradient,
                         Map<Family, int[]> exceptions, BitSet slotsHere, BitSet gradientWritten) {
        this.loop = loop;
        this.t = loop.t;
        this.mv = loop.mv;
        this.split = loop.split;
        this.steps = steps;
        this.order = order;
        this.held = held;
        this.heldOfStep = heldOfStep;
        this.toGradient = toGradient;
        this.exceptions = exceptions;
        this.slotsHere = slotsHere;
        this.gradientWritten = gradientWritten;
    }

    /**
     * The reverse steps of a run of the gradient's schedule, to run in the forward loop right after each block's
     * forward steps: refused unless each step's adjoint is complete within its block (it takes contributions from
     * its own block only) and every node outside the run the blocks add to is reached at a stride. Marks in
     * {@code carried} the steps whose values the next block's reverse steps read.
     */
    static FusedReverse plan(RerolledLoop loop, Reroll run, int[] stride, Map<Integer, Integer> stepOfNode,
                             boolean[] carried, KernelSplit.ReversePart part) {
        Tape t = loop.t;
        KernelSplit split = loop.split;
        int[] order = t.gradientOrder;
        int period = run.period();
        int count = run.count();
        List<Family> families = new ArrayList<>();
        Member[] own = new Member[period];
        List<Integer> backwards = new ArrayList<>();
        for (int j = period - 1; j >= 0; j--) {
            int node = run.node(order, 0, j);
            if (split.reversePartOf(node) < 0) {
                continue;
            }
            backwards.add(j);
            loop.addOwnFamily(families, own, j, node, stride[j]);
        }
        List<Map<Integer, Member>> targets = new ArrayList<>();
        List<Map<Integer, Operand>> reads = new ArrayList<>();
        for (int j = 0; j < period; j++) {
            int node = run.node(order, 0, j);
            if (split.reversePartOf(node) < 0) {
                targets.add(Map.of());
                reads.add(Map.of());
                continue;
            }
            int[] first = Reroll.operands(t, node);
            int[] second = Reroll.operands(t, run.node(order, 1, j));
            Operand[] read = new Operand[5];
            for (int s = 0; s < 4; s++) {
                if (first[s] < 0) {
                    continue;
                }
                Operand o = loop.classify(first[s], second[s] - first[s], order, run, stride, true);
                if (o.source() == Source.CARRIED) {
                    if (stepOfNode.containsKey(o.node())) {
                        throw new Refused("block 0 reads a value of its own run through the carry");
                    }
                    carried[o.step()] = true;
                } else if (o.source() == Source.BUFFER) {
                    for (int b = 0; b < count; b++) {
                        if (stepOfNode.containsKey(o.node() + b * o.stride())) {
                            throw new Refused("a reverse step reads a value of another block of its run");
                        }
                    }
                }
                read[s] = o;
            }
            // the node itself, which a quotient's rule reads
            read[4] = new Operand(Source.LOCAL, node, stride[j], 0, 0, j);
            reads.add(RerolledLoop.byNode(read));
            targets.add(loop.targetsOf(families, first, second));
        }
        loop.placeWindows(families, targets, count);
        for (Family f : families) {
            if (f.stride == 0) {
                throw new Refused("every block adds to node " + f.base + ": the loop would hold them all");
            }
            if (f.steps && (f.lowest != 0 || f.span != 1)) {
                throw new Refused("a step's adjoint takes contributions from another block");
            }
        }
        BitSet slotsHere = new BitSet();
        for (int k : part.gradientSlots()) {
            slotsHere.set(k);
        }
        BitSet gradientWritten = new BitSet();
        Map<Family, Boolean> toGradient = new HashMap<>();
        Map<Family, int[]> exceptions = new HashMap<>();
        for (Family f : families) {
            if (!f.steps) {
                fusedDestination(t, split, f, count, split.reversePartOfStep(part.from()), slotsHere,
                        gradientWritten, toGradient, exceptions);
            }
        }
        loop.checkGradientSlots(part, gradientWritten);
        List<Held> held = new ArrayList<>();
        List<Map<Integer, List<Held>>> heldOfStep = new ArrayList<>();
        for (int j = 0; j < period; j++) {
            heldOfStep.add(new HashMap<>());
        }
        for (int j : backwards) {
            int[] first = Reroll.operands(t, run.node(order, 0, j));
            for (Map.Entry<Integer, Member> e : targets.get(j).entrySet()) {
                Member m = e.getValue();
                if (m.family().steps || m.offset() == m.family().lowest) {
                    continue;
                }
                List<Held> calls = new ArrayList<>();
                for (int s = 0; s < 2; s++) {
                    if (first[s] == e.getKey()) {
                        Held h = new Held(m.family(), m.offset());
                        calls.add(h);
                        held.add(h);
                    }
                }
                heldOfStep.get(j).put(e.getKey(), calls);
            }
        }
        return new FusedReverse(loop, new ReverseSteps(families, own, targets, reads),
                backwards.stream().mapToInt(Integer::intValue).toArray(), held, heldOfStep, toGradient, exceptions,
                slotsHere, gradientWritten);
    }

    /**
     * Where the members of family f that a fused loop completes, V(lowest) .. V(count - 1 + lowest), go: to their
     * gradient entries (true) when most of them are variables whose entries this part writes, else to the adjoint
     * buffer; the others (such as the first, which the part before the run adds to last) are exceptions, set right
     * after the loop from where their adjoint went (the buffer from the gradient entry, 0 + adjoint, which differs
     * only in the sign of a zero adjoint, which no result depends on; a gradient entry written for a variable of a
     * later part is written again by that part). Marks in {@code gradientWritten} the entries the loop writes.
     */
    private static void fusedDestination(Tape t, KernelSplit split, Family f, int count, int thisPart,
                                         BitSet slotsHere, BitSet gradientWritten, Map<Family, Boolean> toGradient,
                                         Map<Family, int[]> exceptions) {
        boolean allVariables = true;
        int owned = 0;
        for (int k = 0; k < count - 1 + f.span; k++) {
            int node = f.node(k + f.lowest);
            boolean variable = t.op[node] == Tape.INPUT;
            if (!variable && split.reversePartOf(node) <= thisPart) {
                throw new Refused("node " + node + " takes contributions after its own reverse step");
            }
            boolean gradient = variable && slotsHere.get(t.left[node]);
            if (gradient) {
                gradientWritten.set(t.left[node]);
            }
            if (k < count) {
                allVariables &= variable;
                owned += gradient ? 1 : 0;
            }
        }
        boolean gradient = allVariables && 2 * owned >= count;
        if (gradient) {
            int slot0 = t.left[f.node(f.lowest)];
            int slotStride = t.left[f.node(f.lowest + 1)] - slot0;
            for (int k = 0; k < count; k++) {
                if (t.left[f.node(k + f.lowest)] != slot0 + k * slotStride) {
                    throw new Refused("the gradient slots of a family are not at a constant stride");
                }
            }
        }
        List<Integer> odd = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int node = f.node(k + f.lowest);
            if ((t.op[node] == Tape.INPUT && slotsHere.get(t.left[node])) != gradient) {
                odd.add(k);
            }
        }
        if (odd.size() > MOST_EXCEPTIONS) {
            throw new Refused("the gradient entries of one family go out in different parts");
        }
        toGradient.put(f, gradient);
        exceptions.put(f, odd.stream().mapToInt(Integer::intValue).toArray());
    }

    /** What the reverse steps read, step by step, by node of block 0: the loop starts their carries before it. */
    List<Map<Integer, Operand>> reads() {
        return steps.reads();
    }

    /** The gradient entries the loop writes. */
    BitSet gradientWritten() {
        return gradientWritten;
    }

    /** Before the loop: each family's adjoint local at +0, each held contribution at -0 (none made). */
    void open() {
        for (Family f : steps.families()) {
            f.window = new int[] {loop.newDouble()};
            mv.visitInsn(DCONST_0);
            mv.visitVarInsn(DSTORE, f.window[0]);
        }
        for (Held h : held) {
            h.fresh = loop.newDouble();
            h.ages = new int[h.offset - h.family.lowest];
            for (int a = 0; a < h.ages.length; a++) {
                h.ages[a] = loop.newDouble();
                mv.visitLdcInsn(-0.0);
                mv.visitVarInsn(DSTORE, h.ages[a]);
            }
        }
    }

    /**
     * Block b's reverse steps, in the interpreter's order; then V(b + lowest) of each family outside the run is
     * complete (this block's contributions, then those held from blocks b - 1, b - 2, ...) and goes to its gradient
     * entry or to the adjoint buffer, and the held contributions age by one block.
     */
    void writeBlock(Reroll run) {
        for (Family f : steps.families()) {
            f.assigned = false;
        }
        for (Held h : held) {
            mv.visitLdcInsn(-0.0);
            mv.visitVarInsn(DSTORE, h.fresh);
        }
        for (int j : order) {
            stepHeld = heldOfStep.get(j);
            heldCalls.clear();
            loop.reverseStep(run.node(t.gradientOrder, 0, j), steps.own()[j], steps.targets().get(j),
                    steps.reads().get(j));
        }
        stepHeld = null;
        for (Family f : steps.families()) {
            if (f.steps) {
                continue;
            }
            loop.ensureAssigned(f);
            addHeld(f, 0);
            if (Boolean.TRUE.equals(toGradient.get(f))) {
                int slot0 = t.left[f.node(f.lowest)];
                int slotStride = t.left[f.node(f.lowest + 1)] - slot0;
                loop.storeGradient(() -> loop.index(slot0, slotStride), f.window[0]);
            } else {
                mv.visitVarInsn(ALOAD, loop.adjointBuffer);
                loop.index(f.node(f.lowest), f.stride);
                mv.visitVarInsn(DLOAD, f.window[0]);
                mv.visitInsn(DASTORE);
            }
        }
        for (Held h : held) {
            for (int a = h.ages.length - 1; a > 0; a--) {
                mv.visitVarInsn(DLOAD, h.ages[a - 1]);
                mv.visitVarInsn(DSTORE, h.ages[a]);
            }
            mv.visitVarInsn(DLOAD, h.fresh);
            mv.visitVarInsn(DSTORE, h.ages[0]);
        }
    }

    /**
     * Holds a contribution of the step being written, adj[target] (+ or -)= term, if it is one that a later block
     * adds ({@link Held}): stores it, negated for -, in its local and returns true; false if the loop adds it now.
     */
    boolean hold(int target, Term term, boolean subtract) {
        List<Held> calls = stepHeld == null ? null : stepHeld.get(target);
        if (calls == null) {
            return false;
        }
        int call = heldCalls.merge(target, 1, Integer::sum) - 1;
        if (call >= calls.size()) {
            throw new Refused("a step adds to node " + target + " more often than it names it");
        }
        term.emit();
        if (subtract) {
            mv.visitInsn(DNEG);
        }
        mv.visitVarInsn(DSTORE, calls.get(call).fresh);
        return true;
    }

    /**
     * Adds to family f's local what the blocks before hold for the member completed {@code later} blocks after the
     * last one run: for d = later + 1 .. span - 1, the contributions of the block d - later back to offset lowest + d,
     * in the interpreter's order.
     */
    private void addHeld(Family f, int later) {
        for (int d = later + 1; d < f.span; d++) {
            for (Held h : held) {
                if (h.family == f && h.offset == f.lowest + d) {
                    mv.visitVarInsn(DLOAD, f.window[0]);
                    mv.visitVarInsn(DLOAD, h.ages[d - 1 - later]);
                    mv.visitInsn(DADD);
                    mv.visitVarInsn(DSTORE, f.window[0]);
                }
            }
        }
    }

    /**
     * After the loop: the exceptions to each family's destination, then the members the last blocks added to beyond
     * the last completed one, V(count + lowest) .. V(count - 1 + highest), each +0 plus what is held for it, go to
     * their gradient entries or the buffer.
     */
    void close(int count) {
        for (Family f : steps.families()) {
            if (f.steps) {
                continue;
            }
            boolean gradient = Boolean.TRUE.equals(toGradient.get(f));
            BitSet odd = new BitSet();
            for (int k : exceptions.get(f)) {
                odd.set(k);
                int node = f.node(k + f.lowest);
                if (gradient) {
                    // to the buffer, for the part that adds to it after
                    mv.visitVarInsn(ALOAD, loop.adjointBuffer);
                    loop.push(node);
                    mv.visitVarInsn(ALOAD, RerolledLoop.GRADIENT);
                    loop.push(t.left[node]);
                    mv.visitInsn(DALOAD);
                    mv.visitInsn(DASTORE);
                    split.leaveInBuffer(node);
                } else {
                    mv.visitVarInsn(ALOAD, RerolledLoop.GRADIENT);
                    loop.push(t.left[node]);
                    mv.visitInsn(DCONST_0);
                    mv.visitVarInsn(ALOAD, loop.adjointBuffer);
                    loop.push(node);
                    mv.visitInsn(DALOAD);
                    mv.visitInsn(DADD);
                    mv.visitInsn(DASTORE);
                }
            }
            for (int k = 0; !gradient && k < count; k++) {
                if (!odd.get(k)) {
                    split.leaveInBuffer(f.node(k + f.lowest));
                }
            }
            for (int later = 0; later + 1 < f.span; later++) {
                int node = f.node(count + f.lowest + later);
                mv.visitInsn(DCONST_0);
                mv.visitVarInsn(DSTORE, f.window[0]);
                addHeld(f, later);
                if (t.op[node] == Tape.INPUT && slotsHere.get(t.left[node])) {
                    loop.storeGradient(() -> loop.push(t.left[node]), f.window[0]);
                } else {
                    mv.visitVarInsn(ALOAD, loop.adjointBuffer);
                    loop.push(node);
                    mv.visitVarInsn(DLOAD, f.window[0]);
                    mv.visitInsn(DASTORE);
                    split.leaveInBuffer(node);
                }
            }
        }
    }
}
