package dev.fluxion.dsl.tape;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;

import dev.fluxion.dsl.tape.TermMachine.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes one part of a split kernel ({@link KernelSplit}) that runs a run of repeated blocks ({@link Reroll}) as a
 * loop over the blocks, in the forward sweep or in the reverse sweep; the blocks' operations are written once, with
 * each node and operand at its position in block 0 plus b times its stride.
 *
 * <p>Forward: a value read within its block is a local; one read by the next block is carried to it in a local; any
 * other is read from the value buffer, and every value that another part, the reverse sweep or a later block reads
 * is stored there, as in a straight-line part.
 *
 * <p>Reverse: every adjoint the loop touches is a family of nodes V(k) = base + k stride (the nodes of one step of
 * every block, or variables or earlier nodes that the blocks reach at a constant stride). Block b contributes to V(b)
 * ... V(b + span - 1) only, so a window of span locals holds them; after block b, V(b) has all its contributions from
 * the run, goes to its gradient entry or to the adjoint buffer (when a later part adds to it or reads it), and the
 * window moves on by one. Each adjoint starts at +0 or at what earlier parts left in the buffer, and takes its
 * contributions in the interpreter's order, the steps of each block in the order of its reverse sweep, with its
 * arithmetic ({@link Sweeps#reverse}): the loop gives the interpreter's bits.
 *
 * <p>The arithmetic of each step, forward and reverse, is the rule table's ({@link Rules}), run on a
 * {@link TermMachine} whose operands (this class, as {@link TermMachine.Operands}) are the step's reads in block b
 * and its adjoint window; this class decides only where a number is read and where a contribution goes.
 *
 * <p>A run the loop cannot keep exact (a family that would meet another, an adjoint that an earlier part left in
 * the buffer where the loop starts one at 0, gradient entries of one family written in different parts) is
 * refused with {@link Refused}, and the kernel is then split without loops.
 *
 * <p>Fused ({@link #writeFused}): where each step's adjoint is complete within its block (a sum's terms, whose
 * adjoints are known at compile time), the gradient's forward loop runs each block's reverse steps right after its
 * forward ones, reading the values where the forward steps left them, in locals; {@link FusedReverse} plans that
 * and writes what only fused loops have. A run that cannot be fused is refused, and the kernel is split with a
 * reverse loop as above.
 */
final class RerolledLoop implements TermMachine.Operands {
    private static final int X = 1;
    static final int GRADIENT = 2;

    /** Where a step's operand is read from. */
    enum Source { CONSTANT, VARIABLE, LOCAL, CARRIED, BUFFER }

    /** An operand of step j: its node in block 0, its stride, and where it is read from (a local's step for both). */
    record Operand(Source source, int node, int stride, int slot, int slotStride, int step) {
    }

    /** Thrown when a run cannot be written as a loop with the interpreter's bits. */
    static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    final Tape t;
    final MethodVisitor mv;
    private final ConstantAdjoints known;
    private final TermMachine rules;
    final KernelSplit split;
    private final int valueBuffer;
    final int adjointBuffer;
    private int nextLocal;
    /** The int local of the block counter b. */
    private int counter = -1;
    private Label loopHead;
    /** The step being written: where its rule reads each operand node of block 0. */
    private Map<Integer, Operand> stepReads;
    /** The step being written: the window member of each operand node of block 0 that takes its contributions. */
    private Map<Integer, Member> stepTargets;
    /** The step being written in the reverse sweep: its adjoint in block b. */
    private Term stepAdjoint;
    /** The forward loop's locals of the steps' values and carries; null in the reverse loop. */
    private int[] stepLocals;
    private int[] carries;

    /**
     * A loop part with the arguments of the entry point it is part of: {@code (x, values)} for the value,
     * {@code (x, gradient, values, adjoints)} for the gradient.
     */
    RerolledLoop(Tape t, MethodVisitor mv, String owner, KernelConstants constants, ConstantAdjoints known,
                 boolean withGradient, KernelSplit split) {
        this.t = t;
        this.mv = mv;
        this.known = known;
        this.rules = new TermMachine(t, mv, owner, constants, this, false);
        this.split = split;
        this.valueBuffer = withGradient ? 3 : 2;
        this.adjointBuffer = withGradient ? 4 : -1;
        this.nextLocal = withGradient ? 5 : 3;
    }

    // ---------------------------------------------------------------- forward

    /** The forward loop over {@code run} of a schedule; returns the code size. */
    int writeForward(int[] order, Reroll run, boolean withGradient) {
        return writeForward(order, run, withGradient, null);
    }

    /**
     * The forward loop over {@code run} of the gradient's schedule with the reverse steps of each block right after
     * its forward ones ({@link FusedReverse}): the reverse part {@code fused} of the split, whose steps are the
     * run's, in one pass; returns the code size.
     */
    int writeFused(Reroll run, KernelSplit.ReversePart fused) {
        return writeForward(t.gradientOrder, run, true, fused);
    }

    private int writeForward(int[] order, Reroll run, boolean withGradient, KernelSplit.ReversePart fused) {
        int period = run.period();
        int count = run.count();
        Map<Integer, Integer> stepOfNode = new HashMap<>();
        for (int b = 0; b < count; b++) {
            for (int j = 0; j < period; j++) {
                stepOfNode.put(run.node(order, b, j), j);
            }
        }
        int[] stride = new int[period];
        Operand[][] operands = new Operand[period][];
        boolean[] stored = new boolean[period];
        boolean[] carried = new boolean[period];
        for (int j = 0; j < period; j++) {
            stride[j] = run.node(order, 1, j) - run.node(order, 0, j);
        }
        for (int j = 0; j < period; j++) {
            int[] first = Reroll.operands(t, run.node(order, 0, j));
            int[] second = Reroll.operands(t, run.node(order, 1, j));
            operands[j] = new Operand[4];
            // the value reads the arguments only, not the partials
            for (int s = 0; s < 2; s++) {
                if (first[s] < 0) {
                    continue;
                }
                Operand o = classify(first[s], second[s] - first[s], order, run, stride, true);
                operands[j][s] = o;
                if (o.source() == Source.CARRIED) {
                    carried[o.step()] = true;
                    if (stepOfNode.containsKey(o.node())) {
                        throw new Refused("block 0 reads a value of its own run through the carry");
                    }
                } else if (o.source() == Source.BUFFER) {
                    for (int b = 0; b < count; b++) {
                        Integer step = stepOfNode.get(o.node() + b * o.stride());
                        if (step != null) {
                            stored[step] = true;
                        }
                    }
                }
            }
            for (int b = 0; b + 1 < count; b++) {
                stored[j] |= split.storesValue(run.node(order, b, j), withGradient);
            }
        }
        List<Map<Integer, Operand>> readsByNode = new ArrayList<>();
        for (Operand[] step : operands) {
            readsByNode.add(byNode(step));
        }
        FusedReverse plan = fused == null ? null : FusedReverse.plan(this, run, stride, stepOfNode, carried, fused);
        fusedReverse = plan;
        // a value only the last block's is read outside the loop (the output, the next part's argument) is stored
        // once, after it
        boolean[] storedAfter = new boolean[period];
        for (int j = 0; j < period; j++) {
            storedAfter[j] = !stored[j] && split.storesValue(run.node(order, count - 1, j), withGradient);
        }
        mv.visitCode();
        int[] local = new int[period];
        int[] carry = new int[period];
        for (int j = 0; j < period; j++) {
            local[j] = newDouble();
            if (carried[j]) {
                carry[j] = newDouble();
            }
            if (storedAfter[j]) {
                // read after the loop: the verifier wants it set on the path that skips the loop
                mv.visitInsn(DCONST_0);
                mv.visitVarInsn(DSTORE, local[j]);
            }
        }
        // the carries start with what block -1 would have left: the nodes block 0 reads in their place
        List<Operand> reads = new ArrayList<>();
        for (Operand[] step : operands) {
            reads.addAll(Arrays.asList(step));
        }
        if (plan != null) {
            for (Map<Integer, Operand> step : plan.reads()) {
                reads.addAll(step.values());
            }
        }
        BitSet carryStarted = new BitSet();
        for (Operand o : reads) {
            if (o != null && o.source() == Source.CARRIED && !carryStarted.get(o.step())) {
                carryStarted.set(o.step());
                loadOutside(o.node());
                mv.visitVarInsn(DSTORE, carry[o.step()]);
            }
        }
        stepLocals = local;
        carries = carry;
        if (plan != null) {
            plan.open();
        }
        Label end = beginLoop(count);
        for (int j = 0; j < period; j++) {
            int node = run.node(order, 0, j);
            stepReads = readsByNode.get(j);
            rules.at(node).term(Rules.value(t.op[node], rules)).emit();
            mv.visitVarInsn(DSTORE, local[j]);
            if (stored[j]) {
                mv.visitVarInsn(ALOAD, valueBuffer);
                index(node, stride[j]);
                mv.visitVarInsn(DLOAD, local[j]);
                mv.visitInsn(DASTORE);
            }
        }
        if (plan != null) {
            inBranches = true;
            plan.writeBlock(run);
            inBranches = false;
        }
        for (int j = 0; j < period; j++) {
            if (carried[j]) {
                mv.visitVarInsn(DLOAD, local[j]);
                mv.visitVarInsn(DSTORE, carry[j]);
            }
        }
        endLoop(end);
        for (int j = 0; j < period; j++) {
            if (storedAfter[j]) {
                mv.visitVarInsn(ALOAD, valueBuffer);
                push(run.node(order, count - 1, j));
                mv.visitVarInsn(DLOAD, local[j]);
                mv.visitInsn(DASTORE);
            }
        }
        if (plan != null) {
            plan.close(count);
            writeKnownGradient(fused, plan.gradientWritten());
        }
        return finish();
    }

    /**
     * Where operand node r0 of block 0, at stride {@code delta}, is read from; {@code forward}: from a local of its
     * block or carried from the block before where it is one.
     */
    Operand classify(int r0, int delta, int[] order, Reroll run, int[] stride, boolean forward) {
        if (t.op[r0] == Tape.CONSTANT) {
            return new Operand(Source.CONSTANT, r0, 0, 0, 0, -1);
        }
        if (t.op[r0] == Tape.INPUT) {
            int slotStride = t.left[r0 + delta] - t.left[r0];
            return new Operand(Source.VARIABLE, r0, delta, t.left[r0], slotStride, -1);
        }
        if (forward) {
            for (int j = 0; j < run.period(); j++) {
                if (delta == stride[j] && r0 == run.node(order, 0, j)) {
                    return new Operand(Source.LOCAL, r0, delta, 0, 0, j);
                }
            }
            for (int j = 0; j < run.period(); j++) {
                if (delta == stride[j] && r0 + delta == run.node(order, 0, j)) {
                    return new Operand(Source.CARRIED, r0, delta, 0, 0, j);
                }
            }
        }
        return new Operand(Source.BUFFER, r0, delta, 0, 0, -1);
    }

    /**
     * A step's reads by their node of block 0, as the rules name them; refused where one node is read at two
     * strides (as u_0 v_b), which the rules, naming nodes, cannot tell apart.
     */
    static Map<Integer, Operand> byNode(Operand[] reads) {
        Map<Integer, Operand> byNode = new HashMap<>();
        for (Operand o : reads) {
            if (o != null) {
                Operand before = byNode.put(o.node(), o);
                if (before != null && !before.equals(o)) {
                    throw new Refused("node " + o.node() + " is read at two strides in one step");
                }
            }
        }
        return byNode;
    }

    /**
     * The operand's value in block b. In the forward loop, whose body has no branches, an element read from x or
     * the buffer is read once per block and kept in a local: the JIT cannot tell x from the buffer, so it would
     * read it again after each store.
     */
    private void load(Operand o, int[] local, int[] carry) {
        switch (o.source()) {
            case CONSTANT -> mv.visitLdcInsn(t.constants[o.node()]);
            case LOCAL -> mv.visitVarInsn(DLOAD, local[o.step()]);
            case CARRIED -> mv.visitVarInsn(DLOAD, carry[o.step()]);
            default -> {
                List<Integer> key = o.source() == Source.VARIABLE ? List.of(0, o.slot(), o.slotStride())
                        : List.of(1, o.node(), o.stride());
                Integer kept = local == null ? null : readOnce.get(key);
                if (kept != null) {
                    mv.visitVarInsn(DLOAD, kept);
                    return;
                }
                if (o.source() == Source.VARIABLE) {
                    mv.visitVarInsn(ALOAD, X);
                    index(o.slot(), o.slotStride());
                } else {
                    mv.visitVarInsn(ALOAD, valueBuffer);
                    index(o.node(), o.stride());
                }
                mv.visitInsn(DALOAD);
                if (local != null && !inBranches) {
                    int keep = newDouble();
                    readOnce.put(key, keep);
                    mv.visitInsn(DUP2);
                    mv.visitVarInsn(DSTORE, keep);
                }
            }
        }
    }

    /** The locals of the elements the forward loop's body has read from x or the buffer. */
    private final Map<List<Integer>, Integer> readOnce = new HashMap<>();
    /**
     * Whether the code being written is a fused loop's reverse steps, whose zero-adjoint branches a local set there
     * would not dominate: they reuse the forward steps' {@link #readOnce} locals but keep no new ones.
     */
    private boolean inBranches;
    /** The reverse side of the fused loop being written; null for the other loops. */
    private FusedReverse fusedReverse;

    /** The value of a node outside the loop: a constant, a variable from x, a computed node from the buffer. */
    private void loadOutside(int node) {
        if (t.op[node] == Tape.CONSTANT) {
            mv.visitLdcInsn(t.constants[node]);
        } else if (t.op[node] == Tape.INPUT) {
            mv.visitVarInsn(ALOAD, X);
            push(t.left[node]);
            mv.visitInsn(DALOAD);
        } else {
            mv.visitVarInsn(ALOAD, valueBuffer);
            push(node);
            mv.visitInsn(DALOAD);
        }
    }

    // ---------------------------------------------------------------- reverse

    /**
     * The adjoints of a family of nodes base + k stride (stride 0: one node that every block adds to), held in a
     * window of locals: {@code window[m]} is V(b + m) in block b.
     */
    static final class Family {
        final int base;
        final int stride;
        /** Whether the family is the nodes of one step of the run, whose adjoints the loop reads and uses up. */
        final boolean steps;
        /** The smallest offset of a member: window[m] holds V(b + lowest + m). */
        int lowest;
        int span = 1;
        int[] window;
        /**
         * Whether the family's adjoint lives within one block (span 1) and starts there with its first contribution
         * rather than 0 + it, as a straight-line part's does ({@link KernelMethod}): that saves an add per node and
         * block, and changes only the sign of a zero adjoint, which no result depends on (a zero adjoint's products
         * are skipped, and a gradient entry is written as 0 + its adjoint).
         */
        boolean startsWithContribution;
        /** Whether the block being written has set the local yet. */
        boolean assigned;

        Family(int base, int stride, boolean steps) {
            this.base = base;
            this.stride = stride;
            this.steps = steps;
        }

        int node(int k) {
            return base + k * stride;
        }
    }

    /** A contribution target or an adjoint read: its family and its offset in the window. */
    record Member(Family family, int offset) {
    }

    /** The steps of a reverse run in block 0: the adjoint families, each step's own member, targets and reads. */
    record ReverseSteps(List<Family> families, Member[] own, List<Map<Integer, Member>> targets,
                                List<Map<Integer, Operand>> reads) {
    }

    /** The reverse loop of a reverse part; returns the code size. */
    int writeReverse(KernelSplit.ReversePart part) {
        Reroll run = part.loop();
        int count = run.count();
        ReverseSteps steps = reverseSteps(run);
        List<Family> families = steps.families();
        placeWindows(families, steps.targets(), count);
        BitSet slotsHere = new BitSet();
        for (int k : part.gradientSlots()) {
            slotsHere.set(k);
        }
        BitSet gradientWritten = new BitSet();
        Map<Family, Boolean> toGradient = whereAdjointsGo(part, families, count, slotsHere, gradientWritten);
        checkStarts(part, families, count, gradientWritten);
        mv.visitCode();
        openWindows(families);
        Label end = beginLoop(count);
        writeBlock(run, steps);
        moveWindows(families, toGradient);
        endLoop(end);
        closeWindows(families, toGradient, count, slotsHere);
        writeKnownGradient(part, gradientWritten);
        return finish();
    }

    /**
     * The adjoints of step j's node across the blocks, V(b) = node + b * stride, as a family of their own (the step's
     * own adjoints), unless the node's adjoint is known at compile time.
     */
    void addOwnFamily(List<Family> families, Member[] own, int j, int node, int stride) {
        if (!known.isKnown(node)) {
            Family f = new Family(node, stride, true);
            families.add(f);
            own[j] = new Member(f, 0);
        }
    }

    /**
     * The families of adjoints the run touches (one per step whose adjoint is not known at compile time, and one for
     * each family of targets), and each step's reads and targets.
     */
    private ReverseSteps reverseSteps(Reroll run) {
        int[] order = t.reverseOrder;
        int period = run.period();
        List<Family> families = new ArrayList<>();
        Member[] own = new Member[period];
        int[] stride = new int[period];
        for (int j = 0; j < period; j++) {
            int node = run.node(order, 0, j);
            stride[j] = run.node(order, 1, j) - node;
            addOwnFamily(families, own, j, node, stride[j]);
        }
        List<Map<Integer, Member>> targets = new ArrayList<>();
        List<Map<Integer, Operand>> reads = new ArrayList<>();
        for (int j = 0; j < period; j++) {
            int node = run.node(order, 0, j);
            int[] first = Reroll.operands(t, node);
            int[] second = Reroll.operands(t, run.node(order, 1, j));
            Operand[] read = new Operand[5];
            for (int s = 0; s < 4; s++) {
                if (first[s] >= 0) {
                    read[s] = classify(first[s], second[s] - first[s], order, run, stride, false);
                }
            }
            // the node itself, which a quotient's rule reads
            read[4] = new Operand(Source.BUFFER, node, stride[j], 0, 0, -1);
            reads.add(byNode(read));
            targets.add(targetsOf(families, first, second));
        }
        return new ReverseSteps(families, own, targets, reads);
    }

    /**
     * The targets of a step of block 0 whose operands in blocks 0 and 1 are {@code first} and {@code second}: each
     * argument that takes contributions, as a member of its family (made if no family holds it yet).
     */
    Map<Integer, Member> targetsOf(List<Family> families, int[] first, int[] second) {
        Map<Integer, Member> step = new LinkedHashMap<>();
        for (int s = 0; s < 2; s++) {
            int target = first[s];
            if (target >= 0 && KernelSplit.receives(t, target, known)) {
                Member m = memberOf(families, target, second[s] - target);
                Member before = step.put(target, m);
                if (before != null && !before.equals(m)) {
                    throw new Refused("node " + target + " takes contributions at two strides in one step");
                }
            }
        }
        return step;
    }

    /** Sets each family's window: offsets from 0, a family whose smallest offset is below 0 moved to start there. */
    void placeWindows(List<Family> families, List<Map<Integer, Member>> targets, int count) {
        for (Family f : families) {
            int lowest = 0;
            int highest = 0;
            for (Map<Integer, Member> step : targets) {
                for (Member m : step.values()) {
                    if (m.family() == f) {
                        lowest = Math.min(lowest, m.offset());
                        highest = Math.max(highest, m.offset());
                    }
                }
            }
            if (f.steps && lowest < 0) {
                throw new Refused("a step's adjoint would take a contribution after it is read");
            }
            f.span = highest - lowest + 1;
            f.lowest = lowest;
        }
        checkDisjoint(families, count);
    }

    /**
     * Where each family's V(k) goes once the run has added all it adds: true to its gradient entry, false to the
     * adjoint buffer (null for a family of steps or of one node); marks in {@code gradientWritten} the gradient
     * entries the loop writes.
     */
    private Map<Family, Boolean> whereAdjointsGo(KernelSplit.ReversePart part, List<Family> families, int count,
                                                 BitSet slotsHere, BitSet gradientWritten) {
        int thisPart = split.reversePartOfStep(part.from());
        Map<Family, Boolean> toGradient = new HashMap<>();
        for (Family f : families) {
            if (f.steps) {
                for (int m = 0; m + 1 < f.span; m++) {
                    if (split.reversePartOf(f.node(count + m + f.lowest)) <= thisPart) {
                        throw new Refused("a node after the run takes contributions after its reverse step");
                    }
                }
                continue;
            }
            int last = f.stride == 0 ? 0 : count - 1 + f.span - 1;
            Boolean inLoop = null;
            for (int k = 0; k <= last; k++) {
                int node = f.node(k + f.lowest);
                boolean gradient = t.op[node] == Tape.INPUT && slotsHere.get(t.left[node]);
                if (t.op[node] != Tape.INPUT && split.reversePartOf(node) <= thisPart) {
                    throw new Refused("node " + node + " takes contributions after its own reverse step");
                }
                if (f.stride != 0 && k < count) {
                    if (inLoop != null && inLoop != gradient) {
                        throw new Refused("the gradient entries of one family go out in different parts");
                    }
                    inLoop = gradient;
                }
                if (gradient) {
                    gradientWritten.set(t.left[node]);
                }
            }
            toGradient.put(f, inLoop);
            if (f.stride != 0 && Boolean.TRUE.equals(inLoop)) {
                int slot0 = t.left[f.node(f.lowest)];
                int slotStride = t.left[f.node(f.lowest + 1)] - slot0;
                for (int k = 0; k < count; k++) {
                    if (t.left[f.node(k + f.lowest)] != slot0 + k * slotStride) {
                        throw new Refused("the gradient slots of a family are not at a constant stride");
                    }
                }
            }
        }
        return toGradient;
    }

    /**
     * Refuses a run whose adjoints would not start as the interpreter's: one that enters the window during the loop
     * (at 0) but that an earlier part added to, or a gradient entry of the part that neither a family nor a known
     * adjoint gives.
     */
    private void checkStarts(KernelSplit.ReversePart part, List<Family> families, int count, BitSet gradientWritten) {
        for (Family f : families) {
            if (f.stride == 0) {
                continue;
            }
            for (int k = f.span; k < count - 1 + f.span; k++) {
                if (split.adjointInBuffer(f.node(k + f.lowest))) {
                    throw new Refused("an earlier part added to an adjoint that the loop starts at 0");
                }
            }
        }
        checkGradientSlots(part, gradientWritten);
    }

    /** Refuses a gradient entry of the part that neither a family nor a known adjoint gives. */
    void checkGradientSlots(KernelSplit.ReversePart part, BitSet gradientWritten) {
        for (int k : part.gradientSlots()) {
            int position = t.inputPosition[k];
            if (!gradientWritten.get(k) && !(position >= 0 && known.isKnown(position))) {
                throw new Refused("gradient entry " + k + " belongs to the loop's part but no family holds it");
            }
        }
    }

    /** Gives each family its window of locals, holding the adjoints of block 0's members as the loop starts. */
    private void openWindows(List<Family> families) {
        for (Family f : families) {
            f.startsWithContribution = f.span == 1 && f.stride != 0 && !split.adjointInBuffer(f.node(f.lowest));
            f.window = new int[f.span];
            for (int m = 0; m < f.span; m++) {
                f.window[m] = newDouble();
                startAdjoint(f.node(m + f.lowest), f.window[m]);
            }
        }
    }

    /** The reverse steps of block b, in the order of the interpreter's reverse sweep. */
    private void writeBlock(Reroll run, ReverseSteps steps) {
        for (Family f : steps.families()) {
            f.assigned = !f.startsWithContribution;
        }
        for (int j = 0; j < run.period(); j++) {
            reverseStep(run.node(t.reverseOrder, 0, j), steps.own()[j], steps.targets().get(j),
                    steps.reads().get(j));
        }
        for (Family f : steps.families()) {
            ensureAssigned(f);
        }
    }

    /** After block b: V(b) is complete and goes out (to its gradient entry or the buffer); the windows move on. */
    private void moveWindows(List<Family> families, Map<Family, Boolean> toGradient) {
        for (Family f : families) {
            if (f.stride == 0) {
                continue;
            }
            if (!f.steps && Boolean.TRUE.equals(toGradient.get(f))) {
                int slot0 = t.left[f.node(f.lowest)];
                int slotStride = t.left[f.node(f.lowest + 1)] - slot0;
                storeGradient(() -> index(slot0, slotStride), f.window[0]);
            } else if (!f.steps) {
                mv.visitVarInsn(ALOAD, adjointBuffer);
                index(f.node(f.lowest), f.stride);
                mv.visitVarInsn(DLOAD, f.window[0]);
                mv.visitInsn(DASTORE);
            }
            for (int m = 0; m + 1 < f.span; m++) {
                mv.visitVarInsn(DLOAD, f.window[m + 1]);
                mv.visitVarInsn(DSTORE, f.window[m]);
            }
            if (!f.startsWithContribution) {
                mv.visitInsn(DCONST_0);
                mv.visitVarInsn(DSTORE, f.window[f.span - 1]);
            }
        }
    }

    /**
     * After the loop: what is left in the windows (the nodes after the run that its last blocks added to, and the
     * single nodes every block added to) goes to its gradient entry or to the buffer.
     */
    private void closeWindows(List<Family> families, Map<Family, Boolean> toGradient, int count, BitSet slotsHere) {
        for (Family f : families) {
            if (!f.steps && f.stride != 0 && !Boolean.TRUE.equals(toGradient.get(f))) {
                for (int k = 0; k < count; k++) {
                    split.leaveInBuffer(f.node(k + f.lowest));
                }
            }
            int left = f.stride == 0 ? 1 : f.span - 1;
            for (int m = 0; m < left; m++) {
                int node = f.stride == 0 ? f.base : f.node(count + m + f.lowest);
                if (t.op[node] == Tape.INPUT && slotsHere.get(t.left[node])) {
                    storeGradient(() -> push(t.left[node]), f.window[m]);
                } else {
                    mv.visitVarInsn(ALOAD, adjointBuffer);
                    push(node);
                    mv.visitVarInsn(DLOAD, f.window[m]);
                    mv.visitInsn(DASTORE);
                    split.leaveInBuffer(node);
                }
            }
        }
    }

    /** gradient[index] = 0 + the adjoint in {@code local}, as the interpreter writes a gradient entry. */
    void storeGradient(Runnable index, int local) {
        mv.visitVarInsn(ALOAD, GRADIENT);
        index.run();
        mv.visitInsn(DCONST_0);
        mv.visitVarInsn(DLOAD, local);
        mv.visitInsn(DADD);
        mv.visitInsn(DASTORE);
    }

    /** The gradient entries of the part that no family holds: their adjoints are known at compile time. */
    private void writeKnownGradient(KernelSplit.ReversePart part, BitSet gradientWritten) {
        for (int k : part.gradientSlots()) {
            if (!gradientWritten.get(k)) {
                mv.visitVarInsn(ALOAD, GRADIENT);
                push(k);
                mv.visitLdcInsn(known.of(t.inputPosition[k]));
                mv.visitInsn(DASTORE);
            }
        }
    }

    /** The family of target node r0 of block 0 at the given stride, made if no family holds it yet. */
    private static Member memberOf(List<Family> families, int r0, int stride) {
        for (Family f : families) {
            if (f.stride != stride) {
                continue;
            }
            if (stride == 0 && f.base == r0) {
                return new Member(f, 0);
            }
            if (stride != 0 && (r0 - f.base) % stride == 0) {
                return new Member(f, (r0 - f.base) / stride);
            }
        }
        Family f = new Family(r0, stride, false);
        families.add(f);
        return new Member(f, 0);
    }

    /** Refuses families that would hold one node in two locals. */
    private void checkDisjoint(List<Family> families, int count) {
        Map<Integer, Family> holder = new HashMap<>();
        for (Family f : families) {
            int last = f.stride == 0 ? 0 : count - 1 + f.span - 1;
            for (int k = 0; k <= last; k++) {
                Family other = holder.put(f.node(k + f.lowest), f);
                if (other != null && other != f) {
                    throw new Refused("two families meet at node " + f.node(k + f.lowest));
                }
            }
        }
    }

    /** The local starts as the interpreter's adjoint: what earlier parts left in the buffer, else +0. */
    private void startAdjoint(int node, int local) {
        if (split.adjointInBuffer(node)) {
            mv.visitVarInsn(ALOAD, adjointBuffer);
            push(node);
            mv.visitInsn(DALOAD);
        } else {
            mv.visitInsn(DCONST_0);
        }
        mv.visitVarInsn(DSTORE, local);
    }

    /**
     * The reverse step of the node of block 0 {@code node}, in block b, as {@link Sweeps#reverse} takes it: the
     * rule's contributions ({@link Rules#adjoint}), skipped for a zero adjoint where the rule multiplies it.
     */
    void reverseStep(int node, Member own, Map<Integer, Member> targets, Map<Integer, Operand> reads) {
        int op = t.op[node];
        boolean multiplies = KernelMethod.skipsZeroAdjoint(op);
        boolean isKnown = own == null;
        if (multiplies && isKnown && known.of(node) == 0) {
            return;
        }
        if (!isKnown) {
            ensureAssigned(own.family());
        }
        stepAdjoint = isKnown ? rules.constantTerm(known.of(node))
                : rules.code(() -> mv.visitVarInsn(DLOAD, local(own)));
        Label skip = new Label();
        if (multiplies && !isKnown) {
            // the contributions below run on one path only: their targets need a value on the other too
            for (Member target : targets.values()) {
                ensureAssigned(target.family());
            }
            // the interpreter skips a zero adjoint, so that 0 times an infinite partial adds nothing
            stepAdjoint.emit();
            mv.visitInsn(DCONST_0);
            mv.visitInsn(DCMPL);
            mv.visitJumpInsn(IFEQ, skip);
        }
        stepReads = reads;
        stepTargets = targets;
        Rules.adjoint(op, rules.at(node));
        mv.visitLabel(skip);
    }

    // ---- what the rules read ({@link TermMachine.Operands}) ----

    /** Node's value in block b, where the step being written reads it ({@link #load}); a constant's is known. */
    @Override
    public Term value(int node) {
        Operand o = stepReads.get(node);
        if (o.source() == Source.CONSTANT) {
            return rules.constantTerm(t.constants[node]);
        }
        return rules.code(() -> load(o, stepLocals, carries));
    }

    @Override
    public Term tangent(int node) {
        throw new IllegalStateException("a loop of a gradient kernel has no tangents");
    }

    /** The adjoint of the step being written, in block b: its window local, or the constant it is known to be. */
    @Override
    public Term adjoint(int node) {
        return stepAdjoint;
    }

    @Override
    public Term adjointTangent(int node) {
        throw new IllegalStateException("a loop of a gradient kernel has no tangents");
    }

    /**
     * adj[target] (+ or -)= term, into the target's window local; nothing for a target that takes none. In a fused
     * loop, a contribution that a later block adds is held instead ({@link FusedReverse#hold}).
     */
    @Override
    public void addToAdjoint(int from, int target, Term term, boolean subtract) {
        if (fusedReverse != null && fusedReverse.hold(target, term, subtract)) {
            return;
        }
        addInto(stepTargets.get(target), subtract ? DSUB : DADD, term::emit);
    }

    @Override
    public void addToAdjointTangent(int from, int target, Term term, boolean subtract) {
        throw new IllegalStateException("a loop of a gradient kernel has no tangents");
    }

    /** target (+ or -)= contribution; nothing for a target that takes no contributions. */
    private void addInto(Member target, int instruction, Runnable contribution) {
        if (target == null) {
            return;
        }
        KernelMethod.accumulate(mv, local(target), target.family().assigned, instruction, contribution);
        target.family().assigned = true;
    }

    /** Sets a family's local to 0 if the block being written has not set it yet. */
    void ensureAssigned(Family f) {
        if (!f.assigned) {
            mv.visitInsn(DCONST_0);
            mv.visitVarInsn(DSTORE, f.window[0]);
            f.assigned = true;
        }
    }

    private int local(Member m) {
        return m.family().window[m.offset() - m.family().lowest];
    }

    // ---------------------------------------------------------------- the loop

    /**
     * base + b stride on the stack, as b times a constant plus a constant: the form in which the JIT proves the
     * array indices of a counted loop in range once, before the loop, rather than at each access.
     */
    void index(int base, int stride) {
        if (stride == 0) {
            push(base);
            return;
        }
        mv.visitVarInsn(ILOAD, counter);
        if (stride != 1) {
            push(stride);
            mv.visitInsn(IMUL);
        }
        if (base != 0) {
            push(base);
            mv.visitInsn(IADD);
        }
    }

    /** Sets the block counter b to 0 and opens the loop; returns the label after it. */
    private Label beginLoop(int count) {
        counter = nextLocal++;
        push(0);
        mv.visitVarInsn(ISTORE, counter);
        loopHead = new Label();
        Label end = new Label();
        mv.visitLabel(loopHead);
        mv.visitVarInsn(ILOAD, counter);
        push(count);
        mv.visitJumpInsn(IF_ICMPGE, end);
        return end;
    }

    /** Moves the counter on by one block and closes the loop. */
    private void endLoop(Label end) {
        mv.visitIincInsn(counter, 1);
        mv.visitJumpInsn(GOTO, loopHead);
        mv.visitLabel(end);
    }

    /** Ends the method; returns the code size. */
    private int finish() {
        return KernelMethod.end(mv, RETURN);
    }

    int newDouble() {
        int local = nextLocal;
        nextLocal += 2;
        return local;
    }

    void push(int value) {
        KernelMethod.push(mv, value);
    }
}
