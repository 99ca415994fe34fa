package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.BinaryCall;
import dev.fluxion.dsl.expr.Broadcast;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.MatrixProduct;
import dev.fluxion.dsl.expr.Reduction;
import dev.fluxion.dsl.expr.Slice;
import dev.fluxion.dsl.expr.Stack;
import dev.fluxion.dsl.expr.UnaryCall;
import dev.fluxion.dsl.expr.Variable;
import dev.fluxion.dsl.expr.VectorMap;
import dev.fluxion.dsl.expr.VectorVariable;
import dev.fluxion.dsl.expr.VectorZip;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the variables of an expression as the compiler sees them: scalar variables by name and vector
 * variables by name with their lengths (a vector variable is one entry of the variable order).
 */
final class VectorVariables {
    private VectorVariables() {
    }

    /** Adds each vector variable's length to {@code lengths}, refusing two lengths for one name. */
    static void collect(Expr root, Map<String, Integer> lengths) {
        walk(root, lengths, new LinkedHashSet<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** The names of the scalar and vector variables, in order of first appearance. */
    static Set<String> scalarAndVectorNames(Expr root) {
        Set<String> names = new LinkedHashSet<>();
        walk(root, new java.util.HashMap<>(), names, Collections.newSetFromMap(new IdentityHashMap<>()));
        return names;
    }

    private static void walk(Object e, Map<String, Integer> lengths, Set<String> names, Set<Object> seen) {
        if (!seen.add(e)) {
            return;
        }
        if (e instanceof Variable v) {
            names.add(v.name());
        } else if (e instanceof VectorVariable v) {
            names.add(v.name());
            Integer previous = lengths.put(v.name(), v.length());
            if (previous != null && previous != v.length()) {
                throw new DslException("vector variable '" + v.name() + "' appears with lengths " + previous + " and "
                        + v.length());
            }
        } else if (e instanceof UnaryCall u) {
            walk(u.argument(), lengths, names, seen);
        } else if (e instanceof BinaryCall b) {
            walk(b.left(), lengths, names, seen);
            walk(b.right(), lengths, names, seen);
        } else if (e instanceof Reduction r) {
            walk(r.argument(), lengths, names, seen);
        } else if (e instanceof VectorMap m) {
            walk(m.argument(), lengths, names, seen);
        } else if (e instanceof VectorZip z) {
            walk(z.left(), lengths, names, seen);
            walk(z.right(), lengths, names, seen);
        } else if (e instanceof Broadcast b) {
            walk(b.scalar(), lengths, names, seen);
        } else if (e instanceof MatrixProduct p) {
            walk(p.vector(), lengths, names, seen);
        } else if (e instanceof Slice s) {
            walk(s.vector(), lengths, names, seen);
        } else if (e instanceof Stack s) {
            for (Expr element : s.elements()) {
                walk(element, lengths, names, seen);
            }
        }
    }
}
