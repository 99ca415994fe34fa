package dev.fluxion.dsl.expr;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Visits every distinct node of an expression once, scalar and vector nodes alike, children before parents.
 * A node shared by reference is visited once.
 */
final class NodeWalk {
    private NodeWalk() {
    }

    static void visit(Object root, Consumer<Object> visitor) {
        walk(root, visitor, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Object e, Consumer<Object> visitor, Set<Object> seen) {
        if (!seen.add(e)) {
            return;
        }
        for (Object child : children(e)) {
            walk(child, visitor, seen);
        }
        visitor.accept(e);
    }

    private static List<?> children(Object e) {
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
