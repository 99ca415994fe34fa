package dev.fluxion.dsl.expr;

import java.util.List;

import dev.fluxion.dsl.function.BinaryFunction;

/**
 * A two-argument function or arithmetic operator applied to two expressions. Build it through the arithmetic
 * of {@link Expr} or {@link Expr#apply(BinaryFunction, Expr)}, which simplify; this constructor does not.
 *
 * @param function the function or operator
 * @param left     its first argument
 * @param right    its second argument
 */
public record BinaryCall(BinaryFunction function, Expr left, Expr right) implements Expr {

    @Override
    public List<Node> children() {
        return List.of(left, right);
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.binary(this);
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
