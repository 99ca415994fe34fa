package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.DslException;

/**
 * A scalar expression repeated to fill a vector.
 *
 * @param scalar the repeated value
 * @param length the vector's length, at least 1
 */
public record Broadcast(Expr scalar, int length) implements VectorExpr {

    @Override
    public List<Node> children() {
        return List.of(scalar);
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.broadcast(this);
    }

    /** Checks the length. */
    public Broadcast {
        if (length < 1) {
            throw new DslException("a broadcast needs length >= 1, got " + length);
        }
    }

    @Override
    public String toString() {
        return VectorPrinter.print(this);
    }
}
