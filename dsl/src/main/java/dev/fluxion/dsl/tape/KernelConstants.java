package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.UnaryFunction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a generated kernel refers to (function objects, constant vectors, matrices), each held in a static final
 * field of the kernel's class. The fields are filled from the hidden class's class data when the class is
 * initialized; being static and final, they are constants to the JIT, which can then inline a call such as
 * {@code Unary.SIN.value(x)} as if it were written in the source.
 */
final class KernelConstants {
    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> index = new IdentityHashMap<>();
    private final Map<Integer, double[]> vectors = new java.util.HashMap<>();
    private final Map<Matrix, double[]> matrixEntries = new IdentityHashMap<>();

    /** The name of the field holding the value, adding it on first use. */
    String field(Object value) {
        return "c" + index.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }

    /** The name of the field holding the elements of constant vector node i, one array per node. */
    String vector(Tape t, int node) {
        double[] data = vectors.computeIfAbsent(node,
                i -> java.util.Arrays.copyOfRange(t.constants, t.offset[i], t.offset[i] + t.length[i]));
        return field(data);
    }

    /** The name of the field holding a matrix's entries, row-major, one array per matrix. */
    String entries(Matrix matrix) {
        double[] data = matrixEntries.computeIfAbsent(matrix, m -> {
            double[] rowMajor = new double[m.rows() * m.columns()];
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.columns(); c++) {
                    rowMajor[r * m.columns() + c] = m.get(r, c);
                }
            }
            return rowMajor;
        });
        return field(data);
    }

    /** The values in field order: the class data. */
    List<Object> values() {
        return List.copyOf(values);
    }

    /** The JVM type descriptor of a field holding the value. */
    static String descriptor(Object value) {
        if (value instanceof UnaryFunction) {
            return "Ldev/fluxion/dsl/function/UnaryFunction;";
        }
        if (value instanceof BinaryFunction) {
            return "Ldev/fluxion/dsl/function/BinaryFunction;";
        }
        if (value instanceof double[]) {
            return "[D";
        }
        if (value instanceof Matrix) {
            return "Ldev/fluxion/dsl/expr/Matrix;";
        }
        throw new IllegalArgumentException("no kernel field for " + value.getClass());
    }

    /** The internal name of the type to cast the class-data element to. */
    static String internalName(Object value) {
        String d = descriptor(value);
        return d.startsWith("L") ? d.substring(1, d.length() - 1) : d;
    }
}
