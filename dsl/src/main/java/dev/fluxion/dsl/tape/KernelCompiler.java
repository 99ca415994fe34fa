package dev.fluxion.dsl.tape;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;
import static org.objectweb.asm.Opcodes.V17;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Compiles a tape to JVM bytecode: a hidden class (one per tape, unloaded with it) implementing
 * {@link TapeKernel}, written with ASM by {@link KernelMethod}.
 *
 * <p>A tape is compiled when every node of its gradient schedule is scalar arithmetic, a unary or binary
 * function, a sum over an element-wise vector expression ({@link FusedSum}), or a matrix-vector product, a
 * log-sum-exp or an element of a vector whose argument is a vector variable, a constant vector, a product or an
 * element-wise vector expression (kept whole in an array, written by a loop of its own), and when each generated
 * method stays within {@link #LARGEST_METHOD} bytes of bytecode. A scalar tape too long for one method per entry
 * point is split into several ({@link KernelSplit}), with runs of repeated blocks as loops ({@link RerolledLoop}) where
 * it has them. Otherwise {@link #compile} returns null and the interpreter
 * ({@link Sweeps}) evaluates the tape. The limit is HotSpot's: it does not JIT-compile a method longer than 8000
 * bytes ({@code -XX:+DontCompileHugeMethods}), and straight-line code the JVM interprets would be slower than the
 * tape interpreter, which is compiled.
 */
final class KernelCompiler {
    /** The longest method the kernel may have, in bytes of bytecode: HotSpot's {@code HugeMethodLimit}. */
    static final int LARGEST_METHOD = 8000;
    /** A first guess of the bytes of bytecode of one reverse step (forward nodes take fewer), to size the parts. */
    private static final int BYTES_PER_STEP = 24;
    private static final String NAME = "dev/fluxion/dsl/tape/GeneratedKernel";
    /** The descriptors of the parts of a split kernel: the arguments of their entry point, no result. */
    private static final String PART_OF_VALUE = "([D[D)V";
    private static final String PART_OF_GRADIENT = "([D[D[D[D)V";

    private KernelCompiler() {
    }

    /** The tape's kernel, or null when the tape is left to the interpreter. */
    static TapeKernel compile(Tape t) {
        return compile(t, LARGEST_METHOD);
    }

    /**
     * The bytes of bytecode of the kernel's {@code value} and {@code valueAndGradient} in one method each, or null
     * when the tape is not generated that way: for the tests that keep the kernels of small landscapes within
     * HotSpot's inlining limit (325 bytes, {@code FreqInlineSize}), where an optimizer's step can take them in.
     */
    static int[] methodSizes(Tape t) {
        int[] sizes = new int[2];
        if (t.outputs.length != 1 || compileWhole(t, LARGEST_METHOD, sizes) == null) {
            return null;
        }
        // KernelMethod measures up to the final return, one byte
        return new int[] {sizes[0] + 1, sizes[1] + 1};
    }

    /**
     * The tape's kernel with methods of at most {@code largestMethod} bytes of bytecode (tests pass a small limit, so
     * that small tapes are split): one method per entry point where that fits, else, for a scalar tape, several
     * ({@link KernelSplit}); or null when the tape is left to the interpreter.
     */
    static TapeKernel compile(Tape t, int largestMethod) {
        if (t.outputs.length != 1) {
            return null;
        }
        TapeKernel kernel = t.gradientOrder.length > largestMethod / 4 ? null : compileWhole(t, largestMethod, new int[2]);
        return kernel == null && KernelSplit.applies(t) ? compileSplit(t, largestMethod) : kernel;
    }

    private static TapeKernel compileWhole(Tape t, int largestMethod, int[] sizes) {
        BitSet whole = wholeVectors(t);
        Map<Integer, FusedSum> sums = fusedSums(t, whole);
        if (sums == null) {
            return null;
        }
        byte[] bytes;
        KernelConstants constants = new KernelConstants();
        try {
            bytes = write(t, sums, whole, constants, largestMethod, sizes);
        } catch (MethodTooLargeException | ClassTooLargeException | IllegalStateException tooLargeOrUnordered) {
            // IllegalStateException: a loop would read a scalar computed after its sum (see KernelMethod)
            return null;
        }
        if (bytes == null) {
            return null;
        }
        return define(bytes, constants.values(), TapeKernel.class);
    }

    /** Whether a kernel of the tape keeps vectors whole, and so needs the interpreter's buffers at each call. */
    static boolean keepsVectorsWhole(Tape t) {
        return !wholeVectors(t).isEmpty();
    }

    /**
     * The vectors a kernel keeps whole, in the interpreter's buffers: every matrix product, and the argument of a
     * matrix product, a log-sum-exp or an element unless that is a vector variable or constant (read where it is).
     */
    private static BitSet wholeVectors(Tape t) {
        BitSet whole = new BitSet();
        for (int i : t.gradientOrder) {
            int op = t.op[i];
            if (op == Tape.MATRIX_PRODUCT || op == Tape.LOG_SUM_EXP || op == Tape.ELEMENT) {
                if (op == Tape.MATRIX_PRODUCT) {
                    whole.set(i);
                }
                int argument = t.left[i];
                if (t.op[argument] != Tape.VECTOR_INPUT && t.op[argument] != Tape.VECTOR_CONSTANT) {
                    whole.set(argument);
                }
            }
        }
        return whole;
    }

    /**
     * The fused loop of every sum (keyed by the SUM node) and of every element-wise vector kept whole (keyed by the
     * vector), or null if some node cannot be compiled.
     */
    private static Map<Integer, FusedSum> fusedSums(Tape t, BitSet whole) {
        Map<Integer, FusedSum> sums = new HashMap<>();
        BitSet covered = new BitSet();
        for (int i : t.gradientOrder) {
            switch (t.op[i]) {
                case Tape.ADD, Tape.SUB, Tape.MUL, Tape.DIV, Tape.NEG, Tape.SQUARE, Tape.UNARY, Tape.BINARY,
                        Tape.LOG_SUM_EXP, Tape.ELEMENT -> {
                }
                case Tape.MATRIX_PRODUCT -> covered.set(i);
                case Tape.SUM -> {
                    if (!addLoop(sums, covered, i, FusedSum.of(t, i, whole))) {
                        return null;
                    }
                }
                default -> {
                    if (!Tape.isVector(t.op[i])) {
                        return null;
                    }
                    if (whole.get(i) && !addLoop(sums, covered, i, FusedSum.elementsOf(t, i, whole))) {
                        return null;
                    }
                }
            }
        }
        for (int i : t.gradientOrder) {
            if (Tape.isVector(t.op[i]) && !covered.get(i)) {
                return null;
            }
        }
        return sums;
    }

    private static boolean addLoop(Map<Integer, FusedSum> loops, BitSet covered, int node, FusedSum loop) {
        if (loop == null) {
            return false;
        }
        loops.put(node, loop);
        for (int i : loop.gradientNodes()) {
            covered.set(i);
        }
        return true;
    }

    /**
     * The kernel of a scalar tape split into parts ({@link KernelSplit}), the parts as long as fits: the first guess
     * of their length from {@link #BYTES_PER_STEP}, shortened in proportion while a part is too long.
     */
    private static TapeKernel compileSplit(Tape t, int largestMethod) {
        TapeKernel fused = compileSplit(t, largestMethod, true, true);
        if (fused != null) {
            return fused;
        }
        TapeKernel rerolled = compileSplit(t, largestMethod, true, false);
        return rerolled != null ? rerolled : compileSplit(t, largestMethod, false, false);
    }

    /**
     * The split kernel; with {@code reroll}, runs of repeated blocks ({@link Reroll}) are loops
     * ({@link RerolledLoop}), and null if one cannot be; with {@code fuse} too, the gradient's forward loops run
     * the reverse steps of their blocks where they can ({@link RerolledLoop#writeFused}), and null if one cannot.
     */
    private static TapeKernel compileSplit(Tape t, int largestMethod, boolean reroll, boolean fuse) {
        int partLength = Math.max(1, largestMethod / BYTES_PER_STEP);
        while (true) {
            KernelConstants constants = new KernelConstants();
            int[] longest = new int[1];
            byte[] bytes;
            try {
                bytes = writeSplit(t, KernelSplit.of(t, partLength, ConstantAdjoints.of(t), reroll, fuse), constants,
                        largestMethod, longest);
            } catch (MethodTooLargeException | ClassTooLargeException | RerolledLoop.Refused notWritten) {
                return null;
            }
            if (bytes != null) {
                return define(bytes, constants.values(), TapeKernel.class);
            }
            if (partLength == 1 || longest[0] <= largestMethod) {
                // a single step too long, or the entry points (one call per part) too long
                return null;
            }
            partLength = Math.max(1, Math.min(partLength - 1, (int) (0.9 * partLength * largestMethod / longest[0])));
        }
    }

    /**
     * The class file of a split kernel: each entry point calls its parts in order, then returns the output's value
     * from the buffer. Null if a part is longer than {@code largestMethod} (its length in {@code longest[0]}) or an
     * entry point longer than {@link #LARGEST_METHOD}.
     */
    private static byte[] writeSplit(Tape t, KernelSplit split, KernelConstants constants, int largestMethod,
                                     int[] longest) {
        ClassWriter cw = header();
        ConstantAdjoints known = ConstantAdjoints.of(t);
        MethodVisitor isSplit = cw.visitMethod(ACC_PUBLIC, "isSplit", "()Z", null, null);
        isSplit.visitCode();
        isSplit.visitInsn(ICONST_1);
        isSplit.visitInsn(IRETURN);
        isSplit.visitMaxs(0, 0);
        isSplit.visitEnd();

        // a loop's length does not depend on the part length: it needs only to stay within the JIT's limit
        int longestLoop = 0;
        int loopCount = 0;
        int fusedCount = 0;
        List<String> valueParts = new ArrayList<>();
        for (int p = 0; p < split.forwardParts(false); p++) {
            valueParts.add("value" + p);
            MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, "value" + p, PART_OF_VALUE, null, null);
            Reroll run = split.forwardLoop(false, p);
            if (run != null) {
                loopCount++;
                longestLoop = Math.max(longestLoop, new RerolledLoop(t, mv, NAME, constants, known, false, split)
                        .writeForward(t.valueOrder, run, false));
            } else {
                longest[0] = Math.max(longest[0], new KernelMethod(t, mv, NAME, constants, known, false, split)
                        .writeForwardPart(t.valueOrder, p));
            }
        }
        List<String> gradientParts = new ArrayList<>();
        for (int p = 0; p < split.forwardParts(true); p++) {
            gradientParts.add("forward" + p);
            MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, "forward" + p, PART_OF_GRADIENT, null, null);
            Reroll run = split.forwardLoop(true, p);
            if (run != null) {
                loopCount++;
                KernelSplit.ReversePart fused = split.fusedReverse(run);
                fusedCount += fused != null ? 1 : 0;
                RerolledLoop loop = new RerolledLoop(t, mv, NAME, constants, known, true, split);
                longestLoop = Math.max(longestLoop, fused != null ? loop.writeFused(run, fused)
                        : loop.writeForward(t.gradientOrder, run, true));
            } else {
                longest[0] = Math.max(longest[0], new KernelMethod(t, mv, NAME, constants, known, true, split)
                        .writeForwardPart(t.gradientOrder, p));
            }
        }
        List<KernelSplit.ReversePart> reverseParts = split.reverseParts();
        for (int p = 0; p < reverseParts.size(); p++) {
            if (reverseParts.get(p).fused()) {
                // run by its forward loop
                continue;
            }
            gradientParts.add("reverse" + p);
            MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, "reverse" + p, PART_OF_GRADIENT, null, null);
            if (reverseParts.get(p).loop() != null) {
                loopCount++;
                longestLoop = Math.max(longestLoop, new RerolledLoop(t, mv, NAME, constants, known, true, split)
                        .writeReverse(reverseParts.get(p)));
            } else {
                longest[0] = Math.max(longest[0], new KernelMethod(t, mv, NAME, constants, known, true, split)
                        .writeReversePart(reverseParts.get(p)));
            }
        }
        if (longestLoop > LARGEST_METHOD) {
            throw new RerolledLoop.Refused("a loop longer than the JIT compiles");
        }
        writeCount(cw, "loops", loopCount);
        writeCount(cw, "fusedLoops", fusedCount);
        int valueSize = writeCalls(t, cw.visitMethod(ACC_PUBLIC, "value", "([D[D)D", null, null), valueParts, 2,
                PART_OF_VALUE);
        int gradientSize = writeCalls(t, cw.visitMethod(ACC_PUBLIC, "valueAndGradient", "([D[D[D[D)D", null, null),
                gradientParts, 4, PART_OF_GRADIENT);
        if (longest[0] > largestMethod || valueSize > LARGEST_METHOD || gradientSize > LARGEST_METHOD) {
            return null;
        }
        return finish(cw, constants);
    }

    /** A public method {@code name()} of the kernel returning {@code count}, for tests that ask how it was split. */
    private static void writeCount(ClassWriter cw, String name, int count) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, name, "()I", null, null);
        mv.visitCode();
        KernelMethod.push(mv, count);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * An entry point of a split kernel: calls its parts, each with the entry point's arguments (locals 0 to
     * {@code arguments}), then returns the output from the value buffer (local {@code arguments}, the last but one
     * argument of the gradient). Returns the code size.
     */
    private static int writeCalls(Tape t, MethodVisitor mv, List<String> parts, int arguments, String descriptor) {
        mv.visitCode();
        for (String part : parts) {
            for (int local = 0; local <= arguments; local++) {
                mv.visitVarInsn(ALOAD, local);
            }
            mv.visitMethodInsn(INVOKESPECIAL, NAME, part, descriptor, false);
        }
        mv.visitVarInsn(ALOAD, arguments == 2 ? 2 : 3);
        mv.visitLdcInsn(t.outputs[0]);
        mv.visitInsn(DALOAD);
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitInsn(DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return end.getOffset();
    }

    /** A class writer with the kernel class begun: its header and its constructor. */
    private static ClassWriter header() {
        return header(NAME, TapeKernel.class);
    }

    /** A class writer with a generated class {@code name} begun, implementing {@code kernel}, and its constructor. */
    static ClassWriter header(String name, Class<?> kernel) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object",
                new String[] {Type.getInternalName(kernel)});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        return cw;
    }

    /** The class file, or null if a method is longer than {@code largestMethod}. */
    private static byte[] write(Tape t, Map<Integer, FusedSum> sums, BitSet whole, KernelConstants constants,
                                int largestMethod, int[] sizes) {
        ClassWriter cw = header();
        ConstantAdjoints known = ConstantAdjoints.of(t);
        int valueSize = new KernelMethod(t, cw.visitMethod(ACC_PUBLIC, "value", "([D[D)D", null, null), NAME,
                constants, sums, whole, known, false).writeValue();
        int gradientSize = new KernelMethod(t, cw.visitMethod(ACC_PUBLIC, "valueAndGradient", "([D[D[D[D)D",
                null, null), NAME, constants, sums, whole, known, true).writeValueAndGradient();
        new KernelMethod(t, cw.visitMethod(ACC_PRIVATE | ACC_STATIC, KernelMethod.CLEAR, KernelMethod.CLEAR_DESCRIPTOR,
                null, null), NAME, constants, sums, whole, known, true).writeClear();
        sizes[0] = valueSize;
        sizes[1] = gradientSize;
        if (valueSize > largestMethod || gradientSize > largestMethod) {
            return null;
        }
        return finish(cw, constants);
    }

    /** Ends the class: the static fields of its constants, set from the class data when the class is initialized. */
    private static byte[] finish(ClassWriter cw, KernelConstants constants) {
        writeClassData(cw, NAME, constants.values());
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * The static final fields of a generated class's constants ({@link KernelConstants}) and the class initializer
     * that fills them from the hidden class's class data.
     */
    static void writeClassData(ClassWriter cw, String owner, List<Object> values) {
        if (!values.isEmpty()) {
            MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.visitCode();
            clinit.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                    "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
            clinit.visitLdcInsn("_");
            clinit.visitLdcInsn(Type.getType(Object[].class));
            clinit.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
                    false);
            clinit.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
            clinit.visitVarInsn(ASTORE, 0);
            for (int k = 0; k < values.size(); k++) {
                Object value = values.get(k);
                cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "c" + k, KernelConstants.descriptor(value), null,
                        null).visitEnd();
                clinit.visitVarInsn(ALOAD, 0);
                clinit.visitIntInsn(SIPUSH, k);
                clinit.visitInsn(AALOAD);
                clinit.visitTypeInsn(CHECKCAST, KernelConstants.internalName(value));
                clinit.visitFieldInsn(PUTSTATIC, owner, "c" + k, KernelConstants.descriptor(value));
            }
            clinit.visitInsn(RETURN);
            clinit.visitMaxs(0, 0);
            clinit.visitEnd();
        }
    }

    /** Defines the class as a hidden class of this package, its constants as class data, and makes one instance. */
    static <T> T define(byte[] bytes, List<Object> constants, Class<T> type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(bytes, constants.toArray(), true);
            return type.cast(lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not load the generated kernel", e);
        }
    }
}
