package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import java.util.List;

/**
 * A vector built from scalar expressions, one per element.
 *
 * @param elements the scalar elements, at least one
 */
public record Stack(List<Expr> elements) implements VectorExpr {

    @Override
    public List<Node> children() {
        return java.util.Collections.unmodifiableList(elements);
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.stack(this);
    }

    /** Checks that there is at least one element. */
    public Stack {
        if (elements.isEmpty()) {
            throw new DslException("a vector needs at least one element");
        }
        elements = List.copyOf(elements);
    }

    @Override
    public int length() {
        return elements.size();
    }

    @Override
    public String toString() {
        return VectorPrinter.print(this);
    }
}
