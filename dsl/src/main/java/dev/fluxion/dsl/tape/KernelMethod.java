package dev.fluxion.dsl.tape;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFLE;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;

import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.tape.TermMachine.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes the body of one kernel method, {@code value(x, values)} or
 * {@code valueAndGradient(x, gradient, values, adjoints)}, node by node in the tape's order and with the
 * interpreter's order of floating-point operations, so that the results agree with {@link Sweeps} bit for bit
 * (except where a fused loop adds three or more contributions to one gradient entry in another order, as for a
 * quadratic form v . (M v) with M symmetric, whose gradient is 2a (M v) from the one product, {@link SymmetricForms}).
 *
 * <p>Scalar nodes and their adjoints are local variables. A SUM over an element-wise vector expression
 * ({@link FusedSum}) is a loop whose body holds element j of every node as locals; with a gradient, the body also
 * runs the reverse sweep of element j and adds its adjoints into the gradient array. When the sum's adjoint is the
 * same at every point ({@link ConstantAdjoints}) one loop does both, as a hand-written loop would; otherwise the
 * value loop runs in the forward sweep and a second loop, forward and backward, when the reverse sweep reaches
 * the sum.
 *
 * <p>A matrix-vector product and its computed argument are kept whole: their values and adjoints live in the
 * interpreter's buffers ({@link Workspace}), at the interpreter's positions, and the adjoints are set to 0 at the
 * start of the call. The product's value is a loop over the columns that sums up to {@link #ROW_BLOCK} rows at once
 * ({@link #writeRowBlocks}), each row in the order of {@link dev.fluxion.dsl.expr.Matrix#multiplyInto}, the method
 * the interpreter calls; its adjoint is a call to {@link dev.fluxion.dsl.expr.Matrix#multiplyTransposedAddInto} on
 * the matrix held in a constant field. For a matrix of at most {@link #SMALL_MATRIX} entries both are the same
 * arithmetic written out with the entries as constants; an element-wise
 * argument is written by
 * a loop of its own, and its reverse runs when the reverse sweep reaches it. Loops read a vector kept whole as a
 * leaf and add its element adjoints into its adjoint array. A sum of known adjoint runs its reverse in the forward
 * loop only when no later node reads a vector it adds adjoints into, so that each adjoint array receives its
 * contributions in the interpreter's order. A log-sum-exp and an element of a vector read the vector where it is (x,
 * a constant's data, or the buffer of one kept whole); the log-sum-exp's value and adjoint are calls to the
 * interpreter's own {@link VectorKernels#logSumExp} and {@link VectorKernels#logSumExpAdjoint}.
 *
 * <p>A method may also be one part of a kernel split into several ({@link KernelSplit}): a run of the forward
 * schedule ({@link #writeForwardPart}) or of the reverse sweep ({@link #writeReversePart}), which reads the values and
 * adjoints of other parts from the buffers and leaves there those that other parts read.
 *
 * <p>The code is kept short, because HotSpot inlines a hot method into its caller (an optimizer's step) only up to
 * 325 bytes of bytecode ({@code FreqInlineSize}), and on a small landscape the call and the stores and loads around
 * it cost about as much as the arithmetic (benchmarks/README.md, "A step against its floor"):
 * adjoints known at compile time ({@link ConstantAdjoints}) are constants, an adjoint starts with its first
 * contribution, one passed on by + or - shares its node's local, x^2 and x^3 are products, a value the next node
 * reads first stays on the stack, small matrix products are written out, and the arrays the loops add into are set
 * to 0 by a static method of the kernel's own ({@link #writeClear}).
 */
final class KernelMethod implements TermMachine.Operands {
    private static final int X = 1;
    private static final int GRADIENT = 2;
    /** The value buffer: argument 2 of value, 3 of valueAndGradient; then the adjoint buffer. */
    private final int valueBuffer;
    private final int adjointBuffer;
    private static final String MATRIX = "dev/fluxion/dsl/expr/Matrix";
    private static final String VECTOR_KERNELS = "dev/fluxion/dsl/tape/VectorKernels";
    /** The kernel's static method that sets the arrays its loops add into to 0 ({@link #writeClear}). */
    static final String CLEAR = "clear";
    static final String CLEAR_DESCRIPTOR = "([D[D)V";
    /**
     * A matrix with at most this many entries is multiplied by code written out with its entries as constants
     * rather than by a call: for the small products of two- and three-dimensional landscapes, where the call and its
     * loops cost more than the arithmetic.
     */
    private static final int SMALL_MATRIX = 16;
    /** The most rows of a larger matrix whose sums one column loop computes together ({@link #writeRowBlocks}). */
    private static final int ROW_BLOCK = 8;
    /** An array range at most this long is set to 0 by stores rather than by {@link Arrays#fill}. */
    private static final int SHORT_FILL = 8;

    private final Tape t;
    private final MethodVisitor mv;
    private final String owner;
    private final KernelConstants constants;
    private final Map<Integer, FusedSum> sums;
    private final ConstantAdjoints known;
    /** The vectors kept whole in arrays (matrix products and their computed arguments). */
    private final BitSet whole;
    /** The products p of symmetric forms v . (M v), whose reverse the sum's loop does ({@link SymmetricForms}). */
    private final BitSet folded;
    /**
     * The vectors kept whole whose adjoints a symmetric form's loop writes once per element, its only contribution
     * (v of a folded v . (M v) when v is computed: the product adds none): stored, not added to a 0 set first.
     */
    private final BitSet storedOnce;
    /** Whether a sum runs its reverse in its forward loop (its adjoint is known, see {@link ConstantAdjoints}). */
    private final boolean[] early;
    /** The vector whose elements the loop being written writes, or -1. */
    private int loopRoot = -1;
    /** The number of elements of the loop being written. */
    private int loopLength;
    /**
     * The longest loop whose additions into the gradient are written as {@link #addIntoGradient}: one the JIT
     * unrolls whole, so that it sees the 0 the gradient was cleared to.
     */
    private static final int SHORT_LOOP = 4;
    private final int[] valueLocal;
    private final int[] adjointLocal;
    /** Whether a scalar adjoint's local holds a value on every path to the code being written. */
    private final boolean[] adjointAssigned;
    /**
     * Whether a scalar adjoint's local was set to 0 before its contributions, as the interpreter's is, rather than
     * to its first contribution; or shares the local of one that was.
     */
    private final boolean[] adjointFromZero;
    /**
     * By local slot: the nodes sharing it whose adjoint code has not all been written yet, and how many of them
     * still receive contributions ({@link #passOn}).
     */
    private final int[] sharers;
    private final int[] receivingSharers;
    /** Element j of a vector node inside the loop being written. */
    private final int[] elementLocal;
    private final int[] elementAdjointLocal;
    /** Whether an element adjoint has had its first contribution in the loop body being written. */
    private final boolean[] elementAssigned;
    /** Whether a node is in the reverse sweep (level 0, computed). */
    private final boolean[] inReverse;
    /** The plan of the split kernel this method is a part of, or null for a kernel of one method per entry point. */
    private final KernelSplit split;
    private final boolean withGradient;
    private int nextLocal;
    /** The node whose value the node before left on the stack for the next node's first operand, or -1. */
    private int onStack = -1;
    /** The number of nodes whose adjoint adds into node i's (one for each of their arguments that is node i). */
    private final int[] contributors;
    /** The rule table's machine, writing into this method ({@link Rules}). */
    private final TermMachine rules;
    /** The term of the adjoint the rule being written read last: a contribution that is this term is passed on. */
    private Term passedOn;
    /** Whether the rule being written is element j of a vector operation, inside a loop ({@link #loop}). */
    private boolean elements;

    KernelMethod(Tape t, MethodVisitor mv, String owner, KernelConstants constants, Map<Integer, FusedSum> sums,
                 BitSet whole, ConstantAdjoints known, boolean withGradient) {
        this(t, mv, owner, constants, sums, whole, known, withGradient, null);
    }

    /**
     * A part of a kernel split into several methods (a scalar tape, see {@link KernelSplit}), with the arguments of
     * the entry point it is part of: {@code (x, values)} for the value, {@code (x, gradient, values, adjoints)} for
     * the gradient.
     */
    KernelMethod(Tape t, MethodVisitor mv, String owner, KernelConstants constants, ConstantAdjoints known,
                 boolean withGradient, KernelSplit split) {
        this(t, mv, owner, constants, Map.of(), new BitSet(), known, withGradient, split);
    }

    private KernelMethod(Tape t, MethodVisitor mv, String owner, KernelConstants constants,
                         Map<Integer, FusedSum> sums, BitSet whole, ConstantAdjoints known, boolean withGradient,
                         KernelSplit split) {
        this.t = t;
        this.split = split;
        this.withGradient = withGradient;
        this.whole = whole;
        this.valueBuffer = withGradient ? 3 : 2;
        this.adjointBuffer = withGradient ? 4 : -1;
        this.mv = mv;
        this.owner = owner;
        this.constants = constants;
        this.sums = sums;
        this.known = known;
        this.valueLocal = filled(t.size);
        this.adjointLocal = filled(t.size);
        this.adjointAssigned = new boolean[t.size];
        this.adjointFromZero = new boolean[t.size];
        this.elementLocal = filled(t.size);
        this.elementAdjointLocal = filled(t.size);
        this.elementAssigned = new boolean[t.size];
        this.nextLocal = withGradient ? 5 : 3;
        this.inReverse = new boolean[t.size];
        for (int i : t.reverseOrder) {
            inReverse[i] = true;
        }
        this.early = early(t, sums, whole, known, inReverse);
        this.folded = SymmetricForms.of(t, known);
        this.storedOnce = new BitSet();
        for (int p = folded.nextSetBit(0); p >= 0; p = folded.nextSetBit(p + 1)) {
            if (whole.get(t.left[p])) {
                storedOnce.set(t.left[p]);
            }
        }
        this.sharers = new int[nextLocal + 4 * t.size];
        this.receivingSharers = new int[nextLocal + 4 * t.size];
        this.contributors = new int[t.size];
        this.rules = new TermMachine(t, mv, owner, constants, this, false);
        for (int k : t.reverseOrder) {
            if (t.left[k] >= 0) {
                contributors[t.left[k]]++;
            }
            if (t.right[k] >= 0) {
                contributors[t.right[k]]++;
            }
        }
    }

    /**
     * The sums whose reverse runs in their forward loop: adjoint known, and every vector they add adjoints into and
     * that another node adds into later (one kept whole, or a variable a matrix product reads) read by no node after
     * the sum; otherwise the sum's contributions would come before those of later nodes, which the interpreter adds
     * first.
     */
    private static boolean[] early(Tape t, Map<Integer, FusedSum> sums, BitSet whole, ConstantAdjoints known,
                                   boolean[] inReverse) {
        int[] lastReader = new int[t.size];
        Arrays.fill(lastReader, -1);
        BitSet productArgument = new BitSet();
        for (int k : t.reverseOrder) {
            for (int argument : new int[] {t.left[k], t.right[k]}) {
                if (argument >= 0) {
                    lastReader[argument] = Math.max(lastReader[argument], k);
                }
            }
            if (t.op[k] == Tape.MATRIX_PRODUCT) {
                productArgument.set(t.left[k]);
            }
        }
        boolean[] early = new boolean[t.size];
        for (Map.Entry<Integer, FusedSum> entry : sums.entrySet()) {
            int s = entry.getKey();
            if (t.op[s] != Tape.SUM || !inReverse[s] || !known.isKnown(s)) {
                continue;
            }
            boolean alone = true;
            for (int leaf : entry.getValue().valueNodes()) {
                if ((whole.get(leaf) || productArgument.get(leaf)) && lastReader[leaf] > s) {
                    alone = false;
                }
            }
            early[s] = alone;
        }
        return early;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** The body of {@code value(x)}: the level-0 nodes, then the output. Returns the code size before the return. */
    int writeValue() {
        mv.visitCode();
        loadInputs();
        for (int k = 0; k < t.valueOrder.length; k++) {
            forward(t.valueOrder[k], false, k + 1 < t.valueOrder.length ? t.valueOrder[k + 1] : -1);
        }
        return finish();
    }

    /** The body of {@code valueAndGradient(x, gradient)}. Returns the code size before the return. */
    int writeValueAndGradient() {
        mv.visitCode();
        boolean vectorInputs = false;
        for (int position : t.inputPosition) {
            vectorInputs |= position >= t.size;
        }
        if (vectorInputs || !whole.isEmpty()) {
            // the loops add into the gradient array and the adjoints of vectors kept whole: they start at 0, set in
            // a method of the class's own (writeClear), which keeps this one short enough for the JIT to inline
            mv.visitVarInsn(ALOAD, GRADIENT);
            mv.visitVarInsn(ALOAD, adjointBuffer);
            mv.visitMethodInsn(INVOKESTATIC, owner, CLEAR, CLEAR_DESCRIPTOR, false);
        }
        loadInputs();
        // an adjoint the same at every point (the root's 1, and what + and - pass on of it) is a constant in the
        // code; the others are locals, which start with their first contribution (see addInto)
        for (int i = 0; i < t.size; i++) {
            boolean levelZero = t.op[i] == Tape.INPUT || (Tape.isComputed(t.op[i]) && !Tape.isVector(t.op[i])
                    && inReverse[i]);
            if (levelZero && !known.isKnown(i)) {
                adjointLocal[i] = newDouble();
                sharers[adjointLocal[i]] = 1;
                receivingSharers[adjointLocal[i]] = 1;
            }
        }
        for (int k = 0; k < t.gradientOrder.length; k++) {
            forward(t.gradientOrder[k], true, k + 1 < t.gradientOrder.length ? t.gradientOrder[k + 1] : -1);
        }
        for (int i : t.reverseOrder) {
            reverse(i);
        }
        for (int k = 0; k < t.inputPosition.length; k++) {
            writeGradientEntry(k, vectorInputs);
        }
        return finish();
    }

    /** gradient[k] = the adjoint of variable slot k (a scalar; a vector's loops add into the gradient themselves). */
    private void writeGradientEntry(int k, boolean vectorInputs) {
        int position = t.inputPosition[k];
        if (position >= 0 && position < t.size) {
            mv.visitVarInsn(ALOAD, GRADIENT);
            push(k);
            if (adjointLocal[position] >= 0) {
                ensureAssigned(position);
                if (adjointFromZero[position]) {
                    mv.visitVarInsn(DLOAD, adjointLocal[position]);
                } else {
                    // 0 + adj, as the interpreter's adjoint, which starts at 0, has it: a first contribution of
                    // -0 taken as it is would leave -0 where the interpreter has +0 (addInto)
                    mv.visitInsn(DCONST_0);
                    mv.visitVarInsn(DLOAD, adjointLocal[position]);
                    mv.visitInsn(DADD);
                }
            } else {
                mv.visitLdcInsn(known.of(position));
            }
            mv.visitInsn(DASTORE);
        } else if (position < 0 && !vectorInputs) {
            mv.visitVarInsn(ALOAD, GRADIENT);
            push(k);
            mv.visitInsn(DCONST_0);
            mv.visitInsn(DASTORE);
        }
    }

    /**
     * The body of forward part {@code part} of a split kernel: nodes {@code order[from .. to)} of the value's or the
     * gradient's schedule, each value that another part reads also stored in the value buffer. Returns the code
     * size.
     */
    int writeForwardPart(int[] order, int part) {
        mv.visitCode();
        int from = split.forwardStart(withGradient, part);
        int to = split.forwardEnd(withGradient, part);
        for (int k = from; k < to; k++) {
            int i = order[k];
            forward(i, withGradient, k + 1 < to ? order[k + 1] : -1);
            if (split.storesValue(i, withGradient)) {
                mv.visitVarInsn(ALOAD, valueBuffer);
                push(i);
                mv.visitVarInsn(DLOAD, valueLocal[i]);
                mv.visitInsn(DASTORE);
            }
        }
        return end(RETURN);
    }

    /**
     * The body of a reverse part of a split kernel: its steps of the reverse sweep, with the adjoints that earlier
     * parts left read from the adjoint buffer; then the adjoints a later part adds to or reads are left in the
     * buffer, and the gradient entries that take no more contributions are written. Returns the code size.
     */
    int writeReversePart(KernelSplit.ReversePart part) {
        mv.visitCode();
        int[] order = t.reverseOrder;
        List<Integer> touched = new ArrayList<>();
        for (int k = part.from(); k < part.to(); k++) {
            int i = order[k];
            for (int node : new int[] {i, t.left[i], t.right[i]}) {
                if (node >= 0 && adjointLocal[node] < 0 && !known.isKnown(node) && (t.op[node] == Tape.INPUT
                        || (Tape.isComputed(t.op[node]) && inReverse[node]))) {
                    adjointLocal[node] = newDouble();
                    sharers[adjointLocal[node]] = 1;
                    receivingSharers[adjointLocal[node]] = 1;
                    touched.add(node);
                }
            }
        }
        for (int k = part.from(); k < part.to(); k++) {
            reverse(order[k]);
        }
        int thisPart = part.to() > part.from() ? split.reversePartOfStep(part.from()) : -1;
        BitSet written = new BitSet();
        for (int k : part.gradientSlots()) {
            if (t.inputPosition[k] >= 0) {
                written.set(t.inputPosition[k]);
            }
        }
        for (int node : touched) {
            boolean later = t.op[node] == Tape.INPUT ? !written.get(node) : split.reversePartOf(node) > thisPart;
            if (later && adjointAssigned[node]) {
                mv.visitVarInsn(ALOAD, adjointBuffer);
                push(node);
                mv.visitVarInsn(DLOAD, adjointLocal[node]);
                mv.visitInsn(DASTORE);
            }
        }
        for (int k : part.gradientSlots()) {
            int position = t.inputPosition[k];
            if (position >= 0 && adjointLocal[position] < 0 && !known.isKnown(position)) {
                adjointLocal[position] = newDouble();
            }
            writeGradientEntry(k, false);
        }
        for (int node : touched) {
            boolean later = t.op[node] == Tape.INPUT ? !written.get(node) : split.reversePartOf(node) > thisPart;
            if (later && adjointAssigned[node]) {
                split.leaveInBuffer(node);
            }
        }
        return end(RETURN);
    }

    /** Returns the output's value; returns the code size before the return. */
    private int finish() {
        loadScalar(t.outputs[0]);
        return end(DRETURN);
    }

    private int end(int returnInstruction) {
        return end(mv, returnInstruction);
    }

    /** Ends a method with the return instruction; returns the code size before it. */
    static int end(MethodVisitor mv, int returnInstruction) {
        Label end = new Label();
        mv.visitLabel(end);
        int size = end.getOffset();
        mv.visitInsn(returnInstruction);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return size;
    }

    /**
     * The body of the static {@code clear(gradient, adjoints)} that {@code valueAndGradient} calls first when its
     * loops add into arrays: sets the gradient to 0 when a variable is a vector, and the adjoints of every vector
     * kept whole, as the interpreter's reverse sweep does.
     */
    void writeClear() {
        mv.visitCode();
        boolean vectorInputs = false;
        for (int position : t.inputPosition) {
            vectorInputs |= position >= t.size;
        }
        if (vectorInputs) {
            fill(0, 0, t.inputPosition.length, true);
        }
        for (int i = whole.nextSetBit(0); i >= 0; i = whole.nextSetBit(i + 1)) {
            if (!folded.get(i) && !storedOnce.get(i)) {
                fill(1, t.offset[i], t.offset[i] + t.length[i], false);
            }
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Sets array[from .. to) to 0, by stores when the range is short ({@link #SHORT_FILL}), else by
     * {@link Arrays#fill}; {@code whole}: the range is the whole array.
     */
    private void fill(int array, int from, int to, boolean whole) {
        if (to - from <= SHORT_FILL) {
            for (int k = from; k < to; k++) {
                mv.visitVarInsn(ALOAD, array);
                push(k);
                mv.visitInsn(DCONST_0);
                mv.visitInsn(DASTORE);
            }
        } else if (whole) {
            mv.visitVarInsn(ALOAD, array);
            mv.visitInsn(DCONST_0);
            mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([DD)V", false);
        } else {
            mv.visitVarInsn(ALOAD, array);
            push(from);
            push(to);
            mv.visitInsn(DCONST_0);
            mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([DIID)V", false);
        }
    }

    private void loadInputs() {
        for (int i = 0; i < t.size; i++) {
            if (t.op[i] == Tape.INPUT) {
                mv.visitVarInsn(ALOAD, X);
                push(t.left[i]);
                mv.visitInsn(DALOAD);
                valueLocal[i] = newDouble();
                mv.visitVarInsn(DSTORE, valueLocal[i]);
            }
        }
    }

    /** The forward sweep's code for node i; with a gradient, a sum of known adjoint also runs its reverse. */
    private void forward(int i, boolean withGradient, int next) {
        int op = t.op[i];
        if (op == Tape.MATRIX_PRODUCT) {
            multiply(i, "multiplyInto", valueBuffer, X);
            return;
        }
        if (Tape.isVector(op)) {
            if (whole.get(i)) {
                loop(sums.get(i), true, false, 0);
            }
            return;
        }
        if (op == Tape.SUM) {
            FusedSum sum = sums.get(i);
            boolean fused = withGradient && early[i];
            loop(sum, true, fused, fused ? known.of(i) : 0);
            return;
        }
        int l = t.left[i];
        switch (op) {
            case Tape.LOG_SUM_EXP -> {
                loadVector(l, valueBuffer, X);
                push(t.length[l]);
                mv.visitMethodInsn(INVOKESTATIC, VECTOR_KERNELS, "logSumExp", "([DII)D", false);
            }
            case Tape.ELEMENT -> loadVectorElement(l, t.extra[i], valueBuffer, X);
            default -> rules.at(i).term(Rules.value(op, rules)).emit();
        }
        valueLocal[i] = newDouble();
        boolean nextReadsFirst = next >= 0 && t.left[next] == i && switch (t.op[next]) {
            case Tape.ADD, Tape.SUB, Tape.MUL, Tape.DIV, Tape.SQUARE -> true;
            default -> false;
        };
        if (nextReadsFirst) {
            // the next node's first operand: left on the stack for it (a shorter method inlines where a longer one
            // would not)
            mv.visitInsn(DUP2);
            onStack = i;
        }
        mv.visitVarInsn(DSTORE, valueLocal[i]);
    }

    /**
     * Product node i's {@code method} of its matrix on the buffer in local {@code buffer}: M v into the product's
     * values, or M^T a (the product's adjoints) added into the argument's adjoints, as {@link VectorKernels} calls
     * it. A variable argument is read from x and written in the gradient array ({@code variable}).
     */
    private void multiply(int i, String method, int buffer, int variable) {
        int argument = t.left[i];
        boolean forward = method.equals("multiplyInto");
        if (!forward && t.op[argument] == Tape.VECTOR_CONSTANT) {
            // the interpreter adds into the constant's adjoints, which nothing reads
            return;
        }
        Matrix matrix = t.matrix[i];
        if (matrix.rows() * matrix.columns() <= SMALL_MATRIX) {
            if (forward) {
                writeProduct(i, matrix, buffer, variable);
            } else {
                writeTransposedProduct(i, matrix, buffer, variable);
            }
            return;
        }
        if (forward) {
            writeRowBlocks(i, matrix, buffer, variable);
            return;
        }
        mv.visitFieldInsn(GETSTATIC, owner, constants.field(t.matrix[i]), "L" + MATRIX + ";");
        mv.visitVarInsn(ALOAD, buffer);
        push(t.offset[i]);
        loadVector(argument, buffer, variable);
        mv.visitMethodInsn(INVOKEVIRTUAL, MATRIX, method, "([DI[DI)V", false);
    }

    /**
     * M v into product node i's values, {@link #ROW_BLOCK} rows at a time: one loop over the columns reads v_c once
     * and adds m_rc v_c into the block's row sums, each a local. Every row sum is still (0 + m_r0 v_0) + m_r1 v_1
     * + ..., the order and rounding of {@link Matrix#multiplyInto}, but the block's sums are independent chains of
     * additions that the processor overlaps, where the row-by-row loop waits for each addition before the next
     * (the latency of an addition, about four cycles, against a throughput of one or two a cycle). The rows of
     * whole blocks run in an outer loop, so the code does not grow with the matrix; the rows left over are one
     * block of their own.
     */
    private void writeRowBlocks(int i, Matrix matrix, int buffer, int variable) {
        int rows = matrix.rows();
        int block = rowBlock(rows);
        int wholeBlocks = rows / block;
        String entries = constants.entries(matrix);
        if (wholeBlocks == 1) {
            writeRowBlock(i, matrix, entries, buffer, variable, 0, block, -1);
        } else {
            // the first row of the block, r0, as an int local: rows r0 .. r0 + block - 1
            Label head = new Label();
            Label end = new Label();
            int firstRow = loopHead(wholeBlocks * block, head, end);
            writeRowBlock(i, matrix, entries, buffer, variable, 0, block, firstRow);
            loopEnd(firstRow, block, head, end);
        }
        if (rows % block > 0) {
            writeRowBlock(i, matrix, entries, buffer, variable, wholeBlocks * block, rows % block, -1);
        }
    }

    /**
     * The rows per block of {@link #writeRowBlocks}: all of them up to {@link #ROW_BLOCK}, else the largest block
     * size from {@link #ROW_BLOCK} down to half of it that divides the rows (10 rows: two blocks of 5), else
     * {@link #ROW_BLOCK} with a shorter block at the end.
     */
    private static int rowBlock(int rows) {
        if (rows <= ROW_BLOCK) {
            return rows;
        }
        for (int block = ROW_BLOCK; block >= ROW_BLOCK / 2; block--) {
            if (rows % block == 0) {
                return block;
            }
        }
        return ROW_BLOCK;
    }

    /**
     * One block of {@link #writeRowBlocks}: rows {@code from + r0 .. from + r0 + count - 1}, with r0 the int local
     * {@code firstRow} (0 when it is -1). The column loop has javac's counted shape, so the JIT checks its array
     * bounds once before it.
     */
    private void writeRowBlock(int i, Matrix matrix, String entries, int buffer, int variable, int from, int count,
                               int firstRow) {
        int columns = matrix.columns();
        int argument = t.left[i];
        int[] sums = new int[count];
        for (int k = 0; k < count; k++) {
            sums[k] = newDouble();
            mv.visitInsn(DCONST_0);
            mv.visitVarInsn(DSTORE, sums[k]);
        }
        // the entries' index of row r0 + from, column 0
        int rowStart = -1;
        if (firstRow >= 0) {
            rowStart = nextLocal++;
            mv.visitVarInsn(ILOAD, firstRow);
            push(columns);
            mv.visitInsn(IMUL);
            mv.visitVarInsn(ISTORE, rowStart);
        }
        int element = newDouble();
        Label head = new Label();
        Label end = new Label();
        int column = loopHead(columns, head, end);
        int base = vectorArray(argument, buffer, variable);
        mv.visitVarInsn(ILOAD, column);
        if (base != 0) {
            push(base);
            mv.visitInsn(IADD);
        }
        mv.visitInsn(DALOAD);
        mv.visitVarInsn(DSTORE, element);
        for (int k = 0; k < count; k++) {
            mv.visitVarInsn(DLOAD, sums[k]);
            mv.visitFieldInsn(GETSTATIC, owner, entries, "[D");
            mv.visitVarInsn(ILOAD, column);
            int offset = (from + k) * columns;
            if (rowStart >= 0) {
                mv.visitVarInsn(ILOAD, rowStart);
                mv.visitInsn(IADD);
            }
            if (offset != 0) {
                push(offset);
                mv.visitInsn(IADD);
            }
            mv.visitInsn(DALOAD);
            mv.visitVarInsn(DLOAD, element);
            mv.visitInsn(DMUL);
            mv.visitInsn(DADD);
            mv.visitVarInsn(DSTORE, sums[k]);
        }
        loopEnd(column, 1, head, end);
        for (int k = 0; k < count; k++) {
            mv.visitVarInsn(ALOAD, buffer);
            push(t.offset[i] + from + k);
            if (firstRow >= 0) {
                mv.visitVarInsn(ILOAD, firstRow);
                mv.visitInsn(IADD);
            }
            mv.visitVarInsn(DLOAD, sums[k]);
            mv.visitInsn(DASTORE);
        }
    }

    /**
     * M v into product node i's values, written out with M's entries as constants: out_r = (0 + m_r0 v_0) + m_r1 v_1
     * + ..., the order and rounding of {@link Matrix#multiplyInto}; a folded symmetric form's product leaves out the
     * leading 0 + ({@link SymmetricForms}).
     */
    private void writeProduct(int i, Matrix matrix, int buffer, int variable) {
        int argument = t.left[i];
        // the product of a symmetric form is read only by its element-wise product with v, summed from 0, and by
        // v's adjoint, which the gradient adds to 0: neither sees the sign of a zero, the one thing the leading
        // 0 + changes ((0 + a) + b is (a + b) + 0), so it is left out, an operation less on the step's path
        boolean fromZero = !folded.get(i);
        for (int r = 0; r < matrix.rows(); r++) {
            mv.visitVarInsn(ALOAD, buffer);
            push(t.offset[i] + r);
            if (fromZero) {
                mv.visitInsn(DCONST_0);
            }
            for (int c = 0; c < matrix.columns(); c++) {
                mv.visitLdcInsn(matrix.get(r, c));
                loadVectorElement(argument, c, buffer, variable);
                mv.visitInsn(DMUL);
                if (fromZero || c > 0) {
                    mv.visitInsn(DADD);
                }
            }
            mv.visitInsn(DASTORE);
        }
    }

    /**
     * M^T a (a: product node i's adjoints) added into its argument's adjoints, written out with M's entries as
     * constants, in the order of {@link Matrix#multiplyTransposedAddInto}: row by row, a row whose a_r is 0 skipped.
     */
    private void writeTransposedProduct(int i, Matrix matrix, int buffer, int variable) {
        int argument = t.left[i];
        int ar = newDouble();
        for (int r = 0; r < matrix.rows(); r++) {
            mv.visitVarInsn(ALOAD, buffer);
            push(t.offset[i] + r);
            mv.visitInsn(DALOAD);
            mv.visitVarInsn(DSTORE, ar);
            Label skip = new Label();
            mv.visitVarInsn(DLOAD, ar);
            mv.visitInsn(DCONST_0);
            mv.visitInsn(DCMPL);
            mv.visitJumpInsn(IFEQ, skip);
            for (int c = 0; c < matrix.columns(); c++) {
                push(vectorArray(argument, buffer, variable) + c);
                mv.visitInsn(DUP2);
                mv.visitInsn(DALOAD);
                mv.visitLdcInsn(matrix.get(r, c));
                mv.visitVarInsn(DLOAD, ar);
                mv.visitInsn(DMUL);
                mv.visitInsn(DADD);
                mv.visitInsn(DASTORE);
            }
            mv.visitLabel(skip);
        }
    }

    /** Element k of vector node i on the stack (see {@link #loadVector}). */
    private void loadVectorElement(int i, int k, int buffer, int variable) {
        push(vectorArray(i, buffer, variable) + k);
        mv.visitInsn(DALOAD);
    }

    /** The array of vector node i on the stack (as in {@link #loadVector}); returns the index of its element 0. */
    private int vectorArray(int i, int buffer, int variable) {
        switch (t.op[i]) {
            case Tape.VECTOR_INPUT -> {
                mv.visitVarInsn(ALOAD, variable);
                return t.left[i];
            }
            case Tape.VECTOR_CONSTANT -> {
                mv.visitFieldInsn(GETSTATIC, owner, constants.vector(t, i), "[D");
                return 0;
            }
            default -> {
                mv.visitVarInsn(ALOAD, buffer);
                return t.offset[i];
            }
        }
    }

    /** The array and first index of vector node i: x or the gradient for a variable, a constant's data, or the buffer. */
    private void loadVector(int i, int buffer, int variable) {
        switch (t.op[i]) {
            case Tape.VECTOR_INPUT -> {
                mv.visitVarInsn(ALOAD, variable);
                push(t.left[i]);
            }
            case Tape.VECTOR_CONSTANT -> {
                mv.visitFieldInsn(GETSTATIC, owner, constants.vector(t, i), "[D");
                push(0);
            }
            default -> {
                mv.visitVarInsn(ALOAD, buffer);
                push(t.offset[i]);
            }
        }
    }

    /** The reverse sweep's code for node i, as in {@link Sweeps#reverse}. */
    private void reverse(int i) {
        int local = adjointLocal[i];
        if (local >= 0) {
            // node i's adjoint is complete, and is read for the last time below
            receivingSharers[local]--;
            reverseBody(i);
            sharers[local]--;
        } else {
            reverseBody(i);
        }
    }

    private void reverseBody(int i) {
        int op = t.op[i];
        if (op == Tape.MATRIX_PRODUCT) {
            if (!folded.get(i)) {
                multiply(i, "multiplyTransposedAddInto", adjointBuffer, GRADIENT);
            }
            return;
        }
        if (Tape.isVector(op)) {
            if (whole.get(i)) {
                loop(sums.get(i), false, true, 0);
            }
            return;
        }
        if (op == Tape.SUM) {
            if (!early[i]) {
                loop(sums.get(i), false, true, 0);
            }
            return;
        }
        if (op == Tape.LOG_SUM_EXP || op == Tape.ELEMENT) {
            reduceReverse(i);
            return;
        }
        int l = t.left[i];
        int r = t.right[i];
        Label skip = new Label();
        boolean multiplies = skipsZeroAdjoint(op);
        // the interpreter skips a zero adjoint, so that 0 times an infinite partial adds nothing: a known adjoint
        // decides that here, a computed one at run time
        boolean checks = multiplies && !known.isKnown(i);
        if (multiplies && known.isKnown(i) && known.of(i) == 0) {
            return;
        }
        if (checks) {
            // the contributions below run on one path only: their targets need a value on the other too
            ensureAssigned(l);
            if (r >= 0) {
                ensureAssigned(r);
            }
            loadAdjoint(i);
            mv.visitInsn(DCONST_0);
            mv.visitInsn(DCMPL);
            mv.visitJumpInsn(IFEQ, skip);
        }
        Rules.adjoint(op, rules.at(i));
        if (checks) {
            mv.visitLabel(skip);
        }
    }

    /**
     * The reverse step of a log-sum-exp or an element of a vector, which the interpreter takes even with a zero
     * adjoint: a call of {@link VectorKernels#logSumExpAdjoint}, the interpreter's own, or adj[l][k] += adj[i].
     * A constant argument takes nothing (the interpreter adds into adjoints that nothing reads).
     */
    private void reduceReverse(int i) {
        int l = t.left[i];
        if (t.op[l] == Tape.VECTOR_CONSTANT) {
            return;
        }
        if (t.op[i] == Tape.LOG_SUM_EXP) {
            loadVector(l, valueBuffer, X);
            push(t.length[l]);
            loadScalar(i);
            loadAdjoint(i);
            loadVector(l, adjointBuffer, GRADIENT);
            mv.visitMethodInsn(INVOKESTATIC, VECTOR_KERNELS, "logSumExpAdjoint", "([DIIDD[DI)V", false);
            return;
        }
        push(vectorArray(l, adjointBuffer, GRADIENT) + t.extra[i]);
        mv.visitInsn(DUP2);
        mv.visitInsn(DALOAD);
        loadAdjoint(i);
        mv.visitInsn(DADD);
        mv.visitInsn(DASTORE);
    }

    // ---- what the rules read ({@link TermMachine.Operands}) ----

    /** Node's value: a constant, the value the node before left on the stack, or its local. */
    @Override
    public Term value(int node) {
        if (elements) {
            return rules.code(() -> loadElement(node));
        }
        if (t.op[node] == Tape.CONSTANT) {
            return rules.constantTerm(t.constants[node]);
        }
        return rules.code(() -> {
            if (onStack == node) {
                onStack = -1;
            } else {
                loadScalar(node);
            }
        });
    }

    @Override
    public Term tangent(int node) {
        throw new IllegalStateException("a gradient kernel has no tangents");
    }

    @Override
    public Term adjointTangent(int node) {
        throw new IllegalStateException("a gradient kernel has no tangents");
    }

    /** Node i's adjoint: its local, or the constant it is known to be ({@link ConstantAdjoints}). */
    @Override
    public Term adjoint(int i) {
        if (elements) {
            passedOn = null;
            return rules.code(() -> mv.visitVarInsn(DLOAD, elementAdjointLocal[i]));
        }
        passedOn = adjointLocal[i] >= 0 ? rules.code(() -> loadAdjoint(i)) : rules.constantTerm(known.of(i));
        return passedOn;
    }

    /**
     * adj[target] (+ or -)= term, for node {@code from}'s rule: the adjoint itself, passed on by + - and negation,
     * may be shared ({@link #passOn}); any other contribution is added ({@link #addInto}).
     */
    @Override
    public void addToAdjoint(int from, int target, Term term, boolean subtract) {
        int instruction = subtract ? DSUB : DADD;
        if (elements) {
            elementAddInto(target, instruction, term::emit);
        } else if (term == passedOn && !multiplies(t.op[from])) {
            passOn(from, target, instruction);
        } else {
            addInto(target, instruction, term::emit);
        }
    }

    @Override
    public void addToAdjointTangent(int from, int target, Term term, boolean subtract) {
        throw new IllegalStateException("a gradient kernel has no tangents");
    }

    /** Whether an operation's reverse multiplies its adjoint (all but + - and negation, which pass it on). */
    static boolean multiplies(int op) {
        return op != Tape.ADD && op != Tape.SUB && op != Tape.NEG;
    }

    /**
     * Whether the interpreter skips the reverse step of an operation with a zero adjoint, and the generated code
     * must too: one that multiplies its adjoint, among the operations up to {@link Tape#BINARY}
     * ({@link InterpreterSteps#adjoints}). A square is not skipped there: 0 times 2x with x infinite is NaN.
     */
    static boolean skipsZeroAdjoint(int op) {
        return multiplies(op) && op <= Tape.BINARY;
    }

    /** The adjoint of scalar node i: its local, or the constant it is known to be. */
    private void loadAdjoint(int i) {
        int local = adjointLocal[i];
        if (local >= 0) {
            ensureAssigned(i);
            mv.visitVarInsn(DLOAD, local);
        } else if (known.of(i) == 1) {
            mv.visitInsn(DCONST_1);
        } else {
            mv.visitLdcInsn(known.of(i));
        }
    }

    /**
     * Sets node i's adjoint local to 0 if no contribution has reached it yet on every path; in a part of a split
     * kernel, to what earlier parts left in the buffer, if they left it.
     */
    private void ensureAssigned(int i) {
        int local = adjointLocal[i];
        if (local >= 0 && !adjointAssigned[i] && split != null && split.adjointInBuffer(i)) {
            mv.visitVarInsn(ALOAD, adjointBuffer);
            push(i);
            mv.visitInsn(DALOAD);
            mv.visitVarInsn(DSTORE, local);
            adjointAssigned[i] = true;
            // its sign of zero may be the first contribution's: the gradient adds it to 0 (writeGradientEntry)
            adjointFromZero[i] = false;
        } else if (local >= 0 && !adjointAssigned[i]) {
            mv.visitInsn(DCONST_0);
            mv.visitVarInsn(DSTORE, local);
            adjointAssigned[i] = true;
            adjointFromZero[i] = true;
        }
    }

    /**
     * adj[target] (+ or -)= adj[i], for + - and negation. When adj[i] is the target's first contribution, added, the
     * target takes over node i's local instead of a copy: node i's reverse is the last code that reads its adjoint.
     * A target that has no other contribution coming shares it; of the others, only one (the other gets a copy),
     * since their adjoints go on separately.
     */
    private void passOn(int i, int target, int instruction) {
        int source = adjointLocal[i];
        if (source >= 0) {
            // the local must hold node i's adjoint before a target takes it over: in a part of a split kernel, it
            // may still be in the buffer
            ensureAssigned(i);
        }
        boolean receives = contributors[target] > 1;
        // a target that receives more may share only with node i, whose adjoint is complete; one that receives no
        // more, with anyone whose adjoint no longer changes
        boolean free = source >= 0 && (receives ? sharers[source] == 1 : receivingSharers[source] == 0);
        if (instruction == DADD && free && adjointLocal[target] >= 0 && !adjointAssigned[target]
                && t.left[i] != t.right[i] && (split == null || !split.adjointInBuffer(target))) {
            int own = adjointLocal[target];
            sharers[own]--;
            receivingSharers[own]--;
            adjointLocal[target] = source;
            adjointAssigned[target] = true;
            adjointFromZero[target] = adjointFromZero[i];
            sharers[source]++;
            if (receives) {
                receivingSharers[source]++;
            }
            return;
        }
        addInto(target, instruction, () -> loadAdjoint(i));
    }

    /**
     * adj[target] = adj[target] (+ or -) contribution, unless the target is a constant (no adjoint) or its adjoint is
     * known (a constant in the code). The first contribution is stored as it is, or negated, rather than added to 0:
     * that saves an add and the local's setting to 0, and changes only the sign of a zero adjoint, which no
     * contribution depends on (a zero adjoint's products are skipped, its sums and differences are zeros) and which
     * the gradient loses when it adds the adjoint to 0 (writeValueAndGradient).
     */
    private void addInto(int target, int instruction, Runnable contribution) {
        if (split != null && split.adjointInBuffer(target)) {
            ensureAssigned(target);
        }
        accumulate(adjointLocal[target], adjointAssigned, target, instruction, contribution);
    }

    /**
     * local (+ or -)= contribution, or local = contribution (0 - contribution) if nothing is assigned yet; nothing if
     * local &lt; 0. A first difference is 0 - c, as the interpreter's, not -c: the two differ in the sign of a NaN
     * (a difference keeps its operand's NaN, a negation flips its sign bit).
     */
    private void accumulate(int local, boolean[] assigned, int target, int instruction, Runnable contribution) {
        if (local < 0) {
            return;
        }
        accumulate(mv, local, assigned[target], instruction, contribution);
        assigned[target] = true;
    }

    /**
     * local (+ or -)= contribution if {@code assigned}, else local = contribution (0 - contribution), the first
     * contribution as the interpreter adds it; for the straight-line kernels and the loops ({@link RerolledLoop}).
     */
    static void accumulate(MethodVisitor mv, int local, boolean assigned, int instruction, Runnable contribution) {
        if (assigned) {
            mv.visitVarInsn(DLOAD, local);
            contribution.run();
            mv.visitInsn(instruction);
        } else if (instruction == DSUB) {
            mv.visitInsn(DCONST_0);
            contribution.run();
            mv.visitInsn(DSUB);
        } else {
            contribution.run();
        }
        mv.visitVarInsn(DSTORE, local);
    }

    /**
     * The loop of a fused sum. With {@code value}, it sums the elements into the sum node's local. With
     * {@code adjoints}, it also runs the reverse sweep of each element, seeded with the sum's adjoint: the constant
     * {@code seed} when the value is computed in the same loop, the sum's adjoint local otherwise.
     */
    private void loop(FusedSum sum, boolean value, boolean adjoints, double seed) {
        int[] nodes = adjoints ? sum.gradientNodes() : sum.valueNodes();
        boolean elements = sum.writesElements();
        loopRoot = elements ? sum.argument() : -1;
        loopLength = sum.length();
        int total = -1;
        if (value && !elements) {
            total = newDouble();
            mv.visitInsn(DCONST_0);
            mv.visitVarInsn(DSTORE, total);
        }
        int[] levelZero = sum.valueNodes();
        // a broadcast scalar's adjoint is the sum of its elements' adjoints, added after the loop as the
        // interpreter adds it
        int[] broadcastTotal = filled(t.size);
        if (adjoints) {
            for (int i : levelZero) {
                if (t.op[i] == Tape.BROADCAST && adjointLocal[t.left[i]] >= 0) {
                    broadcastTotal[i] = newDouble();
                    mv.visitInsn(DCONST_0);
                    mv.visitVarInsn(DSTORE, broadcastTotal[i]);
                }
            }
        }
        for (int i : nodes) {
            if (t.op[i] != Tape.BROADCAST) {
                elementLocal[i] = newDouble();
            }
            if (adjoints && !FusedSum.isConstantLeaf(t, i) && isLevelZero(sum, i) && !folded.get(i)) {
                elementAdjointLocal[i] = newDouble();
            }
        }
        Label head = new Label();
        Label end = new Label();
        int j = loopHead(sum.length(), head, end);

        boolean[] read = value ? null : readByReverse(sum, nodes);
        for (int i : nodes) {
            if (read == null || read[i]) {
                elementValue(i, j);
            }
        }
        if (value && elements) {
            mv.visitVarInsn(ALOAD, valueBuffer);
            elementIndex(sum.argument(), j);
            loadElement(sum.argument());
            mv.visitInsn(DASTORE);
        } else if (value) {
            mv.visitVarInsn(DLOAD, total);
            loadElement(sum.argument());
            mv.visitInsn(DADD);
            mv.visitVarInsn(DSTORE, total);
        }
        if (adjoints) {
            // element adjoints start with their first contribution rather than 0 + it: that saves an add per
            // node and element, and the only possible difference, the sign of a zero adjoint, never reaches the
            // results (the gradient starts at +0 and only has adjoints added to it; no adjoint divides or is an
            // argument of a function)
            Arrays.fill(elementAssigned, false);
            elementAddInto(sum.argument(), DADD, () -> {
                if (elements) {
                    mv.visitVarInsn(ALOAD, adjointBuffer);
                    elementIndex(sum.argument(), j);
                    mv.visitInsn(DALOAD);
                } else if (value) {
                    mv.visitLdcInsn(seed);
                } else {
                    loadAdjoint(sum.sum());
                }
            });
            for (int k = levelZero.length - 1; k >= 0; k--) {
                elementReverse(levelZero[k], j, broadcastTotal);
            }
        }
        loopEnd(j, 1, head, end);

        if (value && !elements) {
            // the running total is the sum's value; nothing writes its local after the loop
            valueLocal[sum.sum()] = total;
        }
        if (adjoints) {
            for (int k = levelZero.length - 1; k >= 0; k--) {
                int i = levelZero[k];
                if (broadcastTotal[i] >= 0) {
                    int local = adjointLocal[t.left[i]];
                    ensureAssigned(t.left[i]);
                    mv.visitVarInsn(DLOAD, local);
                    mv.visitVarInsn(DLOAD, broadcastTotal[i]);
                    mv.visitInsn(DADD);
                    mv.visitVarInsn(DSTORE, local);
                }
            }
        }
        for (int i : nodes) {
            elementLocal[i] = -1;
            elementAdjointLocal[i] = -1;
        }
        loopRoot = -1;
    }

    /**
     * The nodes of a loop without a value whose elements its reverse steps read (a product's factors, a quotient and
     * its divisor, a function's partials), and what those are computed from: the others need no code.
     */
    private boolean[] readByReverse(FusedSum sum, int[] nodes) {
        boolean[] read = new boolean[t.size];
        for (int i : sum.valueNodes()) {
            if (isWholeLeaf(i)) {
                continue;
            }
            switch (t.op[i]) {
                case Tape.VECTOR_MUL -> {
                    read[t.left[i]] = true;
                    read[t.right[i]] = true;
                }
                case Tape.VECTOR_SQUARE -> read[t.left[i]] = true;
                case Tape.VECTOR_DIV -> {
                    read[t.right[i]] = true;
                    read[i] = true;
                }
                case Tape.VECTOR_UNARY -> read[t.firstPartial[i]] = true;
                case Tape.VECTOR_BINARY -> {
                    read[t.firstPartial[i]] = true;
                    read[t.secondPartial[i]] = true;
                }
                default -> {
                }
            }
        }
        for (int k = nodes.length - 1; k >= 0; k--) {
            int i = nodes[k];
            if (read[i] && !isWholeLeaf(i) && t.op[i] != Tape.BROADCAST && t.op[i] != Tape.VECTOR_INPUT
                    && t.op[i] != Tape.VECTOR_CONSTANT && t.op[i] != Tape.SLICE) {
                if (t.left[i] >= 0) {
                    read[t.left[i]] = true;
                }
                if (t.right[i] >= 0) {
                    read[t.right[i]] = true;
                }
            }
        }
        return read;
    }

    /** offset[i] + j, the buffer position of element j of vector node i. */
    private void elementIndex(int i, int j) {
        mv.visitVarInsn(ILOAD, j);
        if (t.offset[i] != 0) {
            push(t.offset[i]);
            mv.visitInsn(IADD);
        }
    }

    /** Whether node i, inside the loop being written, is a vector kept whole that the loop reads (not writes). */
    private boolean isWholeLeaf(int i) {
        return whole.get(i) && i != loopRoot;
    }

    private static boolean isLevelZero(FusedSum sum, int node) {
        return Arrays.binarySearch(sum.valueNodes(), node) >= 0;
    }

    /** Element j of node i into its local (a broadcast needs none: it reads its scalar). */
    private void elementValue(int i, int j) {
        int op = t.op[i];
        int l = t.left[i];
        int r = t.right[i];
        if (isWholeLeaf(i)) {
            mv.visitVarInsn(ALOAD, valueBuffer);
            elementIndex(i, j);
            mv.visitInsn(DALOAD);
            mv.visitVarInsn(DSTORE, elementLocal[i]);
            return;
        }
        switch (op) {
            case Tape.BROADCAST -> {
                return;
            }
            case Tape.VECTOR_INPUT, Tape.VECTOR_CONSTANT, Tape.SLICE -> {
                int source = op == Tape.SLICE ? FusedSum.sliceSource(t, i) : i;
                Double same = sameElements(source);
                if (same != null) {
                    // a broadcast constant, such as the 1 of 1 - x: no array to read
                    mv.visitLdcInsn(same);
                    mv.visitVarInsn(DSTORE, elementLocal[i]);
                    return;
                }
                int start = op == Tape.SLICE ? FusedSum.sliceStart(t, i) : 0;
                loadArray(source);
                mv.visitVarInsn(ILOAD, j);
                int base = start + (t.op[source] == Tape.VECTOR_INPUT ? t.left[source] : 0);
                if (base != 0) {
                    push(base);
                    mv.visitInsn(IADD);
                }
                mv.visitInsn(DALOAD);
            }
            default -> {
                if (Tape.elementRule(op) < 0) {
                    throw new IllegalStateException("no element-wise bytecode for operation " + op);
                }
                elements = true;
                rules.at(i).term(Rules.value(Tape.elementRule(op), rules)).emit();
                elements = false;
            }
        }
        mv.visitVarInsn(DSTORE, elementLocal[i]);
    }

    /** Element j of vector node i's reverse step: its rule ({@link Rules}), or what a leaf or broadcast adds. */
    private void elementReverse(int i, int j, int[] broadcastTotal) {
        int a = elementAdjointLocal[i];
        if (a < 0) {
            return;
        }
        if (!elementAssigned[i]) {
            // no contribution reached this node (cannot happen in a region built from its sum down; kept safe)
            mv.visitInsn(DCONST_0);
            mv.visitVarInsn(DSTORE, a);
            elementAssigned[i] = true;
        }
        if (isWholeLeaf(i) && storedOnce.get(i)) {
            // its one contribution, stored: 0 + it would differ only in the sign of a zero adjoint, which the
            // gradient, added to 0, loses (see loop)
            mv.visitVarInsn(ALOAD, adjointBuffer);
            elementIndex(i, j);
            mv.visitVarInsn(DLOAD, a);
            mv.visitInsn(DASTORE);
            return;
        }
        if (isWholeLeaf(i)) {
            // element j of a vector kept whole: into its adjoints
            addIntoArray(adjointBuffer, t.offset[i], j, a);
            return;
        }
        int l = t.left[i];
        int r = t.right[i];
        if (t.op[i] == Tape.VECTOR_MUL && (folded.get(l) || folded.get(r))) {
            // v . (M v), M symmetric: v's contributions a (M v) and M^T (a v) are 2a (M v) exactly, with 2a a
            // constant; one product (none when 2a = 1) where (a p) 2 would put two on the step's path
            int product = folded.get(l) ? l : r;
            double twiceAdjoint = SymmetricForms.twiceAdjoint(t, known, i);
            elementAddInto(product == l ? r : l, DADD, () -> {
                loadElement(product);
                if (twiceAdjoint != 1.0) {
                    mv.visitLdcInsn(twiceAdjoint);
                    mv.visitInsn(DMUL);
                }
            });
            return;
        }
        switch (t.op[i]) {
            case Tape.BROADCAST -> {
                int total = broadcastTotal[i];
                if (total >= 0) {
                    mv.visitVarInsn(DLOAD, total);
                    mv.visitVarInsn(DLOAD, a);
                    mv.visitInsn(DADD);
                    mv.visitVarInsn(DSTORE, total);
                }
            }
            case Tape.VECTOR_INPUT, Tape.SLICE -> {
                // element j of a variable (or of a slice of one): into the gradient array
                int source = t.op[i] == Tape.SLICE ? FusedSum.sliceSource(t, i) : i;
                int base = t.left[source] + (t.op[i] == Tape.SLICE ? FusedSum.sliceStart(t, i) : 0);
                if (loopLength <= SHORT_LOOP) {
                    addIntoGradient(base, j, a);
                } else {
                    addIntoArray(GRADIENT, base, j, a);
                }
            }
            default -> {
                if (Tape.elementRule(t.op[i]) < 0) {
                    throw new IllegalStateException("no element-wise reverse for operation " + t.op[i]);
                }
                elements = true;
                Rules.adjoint(Tape.elementRule(t.op[i]), rules.at(i));
                elements = false;
            }
        }
    }

    /** array[base + j] += the double in local {@code value}. */
    private void addIntoArray(int array, int base, int j, int value) {
        loadForUpdate(array, base, j);
        mv.visitVarInsn(DLOAD, value);
        mv.visitInsn(DADD);
        mv.visitInsn(DASTORE);
    }

    /** Leaves array, base + j and array[base + j] on the stack, for a DASTORE of the updated element. */
    private void loadForUpdate(int array, int base, int j) {
        mv.visitVarInsn(ALOAD, array);
        mv.visitVarInsn(ILOAD, j);
        if (base != 0) {
            push(base);
            mv.visitInsn(IADD);
        }
        mv.visitInsn(DUP2);
        mv.visitInsn(DALOAD);
    }

    /**
     * gradient[base + j] += the double in local {@code value}, written so that an optimizer's step need not wait on
     * the addition: g + a is a itself, exactly, when g is a zero of either sign and a is neither a zero nor a NaN,
     * and the code takes a then, deciding by a branch the processor predicts, and adds otherwise. In a short loop,
     * unrolled whole, the JIT sees the 0 the gradient was cleared to and keeps one test of a; the gradient of a
     * quadratic on two variables is then its product M v from the register that computed it, one dependent
     * operation less per step of gd (benchmarks/README.md, "A step against its floor"). The same bits as
     * {@link #addIntoArray} in every case.
     */
    private void addIntoGradient(int base, int j, int value) {
        loadForUpdate(GRADIENT, base, j);
        int old = newDouble();
        mv.visitVarInsn(DSTORE, old);
        Label add = new Label();
        Label store = new Label();
        mv.visitVarInsn(DLOAD, old);
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DCMPL);
        mv.visitJumpInsn(IFNE, add);
        // |a| > 0 is false for a zero and for a NaN (DCMPL gives -1 for a NaN)
        mv.visitVarInsn(DLOAD, value);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "abs", "(D)D", false);
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DCMPL);
        mv.visitJumpInsn(IFLE, add);
        mv.visitVarInsn(DLOAD, value);
        mv.visitJumpInsn(GOTO, store);
        mv.visitLabel(add);
        mv.visitVarInsn(DLOAD, old);
        mv.visitVarInsn(DLOAD, value);
        mv.visitInsn(DADD);
        mv.visitLabel(store);
        mv.visitInsn(DASTORE);
    }

    private void elementAddInto(int target, int instruction, Runnable contribution) {
        accumulate(elementAdjointLocal[target], elementAssigned, target, instruction, contribution);
    }

    /** Element j of a vector node inside a loop: its local, or a broadcast's scalar. */
    private void loadElement(int i) {
        if (t.op[i] == Tape.BROADCAST) {
            loadScalar(t.left[i]);
        } else {
            mv.visitVarInsn(DLOAD, elementLocal[i]);
        }
    }

    /** The value every element of a constant vector node has, or null if they differ or the node is a variable. */
    private Double sameElements(int source) {
        if (t.op[source] != Tape.VECTOR_CONSTANT) {
            return null;
        }
        int from = t.offset[source];
        long bits = Double.doubleToRawLongBits(t.constants[from]);
        for (int k = 1; k < t.length[source]; k++) {
            if (Double.doubleToRawLongBits(t.constants[from + k]) != bits) {
                return null;
            }
        }
        return t.constants[from];
    }

    /** The array element j of a leaf is read from: x for a variable, the constant's data otherwise. */
    private void loadArray(int source) {
        if (t.op[source] == Tape.VECTOR_INPUT) {
            mv.visitVarInsn(ALOAD, X);
        } else {
            mv.visitFieldInsn(GETSTATIC, owner, constants.vector(t, source), "[D");
        }
    }

    private void loadScalar(int node) {
        if (t.op[node] == Tape.CONSTANT) {
            mv.visitLdcInsn(t.constants[node]);
        } else {
            int local = valueLocal[node];
            if (local >= 0) {
                mv.visitVarInsn(DLOAD, local);
            } else if (split != null && t.op[node] == Tape.INPUT) {
                mv.visitVarInsn(ALOAD, X);
                push(t.left[node]);
                mv.visitInsn(DALOAD);
            } else if (split != null) {
                // computed in another part of a split kernel, which left it in the buffer
                mv.visitVarInsn(ALOAD, valueBuffer);
                push(node);
                mv.visitInsn(DALOAD);
            } else {
                throw new IllegalStateException("node " + node + " is read before it is computed");
            }
        }
    }

    /**
     * The head of a counted loop in javac's shape, which the JIT recognizes (and so checks array bounds once before
     * it): a new int local set to 0, and a jump to {@code end} once it reaches {@code limit}. Returns the local.
     */
    private int loopHead(int limit, Label head, Label end) {
        int counter = nextLocal++;
        push(0);
        mv.visitVarInsn(ISTORE, counter);
        mv.visitLabel(head);
        mv.visitVarInsn(ILOAD, counter);
        push(limit);
        mv.visitJumpInsn(IF_ICMPGE, end);
        return counter;
    }

    /** The end of a loop begun by {@link #loopHead}: the counter goes up by {@code step}, back to the head. */
    private void loopEnd(int counter, int step, Label head, Label end) {
        mv.visitIincInsn(counter, step);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);
    }

    private int newDouble() {
        int local = nextLocal;
        nextLocal += 2;
        return local;
    }

    private void push(int value) {
        push(mv, value);
    }

    /** Pushes an int constant with the shortest instruction: ICONST, BIPUSH, SIPUSH or LDC. */
    static void push(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

}
