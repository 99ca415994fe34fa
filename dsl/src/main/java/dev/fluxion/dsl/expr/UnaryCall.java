package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.function.UnaryFunction;

/**
 * A one-argument function applied to an expression. Build it through {@link Expr#apply(UnaryFunction)}, which
 * simplifies; this constructor does not.
 *
 * @param function the function
 * @param argument its argument
 */
public record UnaryCall(UnaryFunction function, Expr argument) implements Expr {

    @Override
    public List<Node> children() {
        return List.of(argument);
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.unary(this);
    }

    /** Structural equality: the same function applied to equal arguments, compared without recursion. */
    @Override
    public boolean equals(Object other) {
        return StructuralEquality.equal(this, other);
    }

    /** A hash code consistent with {@link #equals}, computed without recursion. */
    @Override
    public int hashCode() {
        return StructuralEquality.hash(this);
    }

    @Override
    public String toString() {
        return TextPrinter.print(this);
    }
}
