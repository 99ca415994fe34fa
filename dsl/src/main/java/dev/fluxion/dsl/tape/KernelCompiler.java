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
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;
import static org.objectweb.asm.Opcodes.V17;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Compiles a tape to JVM bytecode: a hidden class (one per tape, unloaded with it) implementing
 * {@link TapeKernel}, written with ASM by {@link KernelMethod}.
 *
 * <p>A tape is compiled when every node of its gradient schedule is scalar arithmetic, a unary or binary
 * function, a sum over an element-wise vector expression ({@link FusedSum}), or a matrix-vector product whose
 * argument is a vector variable, a constant vector, another product or an element-wise vector expression (kept
 * whole in an array, written by a loop of its own), and when each generated method
 * stays within {@link #LARGEST_METHOD} bytes of bytecode. Otherwise {@link #compile} returns null and the
 * interpreter ({@link Sweeps}) evaluates the tape. The limit is HotSpot's: it does not JIT-compile a method longer
 * than 8000 bytes ({@code -XX:+DontCompileHugeMethods}), and straight-line code the JVM interprets would be slower
 * than the tape interpreter, which is compiled.
 */
final class KernelCompiler {
    /** The longest method the kernel may have, in bytes of bytecode: HotSpot's {@code HugeMethodLimit}. */
    static final int LARGEST_METHOD = 8000;
    /** Tapes with more computed nodes than this are not tried: each node takes at least 4 bytes. */
    private static final int LARGEST_SCHEDULE = LARGEST_METHOD / 4;
    private static final String NAME = "dev/fluxion/dsl/tape/GeneratedKernel";

    private KernelCompiler() {
    }

    /** The tape's kernel, or null when the tape is left to the interpreter. */
    static TapeKernel compile(Tape t) {
        return compile(t, new int[2]);
    }

    /**
     * The bytes of bytecode of the kernel's {@code value} and {@code valueAndGradient}, or null when the tape is left
     * to the interpreter: for the tests that keep the kernels of small landscapes within HotSpot's inlining limit
     * (325 bytes, {@code FreqInlineSize}), where an optimizer's step can take them in.
     */
    static int[] methodSizes(Tape t) {
        int[] sizes = new int[2];
        if (compile(t, sizes) == null) {
            return null;
        }
        // KernelMethod measures up to the final return, one byte
        return new int[] {sizes[0] + 1, sizes[1] + 1};
    }

    private static TapeKernel compile(Tape t, int[] sizes) {
        if (t.outputs.length != 1 || t.gradientOrder.length > LARGEST_SCHEDULE) {
            return null;
        }
        BitSet whole = wholeVectors(t);
        Map<Integer, FusedSum> sums = fusedSums(t, whole);
        if (sums == null) {
            return null;
        }
        byte[] bytes;
        KernelConstants constants = new KernelConstants();
        try {
            bytes = write(t, sums, whole, constants, sizes);
        } catch (MethodTooLargeException | ClassTooLargeException | IllegalStateException tooLargeOrUnordered) {
            // IllegalStateException: a loop would read a scalar computed after its sum (see KernelMethod)
            return null;
        }
        if (bytes == null) {
            return null;
        }
        return define(bytes, constants.values());
    }

    /** Whether a kernel of the tape keeps vectors whole, and so needs the interpreter's buffers at each call. */
    static boolean keepsVectorsWhole(Tape t) {
        return !wholeVectors(t).isEmpty();
    }

    /**
     * The vectors a kernel keeps whole, in the interpreter's buffers: every matrix product, and its argument unless
     * that is a vector variable or constant (read where it is).
     */
    private static BitSet wholeVectors(Tape t) {
        BitSet whole = new BitSet();
        for (int i : t.gradientOrder) {
            if (t.op[i] == Tape.MATRIX_PRODUCT) {
                whole.set(i);
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
                case Tape.ADD, Tape.SUB, Tape.MUL, Tape.DIV, Tape.NEG, Tape.SQUARE, Tape.UNARY, Tape.BINARY -> {
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
     * The class file, or null if a method is longer than {@link #LARGEST_METHOD}; the sizes of value and
     * valueAndGradient into {@code sizes}.
     */
    private static byte[] write(Tape t, Map<Integer, FusedSum> sums, BitSet whole, KernelConstants constants,
                                int[] sizes) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object",
                new String[] {Type.getInternalName(TapeKernel.class)});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        ConstantAdjoints known = ConstantAdjoints.of(t);
        int valueSize = new KernelMethod(t, cw.visitMethod(ACC_PUBLIC, "value", "([D[D)D", null, null), NAME,
                constants, sums, whole, known, false).writeValue();
        int gradientSize = new KernelMethod(t, cw.visitMethod(ACC_PUBLIC, "valueAndGradient", "([D[D[D[D)D",
                null, null), NAME, constants, sums, whole, known, true).writeValueAndGradient();
        new KernelMethod(t, cw.visitMethod(ACC_PRIVATE | ACC_STATIC, KernelMethod.CLEAR, KernelMethod.CLEAR_DESCRIPTOR,
                null, null), NAME, constants, sums, whole, known, true).writeClear();
        sizes[0] = valueSize;
        sizes[1] = gradientSize;
        if (valueSize > LARGEST_METHOD || gradientSize > LARGEST_METHOD) {
            return null;
        }

        List<Object> values = constants.values();
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
                clinit.visitFieldInsn(PUTSTATIC, NAME, "c" + k, KernelConstants.descriptor(value));
            }
            clinit.visitInsn(RETURN);
            clinit.visitMaxs(0, 0);
            clinit.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Defines the class as a hidden class of this package, its constants as class data, and makes one instance. */
    private static TapeKernel define(byte[] bytes, List<Object> constants) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(bytes, constants.toArray(), true);
            return (TapeKernel) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not load the generated kernel", e);
        }
    }
}
