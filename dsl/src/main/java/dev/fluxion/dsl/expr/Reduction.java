package dev.fluxion.dsl.expr;

import java.util.List;

/**
 * A scalar computed from a vector: the sum of its elements, its log-sum-exp, or one element.
 *
 * @param kind     which reduction
 * @param argument the vector
 * @param index    the element for {@link Kind#ELEMENT}, otherwise -1
 */
public record Reduction(Kind kind, VectorExpr argument, int index) implements Expr {

    @Override
    public List<Node> children() {
        return List.of(argument);
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.reduction(this);
    }

    /** The reductions. */
    public enum Kind {
        /** sum_i v_i; its gradient is the vector of ones. */
        SUM,
        /** log sum_i e^(v_i), shifted by the largest element; its gradient is softmax(v). */
        LOG_SUM_EXP,
        /** v_index; its gradient is the unit vector e_index. */
        ELEMENT
    }

    @Override
    public String toString() {
        return TextPrinter.print(this);
    }
}
