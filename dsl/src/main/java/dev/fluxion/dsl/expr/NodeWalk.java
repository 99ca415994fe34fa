package dev.fluxion.dsl.expr;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Visits the distinct nodes of an expression once each, scalar and vector nodes alike, children before parents and
 * left before right: the order in which a recursive walk would finish them. A node shared by reference is visited
 * once.
 *
 * <p>The walk keeps its own stack, so its depth is not bounded by the thread's: a left-leaning chain such as
 * {@code x + x + ... + x} of 100,000 terms is as deep as it is long. Every walk over whole expressions (evaluation,
 * differentiation, the checked evaluation, printing, compiling to a tape) goes through here or keeps a stack of its
 * own, so that no walk recurses once per node.
 */
public final class NodeWalk {
    private NodeWalk() {
    }

    /** Visits every distinct node of {@code root} once, children before parents. */
    public static void visit(Node root, Consumer<Node> visitor) {
        postOrder(root, Node::children, node -> false, visitor);
    }

    /**
     * Visits the distinct nodes reachable from {@code root} through {@code children}, children before parents. A
     * node for which {@code known} holds when it is reached is neither visited nor entered: a walk that caches its
     * results passes its cache here, and the visitor's own results count as known from then on.
     *
     * @param root     the expression
     * @param children the nodes a node is computed from, in order ({@link Node#children()}, or fewer where a walk
     *                 treats a node as a whole)
     * @param known    the nodes already done, which the walk skips with everything below them
     * @param visitor  called once per node, after all its children
     */
    public static void postOrder(Node root, Function<Node, List<? extends Node>> children, Predicate<Node> known,
                                 Consumer<Node> visitor) {
        Set<Node> entered = Collections.newSetFromMap(new IdentityHashMap<>());
        // A node is pushed once to be entered (its children pushed above it) and once more, under them, to be
        // visited after them; the marker says which.
        ArrayDeque<Object> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Object top = stack.pop();
            if (top instanceof Finished finished) {
                visitor.accept(finished.node());
                continue;
            }
            Node node = (Node) top;
            if (known.test(node) || !entered.add(node)) {
                continue;
            }
            stack.push(new Finished(node));
            List<? extends Node> below = children.apply(node);
            for (int j = below.size() - 1; j >= 0; j--) {
                stack.push(below.get(j));
            }
        }
    }

    /**
     * Computes one result per distinct node of {@code root}, children first, with {@code visitor}, whose methods
     * read their children's results from {@code results}; returns the root's.
     */
    public static <R> R compute(Node root, Map<Node, R> results, NodeVisitor<R> visitor) {
        postOrder(root, Node::children, results::containsKey, node -> results.put(node, node.accept(visitor)));
        return results.get(root);
    }

    /** A node whose children are all done, to be visited when it comes off the stack. */
    private record Finished(Node node) {
    }
}
