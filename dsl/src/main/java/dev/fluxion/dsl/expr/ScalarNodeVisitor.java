package dev.fluxion.dsl.expr;

/**
 * A walk over scalar nodes only, which treats a {@link Reduction} as one node and does not enter the vector below it
 * (the checked evaluation, the symbolic derivative). Meeting a vector node is a bug in the walk, not in the input.
 *
 * @param <R> what the walk produces per node
 */
interface ScalarNodeVisitor<R> extends NodeVisitor<R> {

    private R notEntered(VectorExpr v) {
        throw new IllegalStateException("a walk of scalar nodes reached the vector " + v
                + "; it must treat the reduction above it as one node");
    }

    @Override
    default R vectorVariable(VectorVariable v) {
        return notEntered(v);
    }

    @Override
    default R vectorConstant(VectorConstant c) {
        return notEntered(c);
    }

    @Override
    default R map(VectorMap m) {
        return notEntered(m);
    }

    @Override
    default R zip(VectorZip z) {
        return notEntered(z);
    }

    @Override
    default R broadcast(Broadcast b) {
        return notEntered(b);
    }

    @Override
    default R product(MatrixProduct p) {
        return notEntered(p);
    }

    @Override
    default R slice(Slice s) {
        return notEntered(s);
    }

    @Override
    default R stack(Stack s) {
        return notEntered(s);
    }

    /** Children first, a reduction as one node: calls this walk once per distinct scalar node of {@code root}. */
    default R walk(Expr root, java.util.Map<Node, R> results) {
        NodeWalk.postOrder(root, node -> node instanceof Reduction ? java.util.List.of() : node.children(),
                results::containsKey, node -> results.put(node, node.accept(this)));
        return results.get(root);
    }
}
