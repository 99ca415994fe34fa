package dev.fluxion.dsl.expr;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
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
    public static void visit(Object root, Consumer<Object> visitor) {
        postOrder(root, NodeWalk::children, node -> false, visitor);
    }

    /**
     * Visits the distinct nodes reachable from {@code root} through {@code children}, children before parents. A
     * node for which {@code known} holds when it is reached is neither visited nor entered: a walk that caches its
     * results passes its cache here, and the visitor's own results count as known from then on.
     *
     * @param root     an {@link Expr} or a {@link VectorExpr}
     * @param children the nodes a node is computed from, in order
     * @param known    the nodes already done, which the walk skips with everything below them
     * @param visitor  called once per node, after all its children
     */
    public static void postOrder(Object root, Function<Object, List<?>> children, Predicate<Object> known,
                                 Consumer<Object> visitor) {
        Set<Object> entered = Collections.newSetFromMap(new IdentityHashMap<>());
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
            if (known.test(top) || !entered.add(top)) {
                continue;
            }
            stack.push(new Finished(top));
            List<?> below = children.apply(top);
            for (int j = below.size() - 1; j >= 0; j--) {
                stack.push(below.get(j));
            }
        }
    }

    /** A node whose children are all done, to be visited when it comes off the stack. */
    private record Finished(Object node) {
    }

    /** The nodes a node is computed from, in order: its arguments, a stack's elements. */
    public static List<?> children(Object e) {
        if (e instanceof UnaryCall u) {
            return List.of(u.argument());
        }
        if (e instanceof BinaryCall b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Reduction r) {
            return List.of(r.argument());
        }
        if (e instanceof VectorMap m) {
            return List.of(m.argument());
        }
        if (e instanceof VectorZip z) {
            return List.of(z.left(), z.right());
        }
        if (e instanceof Broadcast b) {
            return List.of(b.scalar());
        }
        if (e instanceof MatrixProduct p) {
            return List.of(p.vector());
        }
        if (e instanceof Slice s) {
            return List.of(s.vector());
        }
        if (e instanceof Stack s) {
            return s.elements();
        }
        return List.of();
    }
}
