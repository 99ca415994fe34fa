package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;

/**
 * A scalar expression repeated to fill a vector.
 *
 * @param scalar the repeated value
 * @param length the vector's length, at least 1
 */
public record Broadcast(Expr scalar, int length) implements VectorExpr {

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
