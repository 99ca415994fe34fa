package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.number.DoubleReal;
import dev.fluxion.dsl.number.Real;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Walks an expression tree bottom-up on any {@link Real}. A sub-expression shared by reference (as symbolic
 * derivatives share their factors) is evaluated once per walk.
 */
final class Evaluator {
    private Evaluator() {
    }

    static <T extends Real<T>> T evaluate(Expr root, Map<String, T> bindings) {
        T any = bindings.isEmpty() ? null : bindings.values().iterator().next();
        return walk(root, bindings, any, new IdentityHashMap<>());
    }

    static double valueAt(Expr root, Point point) {
        Map<String, DoubleReal> bindings = new java.util.HashMap<>();
        for (String name : variables(root)) {
            bindings.put(name, new DoubleReal(point.get(name)));
        }
        return walk(root, bindings, new DoubleReal(0), new IdentityHashMap<>()).value();
    }

    private static <T extends Real<T>> T walk(Expr e, Map<String, T> bindings, T kind, Map<Expr, T> seen) {
        T cached = seen.get(e);
        if (cached != null) {
            return cached;
        }
        T result;
        if (e instanceof Constant c) {
            if (kind == null) {
                throw new DslException("cannot evaluate " + e + " on an unknown kind of number: bind at least one"
                        + " variable");
            }
            result = kind.lift(c.value());
        } else if (e instanceof Variable v) {
            result = bindings.get(v.name());
            if (result == null) {
                throw new DslException("variable '" + v.name() + "' is not bound; bound variables: "
                        + new TreeSet<>(bindings.keySet()));
            }
        } else if (e instanceof UnaryCall u) {
            result = walk(u.argument(), bindings, kind, seen).apply(u.function());
        } else {
            BinaryCall b = (BinaryCall) e;
            T left = walk(b.left(), bindings, kind, seen);
            T right = walk(b.right(), bindings, kind, seen);
            result = Arithmetic.apply(b.function(), left, right);
        }
        seen.put(e, result);
        return result;
    }

    static SortedSet<String> variables(Expr root) {
        SortedSet<String> names = new TreeSet<>();
        collect(root, names, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return names;
    }

    private static void collect(Expr e, SortedSet<String> names, java.util.Set<Expr> seen) {
        if (!seen.add(e)) {
            return;
        }
        if (e instanceof Variable v) {
            names.add(v.name());
        } else if (e instanceof UnaryCall u) {
            collect(u.argument(), names, seen);
        } else if (e instanceof BinaryCall b) {
            collect(b.left(), names, seen);
            collect(b.right(), names, seen);
        }
    }
}
