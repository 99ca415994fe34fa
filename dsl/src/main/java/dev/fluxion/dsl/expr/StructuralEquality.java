package dev.fluxion.dsl.expr;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural equality and hash codes of expression trees, computed without recursion: what a record's generated
 * {@code equals} and {@code hashCode} compute for {@link UnaryCall} and {@link BinaryCall}, but with a stack of
 * their own, so that comparing or hashing a chain of 100,000 terms does not overflow the thread's stack. Two
 * trees are equal when they apply equal functions to equal arguments, down to equal leaves (constants compare as
 * {@link Double#compare} does, so NaN equals NaN and -0 differs from 0).
 */
final class StructuralEquality {
    private StructuralEquality() {
    }

    /** Whether {@code other} is an expression with the same tree as {@code e}. */
    static boolean equal(Expr e, Object other) {
        if (!(other instanceof Expr second)) {
            return false;
        }
        ArrayDeque<Expr> pending = new ArrayDeque<>();
        pending.push(e);
        pending.push(second);
        while (!pending.isEmpty()) {
            Expr b = pending.pop();
            Expr a = pending.pop();
            if (a == b) {
                continue;
            }
            if (a instanceof UnaryCall u && b instanceof UnaryCall v) {
                if (!u.function().equals(v.function())) {
                    return false;
                }
                pending.push(u.argument());
                pending.push(v.argument());
            } else if (a instanceof BinaryCall p && b instanceof BinaryCall q) {
                if (!p.function().equals(q.function())) {
                    return false;
                }
                pending.push(p.right());
                pending.push(q.right());
                pending.push(p.left());
                pending.push(q.left());
            } else if (isCall(a) || isCall(b) || !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    /** A hash code consistent with {@link #equal}: the function's combined with the arguments', bottom-up. */
    static int hash(Expr root) {
        Map<Node, Integer> hashes = new IdentityHashMap<>();
        NodeWalk.postOrder(root, node -> isCall(node) ? node.children() : List.of(), hashes::containsKey,
                node -> hashes.put(node, hashOfNode(node, hashes)));
        return hashes.get(root);
    }

    private static int hashOfNode(Node node, Map<Node, Integer> hashes) {
        if (node instanceof UnaryCall u) {
            return 31 * u.function().hashCode() + hashes.get(u.argument());
        }
        if (node instanceof BinaryCall b) {
            return (31 * b.function().hashCode() + hashes.get(b.left())) * 31 + hashes.get(b.right());
        }
        return node.hashCode();
    }

    private static boolean isCall(Object e) {
        return e instanceof UnaryCall || e instanceof BinaryCall;
    }
}
