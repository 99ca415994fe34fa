package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.DslException;

/**
 * A constant vector of data. Two data vectors are the same node only if they are the same object.
 *
 * @param values the entries; do not modify after building
 */
public record VectorConstant(double[] values) implements VectorExpr {

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.vectorConstant(this);
    }

    /** Checks the length. */
    public VectorConstant {
        if (values.length == 0) {
            throw new DslException("a constant vector needs at least one entry");
        }
    }

    @Override
    public int length() {
        return values.length;
    }


    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "data[" + values.length + "]";
    }
}
