package dev.fluxion.dsl.tape;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Variable;
import dev.fluxion.dsl.expr.VectorVariable;
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
        root.visitNodes(node -> {
            if (node instanceof VectorVariable v) {
                Integer previous = lengths.put(v.name(), v.length());
                if (previous != null && previous != v.length()) {
                    throw new DslException("vector variable '" + v.name() + "' appears with lengths " + previous
                            + " and " + v.length());
                }
            }
        });
    }

    /** The names of the scalar and vector variables, in order of first appearance. */
    static Set<String> scalarAndVectorNames(Expr root) {
        Set<String> names = new LinkedHashSet<>();
        root.visitNodes(node -> {
            if (node instanceof Variable v) {
                names.add(v.name());
            } else if (node instanceof VectorVariable v) {
                names.add(v.name());
            }
        });
        return names;
    }
}
