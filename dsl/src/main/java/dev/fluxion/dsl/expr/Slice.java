package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.DslException;

/**
 * The elements of a vector from {@code from} (inclusive) to {@code to} (exclusive).
 *
 * @param vector the vector
 * @param from   the first index kept, 0-based
 * @param to     one past the last index kept
 */
public record Slice(VectorExpr vector, int from, int to) implements VectorExpr {

    @Override
    public List<Node> children() {
        return List.of(vector);
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.slice(this);
    }

    /** Checks the bounds. */
    public Slice {
        if (from < 0 || to > vector.length() || from >= to) {
            throw new DslException("slice [" + from + ", " + to + ") is not a non-empty range inside a vector of"
                    + " length " + vector.length());
        }
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public String toString() {
        return VectorPrinter.print(this);
    }
}
