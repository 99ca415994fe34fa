package dev.fluxion.dsl.tape;

import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IAND;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * A scalar tape's Hessian and Hessian-vector product as generated code: compiled on first use (most expressions never
 * need a Hessian) to a hidden class implementing {@link HessianKernel}, written by {@link HessianMethod}, and shared
 * by every copy of a {@link CompiledExpression}.
 *
 * <p>The Hessian takes one tangent direction per colour of {@link HessianSparsity}: 3 for a tridiagonal Hessian,
 * n for a dense one. All the directions go into one method when it stays within
 * {@link KernelCompiler#LARGEST_METHOD} bytes (HotSpot does not JIT-compile longer methods); otherwise the colours
 * are split between several methods, each computing the values and adjoints again for its own directions. The
 * Hessian-vector product is one method with one direction. A part that does not fit even so is left to the
 * interpreter ({@link #hasColumns}, {@link #hasProduct}); so are tapes with vector nodes or several outputs, and
 * tapes with an infinite or NaN constant.
 */
final class GeneratedHessian {
    /** The hidden class's name (the JVM adds a suffix of its own). */
    private static final String NAME = "dev/fluxion/dsl/tape/GeneratedHessianKernel";
    private static final String COLUMNS_DESCRIPTOR = "([D[[D)Z";
    private static final String PRODUCT_DESCRIPTOR = "([D[D[D)D";
    /** Tapes with more nodes to differentiate than this are not tried: each takes several bytes per direction. */
    private static final int LARGEST_SCHEDULE = KernelCompiler.LARGEST_METHOD / 8;

    /**
     * The generated code, which of its two parts are generated (the others answer "use the interpreter"), and the
     * number of methods the Hessian's columns are split into.
     */
    private record Parts(HessianKernel kernel, boolean columns, boolean product, int columnMethods) {
    }

    private static final Parts NONE = new Parts(null, false, false, 0);

    private final Tape tape;
    /** Null until the first call that needs it. */
    private volatile Parts parts;

    GeneratedHessian(Tape tape) {
        this.tape = tape;
    }

    private Parts parts() {
        Parts p = parts;
        if (p == null) {
            synchronized (this) {
                p = parts;
                if (p == null) {
                    p = compile(tape);
                    parts = p;
                }
            }
        }
        return p;
    }

    /** The generated parts of the tape's Hessian; {@link #NONE} when the interpreter keeps all of it. */
    private static Parts compile(Tape t) {
        if (t.hasVectors || t.outputs.length != 1 || t.tangentOrder.length > LARGEST_SCHEDULE
                || !finiteConstants(t)) {
            return NONE;
        }
        ConstantAdjoints known = ConstantAdjoints.of(t);
        for (int i : t.reverseOrder) {
            if (known.isKnown(i) && !Double.isFinite(known.of(i))) {
                return NONE;
            }
        }
        HessianSparsity sparsity = HessianSparsity.of(t);
        List<int[]> chunks = chunks(t, known, sparsity, 0, sparsity.colours());
        KernelConstants constants = new KernelConstants();
        boolean product = fits(HessianMethod.writeProduct(t, probe(PRODUCT_DESCRIPTOR), NAME, new KernelConstants(),
                known));
        if (chunks == null && !product) {
            return NONE;
        }
        ClassWriter cw = KernelCompiler.header(NAME, HessianKernel.class);

        MethodVisitor hessian = cw.visitMethod(ACC_PUBLIC, "hessian", COLUMNS_DESCRIPTOR, null, null);
        hessian.visitCode();
        if (chunks == null) {
            hessian.visitInsn(ICONST_0);
        } else {
            // every part runs (&, not &&): each writes its own columns
            for (int k = 0; k < chunks.size(); k++) {
                int[] chunk = chunks.get(k);
                HessianMethod.writeColumns(t, cw.visitMethod(ACC_PRIVATE, "columns" + k, COLUMNS_DESCRIPTOR, null,
                        null), NAME, constants, known, sparsity, chunk[0], chunk[1]);
                hessian.visitVarInsn(ALOAD, 0);
                hessian.visitVarInsn(ALOAD, 1);
                hessian.visitVarInsn(ALOAD, 2);
                hessian.visitMethodInsn(org.objectweb.asm.Opcodes.INVOKEVIRTUAL, NAME, "columns" + k,
                        COLUMNS_DESCRIPTOR, false);
                if (k > 0) {
                    hessian.visitInsn(IAND);
                }
            }
        }
        hessian.visitInsn(IRETURN);
        hessian.visitMaxs(0, 0);
        hessian.visitEnd();

        MethodVisitor hvp = cw.visitMethod(ACC_PUBLIC, "hessianVectorProduct", PRODUCT_DESCRIPTOR, null, null);
        if (product) {
            HessianMethod.writeProduct(t, hvp, NAME, constants, known);
        } else {
            hvp.visitCode();
            hvp.visitLdcInsn(Double.NaN);
            hvp.visitInsn(DRETURN);
            hvp.visitMaxs(0, 0);
            hvp.visitEnd();
        }
        KernelCompiler.writeClassData(cw, NAME, constants.values());
        cw.visitEnd();
        HessianKernel kernel = KernelCompiler.define(cw.toByteArray(), constants.values(), HessianKernel.class);
        return new Parts(kernel, chunks != null, product, chunks == null ? 0 : chunks.size());
    }

    /**
     * The colours [from, to) split into ranges whose methods fit: the whole range if it does, else its halves, each
     * split the same way; null if a single colour does not fit.
     */
    private static List<int[]> chunks(Tape t, ConstantAdjoints known, HessianSparsity sparsity, int from, int to) {
        if (to <= from) {
            return new ArrayList<>();
        }
        int size = HessianMethod.writeColumns(t, probe(COLUMNS_DESCRIPTOR), NAME, new KernelConstants(), known,
                sparsity, from, to);
        if (fits(size)) {
            List<int[]> whole = new ArrayList<>();
            whole.add(new int[] {from, to});
            return whole;
        }
        if (to - from == 1) {
            return null;
        }
        int middle = (from + to) / 2;
        List<int[]> first = chunks(t, known, sparsity, from, middle);
        List<int[]> second = first == null ? null : chunks(t, known, sparsity, middle, to);
        if (second == null) {
            return null;
        }
        first.addAll(second);
        return first;
    }

    /** A method of a scratch class, written only to learn its size. */
    static MethodVisitor probe(String descriptor) {
        ClassWriter scratch = new ClassWriter(0);
        scratch.visit(V17, ACC_PUBLIC, NAME, null, "java/lang/Object", null);
        return scratch.visitMethod(ACC_PUBLIC, "probe", descriptor, null, null);
    }

    private static boolean fits(int size) {
        return size <= KernelCompiler.LARGEST_METHOD;
    }

    private static boolean finiteConstants(Tape t) {
        for (int i = 0; i < t.size; i++) {
            if (t.op[i] == Tape.CONSTANT && !Double.isFinite(t.constants[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the Hessian is generated code (compiling it now if not yet done). */
    boolean hasColumns() {
        return parts().columns();
    }

    /** The number of methods the generated Hessian's colours are split into; 0 when it is not generated. */
    int columnMethods() {
        return parts().columnMethods();
    }

    /** Whether the Hessian-vector product is generated code (compiling it now if not yet done). */
    boolean hasProduct() {
        return parts().product();
    }

    /**
     * The Hessian from the generated code: zeros, then the structurally nonzero entries; false (and the array
     * partly written) if the interpreter must compute it.
     */
    boolean hessian(double[] x, double[][] hessian) {
        Parts p = parts();
        if (!p.columns()) {
            return false;
        }
        int n = x.length;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(hessian[i], 0, n, 0.0);
        }
        return p.kernel().hessian(x, hessian);
    }

    /** H u from the generated code, returning f(x); NaN if the interpreter must compute them. */
    double hessianVectorProduct(double[] x, double[] u, double[] productOut) {
        Parts p = parts();
        return p.product() ? p.kernel().hessianVectorProduct(x, u, productOut) : Double.NaN;
    }
}
