package dev.fluxion.dsl.tape;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;

import dev.fluxion.dsl.tape.TermMachine.Term;
import java.util.Arrays;
import java.util.BitSet;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes the body of one method of a generated Hessian ({@link GeneratedHessian}): the forward-over-reverse sweep of
 * {@link Sweeps#hessianVectorProduct} as straight-line code over local variables, for one or several tangent
 * directions at once, each seeded with 1 on a set of variables (a colour of {@link HessianSparsity}, for Hessian
 * columns) or with a direction read from an array (for a Hessian-vector product). Values and adjoints are computed
 * once for all the directions of the method.
 *
 * <p>The rules are the table's ({@link Rules}), which are the interpreter's too, term by term and in its order of
 * operations (the tangent of node i, and the contributions of node i's reverse to the adjoints and adjoint tangents of
 * its operands), run on a {@link TermMachine} that folds zeros, with one change: a term with a factor that is zero whatever the point (the tangent of a node that no seeded variable
 * reaches, the adjoint tangent of a node that receives none) is left out, rather than computed as 0 times a value.
 * That is what makes the code short and the Hessian cheap, and it gives the interpreter's bits whenever every value
 * and adjoint is finite: the interpreter's term is then a zero, and adding a zero of either sign to an adjoint
 * tangent, which starts at +0, changes nothing (x + (+-0) = x for x != 0, and +0 + (+-0) = +0). Adjoint tangents
 * written to the result are added to +0 for the same reason. So the method also adds up enough values and adjoints
 * to know whether all of them are finite ({@link #checkedValues}, and the variables' adjoints), and every result,
 * and reports whether that sum is finite; when it is not (an infinite or NaN value somewhere, where 0 times it would
 * be NaN in the interpreter, or an entry the interpreter would recompute, see {@code Sweeps.rescueNonFinite}), the
 * caller uses the interpreter instead. The interpreter's skipping of nodes whose adjoint and adjoint tangent are
 * both 0 differs from computing their terms only in the same cases.
 *
 * <p>The method is written twice: a first pass counts when each local is last used, and the second gives each local
 * the lowest free slot, so that nearly all loads and stores take 2 bytes and a Hessian such as Rosenbrock's fits one
 * method of under 8000 bytes.
 */
final class HessianMethod implements TermMachine.Operands {
    private static final int X = 1;
    /** The Hessian rows (columns method) or the direction u (product method). */
    private static final int SECOND = 2;
    private static final int PRODUCT = 3;
    /** Partial sums of the finiteness check, kept apart so that the adds do not form one long chain. */
    private static final int CHECKS = 4;

    /** The local of a tangent that is 1 (a seeded variable) rather than a local. */
    private static final int ONE = -2;

    private final Tape t;
    private final MethodVisitor mv;
    private final String owner;
    private final KernelConstants constants;
    private final ConstantAdjoints known;
    private final boolean[] inReverse;
    private final int[] valueLocal;
    private final int[] adjointLocal;
    /** [direction][node]: the local of a tangent or an adjoint tangent, or -1 where it is zero at every point. */
    private final int[][] tangentLocal;
    private final int[][] adjointTangentLocal;
    private final int[] check = new int[CHECKS];
    private int nextCheck;
    /** Locals are numbered in order of creation; {@link #slot} maps them to JVM slots. */
    private int nextLocal;
    private final int firstSlot;
    /**
     * From the counting pass (null while counting): the access after which each local is dead. The second pass
     * gives a local the lowest slot free when it is first stored, and frees the slot after its last access.
     */
    private final int[] lastAccess;
    private int[] lastAccessCounted = new int[64];
    private int[] slotOf = new int[64];
    private final java.util.BitSet freeSlots = new java.util.BitSet();
    private int accesses;
    /** The rule table's machine, writing into this method; and the tangent direction its rules sweep. */
    private final TermMachine rules;
    private int direction;

    private HessianMethod(Tape t, MethodVisitor mv, String owner, KernelConstants constants, ConstantAdjoints known,
                          int directions, int firstSlot, int[] lastAccess) {
        this.t = t;
        this.mv = mv;
        this.owner = owner;
        this.constants = constants;
        this.known = known;
        this.inReverse = new boolean[t.size];
        for (int i : t.reverseOrder) {
            inReverse[i] = true;
        }
        this.valueLocal = filled(t.size);
        this.adjointLocal = filled(t.size);
        this.tangentLocal = new int[directions][];
        this.adjointTangentLocal = new int[directions][];
        for (int d = 0; d < directions; d++) {
            tangentLocal[d] = filled(t.size);
            adjointTangentLocal[d] = filled(t.size);
        }
        this.firstSlot = firstSlot;
        this.lastAccess = lastAccess;
        freeSlots.set(0, 1 << 16);
        this.rules = new TermMachine(t, mv, owner, constants, this, true);
    }

    /**
     * The body of {@code boolean columns(x, hessian)} for the colours [from, to): writes H_ij for every j of those
     * colours and i in its pattern, and returns whether the finiteness check passed. Returns the code size in bytes.
     */
    static int writeColumns(Tape t, MethodVisitor mv, String owner, KernelConstants constants, ConstantAdjoints known,
                            HessianSparsity sparsity, int from, int to) {
        HessianMethod counting = new HessianMethod(t, GeneratedHessian.probe("([D[[D)Z"), owner, new KernelConstants(),
                known, to - from, 3, null);
        counting.columns(sparsity, from, to);
        return new HessianMethod(t, mv, owner, constants, known, to - from, 3, counting.lastAccessCounted)
                .columns(sparsity, from, to);
    }

    private int columns(HessianSparsity sparsity, int from, int to) {
        HessianMethod m = this;
        mv.visitCode();
        m.sweep(d -> {
            BitSet seeded = sparsity.columnsOf(from + d);
            for (int k = seeded.nextSetBit(0); k >= 0; k = seeded.nextSetBit(k + 1)) {
                int position = t.inputPosition[k];
                if (position >= 0) {
                    m.tangentLocal[d][position] = ONE;
                }
            }
        });
        for (int d = 0; d < to - from; d++) {
            for (int row = 0; row < t.dimension(); row++) {
                int position = t.inputPosition[row];
                int column = sparsity.columnIn(row, from + d);
                if (position < 0 || column < 0 || m.adjointTangentLocal[d][position] < 0) {
                    continue;
                }
                mv.visitVarInsn(ALOAD, SECOND);
                m.push(row);
                mv.visitInsn(AALOAD);
                m.push(column);
                m.result(m.adjointTangentLocal[d][position]);
                mv.visitInsn(DASTORE);
            }
        }
        m.pushCheck();
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "isFinite", "(D)Z", false);
        return m.finish(IRETURN);
    }

    /**
     * The body of {@code double hessianVectorProduct(x, u, product)}: writes H u into the product and returns f(x),
     * or NaN when the finiteness check fails. Returns the code size in bytes.
     */
    static int writeProduct(Tape t, MethodVisitor mv, String owner, KernelConstants constants,
                            ConstantAdjoints known) {
        HessianMethod counting = new HessianMethod(t, GeneratedHessian.probe("([D[D[D)D"), owner, new KernelConstants(),
                known, 1, 4, null);
        counting.product();
        return new HessianMethod(t, mv, owner, constants, known, 1, 4, counting.lastAccessCounted).product();
    }

    private int product() {
        HessianMethod m = this;
        mv.visitCode();
        m.sweep(d -> {
            for (int k = 0; k < t.dimension(); k++) {
                int position = t.inputPosition[k];
                if (position >= 0) {
                    mv.visitVarInsn(ALOAD, SECOND);
                    m.push(k);
                    mv.visitInsn(DALOAD);
                    m.tangentLocal[0][position] = m.store();
                }
            }
        });
        for (int k = 0; k < t.dimension(); k++) {
            int position = t.inputPosition[k];
            mv.visitVarInsn(ALOAD, PRODUCT);
            m.push(k);
            if (position >= 0 && m.adjointTangentLocal[0][position] >= 0) {
                m.result(m.adjointTangentLocal[0][position]);
            } else {
                mv.visitInsn(DCONST_0);
            }
            mv.visitInsn(DASTORE);
        }
        Label failed = new Label();
        Label end = new Label();
        m.pushCheck();
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "isFinite", "(D)Z", false);
        mv.visitJumpInsn(IFEQ, failed);
        m.pushValue(t.outputs[0]);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(failed);
        mv.visitLdcInsn(Double.NaN);
        mv.visitLabel(end);
        return m.finish(DRETURN);
    }

    private interface Seeds {
        void seed(int direction);
    }

    /** Values, tangents of every direction (seeded by {@code seeds}), then adjoints and adjoint tangents. */
    private void sweep(Seeds seeds) {
        for (int c = 0; c < CHECKS; c++) {
            mv.visitInsn(DCONST_0);
            check[c] = store();
        }
        boolean[] checked = checkedValues();
        for (int i = 0; i < t.size; i++) {
            if (t.op[i] == Tape.INPUT) {
                mv.visitVarInsn(ALOAD, X);
                push(t.left[i]);
                mv.visitInsn(DALOAD);
                valueLocal[i] = checked[i] ? storeChecked() : store();
            }
        }
        for (int i : t.hessianOrder) {
            rules.at(i).term(Rules.value(t.op[i], rules)).emit();
            valueLocal[i] = checked[i] ? storeChecked() : store();
        }
        for (int d = 0; d < tangentLocal.length; d++) {
            seeds.seed(d);
            direction = d;
            for (int i : t.tangentOrder) {
                Term tangent = rules.at(i).term(Rules.tangent(t.op[i], rules));
                if (tangent != null && tangent.isOne()) {
                    tangentLocal[d][i] = ONE;
                } else if (tangent != null) {
                    tangent.emit();
                    tangentLocal[d][i] = store();
                }
            }
        }
        for (int i : t.reverseOrder) {
            Rules.adjoint(t.op[i], rules.at(i));
            for (int d = 0; d < tangentLocal.length; d++) {
                direction = d;
                Rules.adjointTangent(t.op[i], rules.at(i));
            }
        }
        // the variables' adjoints (the gradient) into the check: an infinite or NaN adjoint passes on to every
        // operand (its contributions a v, a / w, 2 a v are then infinite or NaN too, values being finite), so
        // one anywhere on a path to a variable shows there; adjoints on no such path reach no result
        for (int i = 0; i < t.size; i++) {
            if (t.op[i] == Tape.INPUT && adjointLocal[i] >= 0) {
                load(adjointLocal[i]);
                addToCheck();
            }
        }
    }

    /**
     * The values the check adds up: an infinite or NaN value passes on to every node that adds, subtracts,
     * multiplies, negates or squares it, or divides it by something, so it is enough to check the values that no
     * such node of the sweep reads (the output, the partials, and the arguments of functions and divisors that
     * nothing else reads that way): if any value is not finite, one of those is not.
     */
    private boolean[] checkedValues() {
        boolean[] passedOn = new boolean[t.size];
        for (int i : t.hessianOrder) {
            switch (t.op[i]) {
                case Tape.ADD, Tape.SUB, Tape.MUL -> {
                    passedOn[t.left[i]] = true;
                    passedOn[t.right[i]] = true;
                }
                case Tape.DIV, Tape.NEG, Tape.SQUARE -> passedOn[t.left[i]] = true;
                default -> {
                }
            }
        }
        boolean[] checked = new boolean[t.size];
        for (int i = 0; i < t.size; i++) {
            checked[i] = t.op[i] != Tape.CONSTANT && !passedOn[i];
        }
        return checked;
    }

    // ---- what the rules read: the terms of values, tangents and adjoints; null where zero at every point ----

    @Override
    public Term value(int node) {
        return t.op[node] == Tape.CONSTANT ? rules.constantTerm(t.constants[node])
                : rules.code(() -> pushValue(node));
    }

    @Override
    public Term tangent(int node) {
        int local = tangentLocal[direction][node];
        if (local == ONE) {
            return rules.constantTerm(1);
        }
        return local < 0 ? null : rules.code(() -> load(local));
    }

    @Override
    public Term adjointTangent(int node) {
        int local = adjointTangentLocal[direction][node];
        return local < 0 ? null : rules.code(() -> load(local));
    }

    /** Node i's adjoint: its local, or the constant it is at every point ({@link ConstantAdjoints}). */
    @Override
    public Term adjoint(int i) {
        int local = adjointLocal[i];
        if (local >= 0) {
            return rules.code(() -> load(local));
        }
        return rules.constantTerm(known.isKnown(i) ? known.of(i) : 0);
    }

    // ---- accumulation ----

    /**
     * adj[target] (+ or -)= term, skipped for a target whose adjoint nothing reads (a variable or a constant) or is
     * known at compile time. The first contribution is stored as it is (negated for -), not added to +0: that
     * changes only the sign of a zero adjoint, which reaches no result (see the class comment).
     */
    @Override
    public void addToAdjoint(int from, int target, Term term, boolean subtract) {
        if (!(inReverse[target] || t.op[target] == Tape.INPUT) || known.isKnown(target)) {
            return;
        }
        adjointLocal[target] = accumulate(adjointLocal[target], term, subtract);
    }

    /** adjDot[target] (+ or -)= term along the direction being swept. */
    @Override
    public void addToAdjointTangent(int from, int target, Term term, boolean subtract) {
        if (!(inReverse[target] || t.op[target] == Tape.INPUT)) {
            return;
        }
        adjointTangentLocal[direction][target] = accumulate(adjointTangentLocal[direction][target], term, subtract);
    }

    private int accumulate(int local, Term term, boolean subtract) {
        if (local < 0) {
            term.emit();
            if (subtract) {
                mv.visitInsn(DNEG);
            }
            return store();
        }
        load(local);
        term.emit();
        mv.visitInsn(subtract ? DSUB : DADD);
        storeLocal(local);
        return local;
    }

    /** +0 + the adjoint tangent in the local, on the stack, added to the check: the interpreter's +0 start. */
    private void result(int local) {
        mv.visitInsn(DCONST_0);
        load(local);
        mv.visitInsn(DADD);
        mv.visitInsn(DUP2);
        addToCheck();
    }

    // ---- locals, values, constants ----

    private void pushValue(int node) {
        if (t.op[node] == Tape.CONSTANT) {
            mv.visitLdcInsn(t.constants[node]);
        } else {
            int local = valueLocal[node];
            if (local < 0) {
                throw new IllegalStateException("node " + node + " is read before it is computed");
            }
            load(local);
        }
    }

    /** Stores the double on the stack in a new local and returns it. */
    private int store() {
        int local = nextLocal++;
        storeLocal(local);
        return local;
    }

    private void load(int local) {
        mv.visitVarInsn(DLOAD, slot(local));
        release(local);
    }

    private void storeLocal(int local) {
        mv.visitVarInsn(DSTORE, slot(local));
        release(local);
    }

    /**
     * The JVM slot of a local: while counting, one slot each; then the lowest slot free at its first store, so that
     * dead locals' slots are taken again and most accesses stay below slot 256, where a load or store takes 2 bytes
     * rather than 4 (WIDE).
     */
    private int slot(int local) {
        if (lastAccess == null) {
            if (local >= lastAccessCounted.length) {
                lastAccessCounted = Arrays.copyOf(lastAccessCounted, 2 * local + 2);
            }
            lastAccessCounted[local] = accesses++;
            return firstSlot + 2 * local;
        }
        if (local >= slotOf.length) {
            slotOf = Arrays.copyOf(slotOf, 2 * local + 2);
        }
        if (slotOf[local] == 0) {
            int free = freeSlots.nextSetBit(0);
            freeSlots.clear(free);
            slotOf[local] = firstSlot + 2 * free;
        }
        return slotOf[local];
    }

    /** After an access: frees the local's slot if that was its last access. */
    private void release(int local) {
        if (lastAccess != null && accesses++ == lastAccess[local]) {
            freeSlots.set((slotOf[local] - firstSlot) / 2);
        }
    }

    /** Stores the double on the stack in a new local, adding it to the check as well. */
    private int storeChecked() {
        mv.visitInsn(DUP2);
        int local = store();
        addToCheck();
        return local;
    }

    /** check[k] += the double on the stack, the partial sums taken in turn. */
    private void addToCheck() {
        int c = check[nextCheck];
        nextCheck = (nextCheck + 1) % CHECKS;
        load(c);
        mv.visitInsn(DADD);
        storeLocal(c);
    }

    /** The sum of the partial checks, on the stack: finite if every value, adjoint and result added was. */
    private void pushCheck() {
        load(check[0]);
        for (int c = 1; c < CHECKS; c++) {
            load(check[c]);
            mv.visitInsn(DADD);
        }
    }

    private int finish(int returnInstruction) {
        return KernelMethod.end(mv, returnInstruction);
    }

    private void push(int value) {
        KernelMethod.push(mv, value);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
