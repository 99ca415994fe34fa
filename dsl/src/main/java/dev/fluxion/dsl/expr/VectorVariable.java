package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.DslException;

/**
 * A vector of variables of fixed length. Compiled, it takes {@code length} consecutive slots of the input;
 * evaluated on numbers, its elements are bound under the names {@code name[0]}, {@code name[1]}, ....
 *
 * @param name   the vector's name
 * @param length its length, at least 1
 */
public record VectorVariable(String name, int length) implements VectorExpr {

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.vectorVariable(this);
    }

    /** Checks the name and length. */
    public VectorVariable {
        new Variable(name);
        if (length < 1) {
            throw new DslException("vector variable '" + name + "' needs length >= 1, got " + length);
        }
    }

    /** The binding name of element i, {@code name[i]}. */
    public String elementName(int i) {
        return name + "[" + i + "]";
    }

    @Override
    public String toString() {
        return name;
    }
}
