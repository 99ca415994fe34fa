package dev.fluxion.dsl.tape;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.SIPUSH;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes the body of one kernel method, {@code value(x, values)} or
 * {@code valueAndGradient(x, gradient, values, adjoints)}, node by node in the tape's order and with the
 * interpreter's order of floating-point operations, so that the results agree with {@link Sweeps} bit for bit
 * (except where a fused loop adds three or more contributions to one gradient entry in another order).
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
 * start of the call. The product's value and adjoint are calls to
 * {@link dev.fluxion.dsl.expr.Matrix#multiplyInto} and {@link dev.fluxion.dsl.expr.Matrix#multiplyTransposedAddInto},
 * the methods the interpreter calls, on the matrix held in a constant field; an element-wise argument is written by
 * a loop of its own, and its reverse runs when the reverse sweep reaches it. Loops read a vector kept whole as a
 * leaf and add its element adjoints into its adjoint array. A sum of known adjoint runs its reverse in the forward
 * loop only when no later node reads a vector it adds adjoints into, so that each adjoint array receives its
 * contributions in the interpreter's order.
 */
final class KernelMethod {
    private static final int X = 1;
    private static final int GRADIENT = 2;
    /** The value buffer: argument 2 of value, 3 of valueAndGradient; then the adjoint buffer. */
    private final int valueBuffer;
    private final int adjointBuffer;
    private static final String UNARY = "dev/fluxion/dsl/function/UnaryFunction";
    private static final String BINARY = "dev/fluxion/dsl/function/BinaryFunction";
    private static final String MATRIX = "dev/fluxion/dsl/expr/Matrix";

    private final Tape t;
    private final MethodVisitor mv;
    private final String owner;
    private final KernelConstants constants;
    private final Map<Integer, FusedSum> sums;
    private final ConstantAdjoints known;
    /** The vectors kept whole in arrays (matrix products and their computed arguments). */
    private final BitSet whole;
    /** Whether a sum runs its reverse in its forward loop (its adjoint is known, see {@link ConstantAdjoints}). */
    private final boolean[] early;
    /** The vector whose elements the loop being written writes, or -1. */
    private int loopRoot = -1;
    private final int[] valueLocal;
    private final int[] adjointLocal;
    /** Element j of a vector node inside the loop being written. */
    private final int[] elementLocal;
    private final int[] elementAdjointLocal;
    /** Whether an element adjoint has had its first contribution in the loop body being written. */
    private final boolean[] elementAssigned;
    /** Whether a node is in the reverse sweep (level 0, computed). */
    private final boolean[] inReverse;
    private int nextLocal;

    KernelMethod(Tape t, MethodVisitor mv, String owner, KernelConstants constants, Map<Integer, FusedSum> sums,
                 BitSet whole, ConstantAdjoints known, boolean withGradient) {
        this.t = t;
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
        this.elementLocal = filled(t.size);
        this.elementAdjointLocal = filled(t.size);
        this.elementAssigned = new boolean[t.size];
        this.nextLocal = withGradient ? 5 : 3;
        this.inReverse = new boolean[t.size];
        for (int i : t.reverseOrder) {
            inReverse[i] = true;
        }
        this.early = early(t, sums, whole, known, inReverse);
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
        for (int i : t.valueOrder) {
            forward(i, false);
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
        if (vectorInputs) {
            // the loops add into the gradient array
            mv.visitVarInsn(ALOAD, GRADIENT);
            mv.visitInsn(DCONST_0);
            mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([DD)V", false);
        }
        clearAdjoints();
        loadInputs();
        // adjoints start at 0 (the root's at 1) before any loop adds into them
        int root = t.outputs[0];
        for (int i = 0; i < t.size; i++) {
            boolean levelZero = t.op[i] == Tape.INPUT || (Tape.isComputed(t.op[i]) && !Tape.isVector(t.op[i])
                    && inReverse[i]);
            if (levelZero) {
                adjointLocal[i] = newDouble();
                mv.visitInsn(i == root ? DCONST_1 : DCONST_0);
                mv.visitVarInsn(DSTORE, adjointLocal[i]);
            }
        }
        for (int i : t.gradientOrder) {
            forward(i, true);
        }
        for (int i : t.reverseOrder) {
            reverse(i);
        }
        for (int k = 0; k < t.inputPosition.length; k++) {
            int position = t.inputPosition[k];
            if (position >= 0 && position < t.size) {
                mv.visitVarInsn(ALOAD, GRADIENT);
                push(k);
                mv.visitVarInsn(DLOAD, adjointLocal[position]);
                mv.visitInsn(DASTORE);
            } else if (position < 0 && !vectorInputs) {
                mv.visitVarInsn(ALOAD, GRADIENT);
                push(k);
                mv.visitInsn(DCONST_0);
                mv.visitInsn(DASTORE);
            }
        }
        return finish();
    }


    private int finish() {
        Label end = new Label();
        loadScalar(t.outputs[0]);
        mv.visitLabel(end);
        int size = end.getOffset();
        mv.visitInsn(DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return size;
    }

    /** Sets the adjoints of every vector kept whole to 0, as the interpreter's reverse sweep does. */
    private void clearAdjoints() {
        for (int i = whole.nextSetBit(0); i >= 0; i = whole.nextSetBit(i + 1)) {
            mv.visitVarInsn(ALOAD, adjointBuffer);
            push(t.offset[i]);
            push(t.offset[i] + t.length[i]);
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
    private void forward(int i, boolean withGradient) {
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
        int r = t.right[i];
        switch (op) {
            case Tape.ADD -> arithmetic(l, r, DADD);
            case Tape.SUB -> arithmetic(l, r, DSUB);
            case Tape.MUL -> arithmetic(l, r, DMUL);
            case Tape.DIV -> arithmetic(l, r, DDIV);
            case Tape.SQUARE -> arithmetic(l, l, DMUL);
            case Tape.NEG -> {
                loadScalar(l);
                mv.visitInsn(DNEG);
            }
            case Tape.UNARY -> {
                mv.visitFieldInsn(GETSTATIC, owner, constants.field(t.unary[i]), "L" + UNARY + ";");
                loadScalar(l);
                mv.visitMethodInsn(INVOKEINTERFACE, UNARY, "value", "(D)D", true);
            }
            case Tape.BINARY -> {
                mv.visitFieldInsn(GETSTATIC, owner, constants.field(t.binary[i]), "L" + BINARY + ";");
                loadScalar(l);
                loadScalar(r);
                mv.visitMethodInsn(INVOKEINTERFACE, BINARY, "value", "(DD)D", true);
            }
            default -> throw new IllegalStateException("no bytecode for operation " + op + " at node " + i);
        }
        valueLocal[i] = newDouble();
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
        mv.visitFieldInsn(GETSTATIC, owner, constants.field(t.matrix[i]), "L" + MATRIX + ";");
        if (forward) {
            loadVector(argument, buffer, variable);
            mv.visitVarInsn(ALOAD, buffer);
            push(t.offset[i]);
        } else {
            mv.visitVarInsn(ALOAD, buffer);
            push(t.offset[i]);
            loadVector(argument, buffer, variable);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, MATRIX, method, "([DI[DI)V", false);
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

    private void arithmetic(int l, int r, int instruction) {
        loadScalar(l);
        loadScalar(r);
        mv.visitInsn(instruction);
    }

    /** The reverse sweep's code for node i, as in {@link Sweeps#reverse}. */
    private void reverse(int i) {
        int op = t.op[i];
        if (op == Tape.MATRIX_PRODUCT) {
            multiply(i, "multiplyTransposedAddInto", adjointBuffer, GRADIENT);
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
        int a = adjointLocal[i];
        int l = t.left[i];
        int r = t.right[i];
        Label skip = new Label();
        boolean multiplies = op != Tape.ADD && op != Tape.SUB && op != Tape.NEG;
        if (multiplies) {
            // the interpreter skips a zero adjoint, so that 0 times an infinite partial adds nothing
            mv.visitVarInsn(DLOAD, a);
            mv.visitInsn(DCONST_0);
            mv.visitInsn(DCMPL);
            mv.visitJumpInsn(IFEQ, skip);
        }
        switch (op) {
            case Tape.ADD -> {
                addInto(l, DADD, () -> mv.visitVarInsn(DLOAD, a));
                addInto(r, DADD, () -> mv.visitVarInsn(DLOAD, a));
            }
            case Tape.SUB -> {
                addInto(l, DADD, () -> mv.visitVarInsn(DLOAD, a));
                addInto(r, DSUB, () -> mv.visitVarInsn(DLOAD, a));
            }
            case Tape.NEG -> addInto(l, DSUB, () -> mv.visitVarInsn(DLOAD, a));
            case Tape.MUL -> {
                addInto(l, DADD, () -> product(a, r));
                addInto(r, DADD, () -> product(a, l));
            }
            case Tape.DIV -> {
                addInto(l, DADD, () -> {
                    mv.visitVarInsn(DLOAD, a);
                    loadScalar(r);
                    mv.visitInsn(DDIV);
                });
                addInto(r, DSUB, () -> {
                    product(a, i);
                    loadScalar(r);
                    mv.visitInsn(DDIV);
                });
            }
            case Tape.SQUARE -> addInto(l, DADD, () -> {
                mv.visitLdcInsn(2.0);
                mv.visitVarInsn(DLOAD, a);
                mv.visitInsn(DMUL);
                loadScalar(l);
                mv.visitInsn(DMUL);
            });
            case Tape.UNARY -> addInto(l, DADD, () -> product(a, t.firstPartial[i]));
            case Tape.BINARY -> {
                addInto(l, DADD, () -> product(a, t.firstPartial[i]));
                addInto(r, DADD, () -> product(a, t.secondPartial[i]));
            }
            default -> throw new IllegalStateException("no bytecode for operation " + op + " at node " + i);
        }
        if (multiplies) {
            mv.visitLabel(skip);
        }
    }

    /** adjoint * value of node. */
    private void product(int adjoint, int node) {
        mv.visitVarInsn(DLOAD, adjoint);
        loadScalar(node);
        mv.visitInsn(DMUL);
    }

    /** adj[target] = adj[target] (+ or -) contribution, unless the target is a constant (no adjoint). */
    private void addInto(int target, int instruction, Runnable contribution) {
        int local = adjointLocal[target];
        if (local < 0) {
            return;
        }
        mv.visitVarInsn(DLOAD, local);
        contribution.run();
        mv.visitInsn(instruction);
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
            if (adjoints && !FusedSum.isConstantLeaf(t, i) && isLevelZero(sum, i)) {
                elementAdjointLocal[i] = newDouble();
            }
        }
        int j = nextLocal++;
        push(0);
        mv.visitVarInsn(ISTORE, j);
        Label head = new Label();
        Label end = new Label();
        mv.visitLabel(head);
        mv.visitVarInsn(ILOAD, j);
        push(sum.length());
        mv.visitJumpInsn(IF_ICMPGE, end);

        for (int i : nodes) {
            elementValue(i, j);
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
                    mv.visitVarInsn(DLOAD, adjointLocal[sum.sum()]);
                }
            });
            for (int k = levelZero.length - 1; k >= 0; k--) {
                elementReverse(levelZero[k], j, broadcastTotal);
            }
        }
        mv.visitIincInsn(j, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);

        if (value && !elements) {
            valueLocal[sum.sum()] = newDouble();
            mv.visitVarInsn(DLOAD, total);
            mv.visitVarInsn(DSTORE, valueLocal[sum.sum()]);
        }
        if (adjoints) {
            for (int k = levelZero.length - 1; k >= 0; k--) {
                int i = levelZero[k];
                if (broadcastTotal[i] >= 0) {
                    int local = adjointLocal[t.left[i]];
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
            case Tape.VECTOR_ADD -> elementArithmetic(l, r, DADD);
            case Tape.VECTOR_SUB -> elementArithmetic(l, r, DSUB);
            case Tape.VECTOR_MUL -> elementArithmetic(l, r, DMUL);
            case Tape.VECTOR_DIV -> elementArithmetic(l, r, DDIV);
            case Tape.VECTOR_SQUARE -> elementArithmetic(l, l, DMUL);
            case Tape.VECTOR_NEG -> {
                loadElement(l);
                mv.visitInsn(DNEG);
            }
            case Tape.VECTOR_SCALE -> {
                loadElement(l);
                mv.visitLdcInsn(t.constants[i]);
                mv.visitInsn(DMUL);
            }
            case Tape.VECTOR_SHIFT -> {
                loadElement(l);
                mv.visitLdcInsn(t.constants[i]);
                mv.visitInsn(DADD);
            }
            case Tape.VECTOR_UNARY -> {
                mv.visitFieldInsn(GETSTATIC, owner, constants.field(t.unary[i]), "L" + UNARY + ";");
                loadElement(l);
                mv.visitMethodInsn(INVOKEINTERFACE, UNARY, "value", "(D)D", true);
            }
            case Tape.VECTOR_BINARY -> {
                mv.visitFieldInsn(GETSTATIC, owner, constants.field(t.binary[i]), "L" + BINARY + ";");
                loadElement(l);
                loadElement(r);
                mv.visitMethodInsn(INVOKEINTERFACE, BINARY, "value", "(DD)D", true);
            }
            default -> throw new IllegalStateException("no element-wise bytecode for operation " + op);
        }
        mv.visitVarInsn(DSTORE, elementLocal[i]);
    }

    private void elementArithmetic(int l, int r, int instruction) {
        loadElement(l);
        loadElement(r);
        mv.visitInsn(instruction);
    }

    /** Element j of vector node i's reverse step, as in {@link VectorKernels#reverse}. */
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
        if (isWholeLeaf(i)) {
            // element j of a vector kept whole: into its adjoints
            addIntoArray(adjointBuffer, t.offset[i], j, a);
            return;
        }
        int l = t.left[i];
        int r = t.right[i];
        switch (t.op[i]) {
            case Tape.VECTOR_ADD -> {
                elementAddInto(l, DADD, () -> mv.visitVarInsn(DLOAD, a));
                elementAddInto(r, DADD, () -> mv.visitVarInsn(DLOAD, a));
            }
            case Tape.VECTOR_SUB -> {
                elementAddInto(l, DADD, () -> mv.visitVarInsn(DLOAD, a));
                elementAddInto(r, DSUB, () -> mv.visitVarInsn(DLOAD, a));
            }
            case Tape.VECTOR_MUL -> {
                elementAddInto(l, DADD, () -> elementProduct(a, r));
                elementAddInto(r, DADD, () -> elementProduct(a, l));
            }
            case Tape.VECTOR_SQUARE -> elementAddInto(l, DADD, () -> {
                mv.visitLdcInsn(2.0);
                mv.visitVarInsn(DLOAD, a);
                mv.visitInsn(DMUL);
                loadElement(l);
                mv.visitInsn(DMUL);
            });
            case Tape.VECTOR_SCALE -> elementAddInto(l, DADD, () -> {
                mv.visitVarInsn(DLOAD, a);
                mv.visitLdcInsn(t.constants[i]);
                mv.visitInsn(DMUL);
            });
            case Tape.VECTOR_SHIFT -> elementAddInto(l, DADD, () -> mv.visitVarInsn(DLOAD, a));
            case Tape.VECTOR_DIV -> {
                elementAddInto(l, DADD, () -> {
                    mv.visitVarInsn(DLOAD, a);
                    loadElement(r);
                    mv.visitInsn(DDIV);
                });
                elementAddInto(r, DSUB, () -> {
                    elementProduct(a, i);
                    loadElement(r);
                    mv.visitInsn(DDIV);
                });
            }
            case Tape.VECTOR_NEG -> elementAddInto(l, DSUB, () -> mv.visitVarInsn(DLOAD, a));
            case Tape.VECTOR_UNARY -> elementAddInto(l, DADD, () -> elementProduct(a, t.firstPartial[i]));
            case Tape.VECTOR_BINARY -> {
                elementAddInto(l, DADD, () -> elementProduct(a, t.firstPartial[i]));
                elementAddInto(r, DADD, () -> elementProduct(a, t.secondPartial[i]));
            }
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
                addIntoArray(GRADIENT, base, j, a);
            }
            default -> throw new IllegalStateException("no element-wise reverse for operation " + t.op[i]);
        }
    }

    /** array[base + j] += the double in local {@code value}. */
    private void addIntoArray(int array, int base, int j, int value) {
        mv.visitVarInsn(ALOAD, array);
        mv.visitVarInsn(ILOAD, j);
        if (base != 0) {
            push(base);
            mv.visitInsn(IADD);
        }
        mv.visitInsn(DUP2);
        mv.visitInsn(DALOAD);
        mv.visitVarInsn(DLOAD, value);
        mv.visitInsn(DADD);
        mv.visitInsn(DASTORE);
    }

    private void elementProduct(int adjoint, int node) {
        mv.visitVarInsn(DLOAD, adjoint);
        loadElement(node);
        mv.visitInsn(DMUL);
    }

    private void elementAddInto(int target, int instruction, Runnable contribution) {
        int local = elementAdjointLocal[target];
        if (local < 0) {
            return;
        }
        if (elementAssigned[target]) {
            mv.visitVarInsn(DLOAD, local);
            contribution.run();
            mv.visitInsn(instruction);
        } else {
            contribution.run();
            if (instruction == DSUB) {
                mv.visitInsn(DNEG);
            }
            elementAssigned[target] = true;
        }
        mv.visitVarInsn(DSTORE, local);
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
            if (local < 0) {
                throw new IllegalStateException("node " + node + " is read before it is computed");
            }
            mv.visitVarInsn(DLOAD, local);
        }
    }

    private int newDouble() {
        int local = nextLocal;
        nextLocal += 2;
        return local;
    }

    private void push(int value) {
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
