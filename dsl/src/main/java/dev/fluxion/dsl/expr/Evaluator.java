package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.number.DoubleReal;
import dev.fluxion.dsl.number.Real;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Walks an expression tree bottom-up on any {@link Real}. A sub-expression shared by reference (as symbolic
 * derivatives share their factors) is evaluated once per walk. Vector sub-expressions evaluate to lists of
 * numbers; the elements of a vector variable w are bound under the names w[0], w[1], ....
 */
final class Evaluator {
    /** Orders names so that the elements of a vector sort by index: w[2] before w[10]. */
    static final Comparator<String> NATURAL_ORDER = Comparator
            .comparing((String name) -> name.contains("[") ? name.substring(0, name.indexOf('[')) : name)
            .thenComparingInt(name -> name.contains("[")
                    ? Integer.parseInt(name.substring(name.indexOf('[') + 1, name.length() - 1)) : -1);

    private Evaluator() {
    }

    /** The state of one walk. */
    private static final class Walk<T extends Real<T>> {
        final Map<String, T> bindings;
        final T kind;
        final Map<Object, Object> seen = new IdentityHashMap<>();

        Walk(Map<String, T> bindings, T kind) {
            this.bindings = bindings;
            this.kind = kind;
        }

        T bound(String name) {
            T value = bindings.get(name);
            if (value == null) {
                SortedSet<String> names = new TreeSet<>(NATURAL_ORDER);
                names.addAll(bindings.keySet());
                throw new DslException("variable '" + name + "' is not bound; bound variables: " + names);
            }
            return value;
        }

        T constant(double c) {
            if (kind == null) {
                throw new DslException("cannot evaluate a constant on an unknown kind of number: bind at least one"
                        + " variable");
            }
            return kind.lift(c);
        }
    }

    static <T extends Real<T>> T evaluate(Expr root, Map<String, T> bindings) {
        T any = bindings.isEmpty() ? null : bindings.values().iterator().next();
        return scalar(root, new Walk<>(bindings, any));
    }

    static double valueAt(Expr root, Point point) {
        Map<String, DoubleReal> bindings = new HashMap<>();
        for (String name : variables(root)) {
            bindings.put(name, new DoubleReal(point.get(name)));
        }
        return scalar(root, new Walk<>(bindings, new DoubleReal(0))).value();
    }

    /** Evaluates every node below {@code root} once, children first, without recursion (see {@link NodeWalk}). */
    @SuppressWarnings("unchecked")
    private static <T extends Real<T>> T scalar(Expr root, Walk<T> walk) {
        NodeWalk.postOrder(root, NodeWalk::children, walk.seen::containsKey, node -> walk.seen.put(node,
                node instanceof Expr e ? scalarNode(e, walk) : vectorNode((VectorExpr) node, walk)));
        return (T) walk.seen.get(root);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Real<T>> T done(Expr e, Walk<T> walk) {
        return (T) walk.seen.get(e);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Real<T>> List<T> done(VectorExpr e, Walk<T> walk) {
        return (List<T>) walk.seen.get(e);
    }

    /** One scalar node, from the values of its children. */
    private static <T extends Real<T>> T scalarNode(Expr e, Walk<T> walk) {
        if (e instanceof Constant c) {
            return walk.constant(c.value());
        }
        if (e instanceof Variable v) {
            return walk.bound(v.name());
        }
        if (e instanceof UnaryCall u) {
            return done(u.argument(), walk).apply(u.function());
        }
        if (e instanceof BinaryCall b) {
            return Arithmetic.apply(b.function(), done(b.left(), walk), done(b.right(), walk));
        }
        Reduction r = (Reduction) e;
        List<T> elements = done(r.argument(), walk);
        return switch (r.kind()) {
            case SUM -> sum(elements);
            case ELEMENT -> elements.get(r.index());
            case LOG_SUM_EXP -> logSumExp(elements);
        };
    }

    private static <T extends Real<T>> T sum(List<T> elements) {
        T total = elements.get(0);
        for (int j = 1; j < elements.size(); j++) {
            total = total.plus(elements.get(j));
        }
        return total;
    }

    /** m + log sum e^(v_j - m) with m the largest primal value, so nothing overflows. */
    private static <T extends Real<T>> T logSumExp(List<T> elements) {
        double max = Double.NEGATIVE_INFINITY;
        for (T element : elements) {
            max = Math.max(max, element.value());
        }
        if (Double.isInfinite(max)) {
            return elements.get(0).lift(max);
        }
        T total = null;
        for (T element : elements) {
            T term = element.minus(max).exp();
            total = total == null ? term : total.plus(term);
        }
        return total.log().plus(max);
    }

    /** One vector node, from the values of its children. */
    private static <T extends Real<T>> List<T> vectorNode(VectorExpr e, Walk<T> walk) {
        int n = e.length();
        List<T> result = new ArrayList<>(n);
        if (e instanceof VectorVariable v) {
            for (int j = 0; j < n; j++) {
                result.add(walk.bound(v.elementName(j)));
            }
        } else if (e instanceof VectorConstant c) {
            for (double value : c.values()) {
                result.add(walk.constant(value));
            }
        } else if (e instanceof Broadcast b) {
            T value = done(b.scalar(), walk);
            for (int j = 0; j < n; j++) {
                result.add(value);
            }
        } else if (e instanceof VectorMap m) {
            for (T element : done(m.argument(), walk)) {
                result.add(m.function() == Unary.NEG ? element.unaryMinus() : element.apply(m.function()));
            }
        } else if (e instanceof VectorZip z) {
            List<T> a = done(z.left(), walk);
            List<T> b = done(z.right(), walk);
            for (int j = 0; j < n; j++) {
                result.add(Arithmetic.apply(z.function(), a.get(j), b.get(j)));
            }
        } else if (e instanceof MatrixProduct p) {
            List<T> v = done(p.vector(), walk);
            for (int i = 0; i < n; i++) {
                T total = v.get(0).times(p.matrix().get(i, 0));
                for (int j = 1; j < v.size(); j++) {
                    total = total.plus(v.get(j).times(p.matrix().get(i, j)));
                }
                result.add(total);
            }
        } else if (e instanceof Slice s) {
            result.addAll(done(s.vector(), walk).subList(s.from(), s.to()));
        } else {
            for (Expr element : ((Stack) e).elements()) {
                result.add(done(element, walk));
            }
        }
        return result;
    }

    /** The variable names, vector elements as name[i], in natural order. */
    static SortedSet<String> variables(Expr root) {
        SortedSet<String> names = new TreeSet<>(NATURAL_ORDER);
        NodeWalk.visit(root, node -> {
            if (node instanceof Variable v) {
                names.add(v.name());
            } else if (node instanceof VectorVariable v) {
                for (int j = 0; j < v.length(); j++) {
                    names.add(v.elementName(j));
                }
            }
        });
        return names;
    }
}
