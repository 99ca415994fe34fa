package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;

/**
 * A two-argument function or operator applied element by element to two vectors of the same length.
 *
 * @param function the function or operator
 * @param left     the first vector
 * @param right    the second vector, of the same length
 */
public record VectorZip(BinaryFunction function, VectorExpr left, VectorExpr right) implements VectorExpr {

    @Override
    public List<Node> children() {
        return List.of(left, right);
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.zip(this);
    }

    /** Checks that the lengths agree, naming the operation and both lengths if not. */
    public VectorZip {
        if (left.length() != right.length()) {
            throw new DslException("element-wise '" + function.symbol() + "' needs vectors of equal length, got "
                    + left.length() + " and " + right.length());
        }
    }

    /** f element-wise, dropping multiplication by a broadcast 1 and addition of a broadcast 0. */
    static VectorExpr of(BinaryFunction f, VectorExpr a, VectorExpr b) {
        if ((f == Binary.MUL || f == Binary.DIV) && isBroadcast(b, 1)) {
            return checked(f, a, b);
        }
        if (f == Binary.MUL && isBroadcast(a, 1)) {
            return checked(f, b, a);
        }
        if ((f == Binary.ADD || f == Binary.SUB) && isBroadcast(b, 0)) {
            return checked(f, a, b);
        }
        if (f == Binary.ADD && isBroadcast(a, 0)) {
            return checked(f, b, a);
        }
        return new VectorZip(f, a, b);
    }

    private static VectorExpr checked(BinaryFunction f, VectorExpr kept, VectorExpr identity) {
        if (kept.length() != identity.length()) {
            return new VectorZip(f, kept, identity);
        }
        return kept;
    }

    private static boolean isBroadcast(VectorExpr v, double c) {
        return v instanceof Broadcast b && b.scalar() instanceof Constant k && k.value() == c;
    }

    @Override
    public int length() {
        return left.length();
    }

    @Override
    public String toString() {
        return VectorPrinter.print(this);
    }
}
