package dev.fluxion.dsl.expr;

import java.util.List;

/**
 * A node of an expression: a scalar {@link Expr} or a {@link VectorExpr}.
 *
 * <p>The node kinds form one closed family. Every walk over expressions (evaluation, the checked evaluation,
 * differentiation, printing, compiling to a tape) is a {@link NodeVisitor}, which has one method per kind, so a new
 * kind of node does not compile until every walk handles it.
 */
public sealed interface Node permits Expr, VectorExpr {

    /** The nodes this one is computed from, in order: its arguments, or a stack's elements; none for a leaf. */
    List<Node> children();

    /** Calls the visitor's method for this node's kind. */
    <R> R accept(NodeVisitor<R> visitor);
}
