package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.function.Kinks;
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

    /** One walk: the bindings, the kind of number, and each node's value (a T, or a List of T for a vector). */
    private static final class Walk<T extends Real<T>> implements NodeVisitor<Object> {
        final Map<String, T> bindings;
        final T kind;
        final Kinks kinks;
        final Map<Node, Object> seen = new IdentityHashMap<>();

        Walk(Map<String, T> bindings, T kind, Kinks kinks) {
            this.bindings = bindings;
            this.kind = kind;
            this.kinks = kinks;
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

        T lifted(double c) {
            if (kind == null) {
                throw new DslException("cannot evaluate a constant on an unknown kind of number: bind at least one"
                        + " variable");
            }
            return kind.lift(c);
        }

        @SuppressWarnings("unchecked")
        T done(Expr e) {
            return (T) seen.get(e);
        }

        @SuppressWarnings("unchecked")
        List<T> done(VectorExpr e) {
            return (List<T>) seen.get(e);
        }

        @Override
        public T variable(Variable v) {
            return bound(v.name());
        }

        @Override
        public T constant(Constant c) {
            return lifted(c.value());
        }

        @Override
        public T unary(UnaryCall u) {
            return done(u.argument()).apply(kinks.bind(u.function()));
        }

        @Override
        public T binary(BinaryCall b) {
            return Arithmetic.apply(kinks.bind(b.function()), done(b.left()), done(b.right()));
        }

        @Override
        public T reduction(Reduction r) {
            List<T> elements = done(r.argument());
            return switch (r.kind()) {
                case SUM -> sum(elements);
                case ELEMENT -> elements.get(r.index());
                case LOG_SUM_EXP -> logSumExp(elements);
            };
        }

        @Override
        public List<T> vectorVariable(VectorVariable v) {
            List<T> result = new ArrayList<>(v.length());
            for (int j = 0; j < v.length(); j++) {
                result.add(bound(v.elementName(j)));
            }
            return result;
        }

        @Override
        public List<T> vectorConstant(VectorConstant c) {
            List<T> result = new ArrayList<>(c.length());
            for (double value : c.values()) {
                result.add(lifted(value));
            }
            return result;
        }

        @Override
        public List<T> map(VectorMap m) {
            List<T> result = new ArrayList<>(m.length());
            for (T element : done(m.argument())) {
                result.add(m.function() == Unary.NEG ? element.unaryMinus() : element.apply(kinks.bind(m.function())));
            }
            return result;
        }

        @Override
        public List<T> zip(VectorZip z) {
            List<T> a = done(z.left());
            List<T> b = done(z.right());
            List<T> result = new ArrayList<>(z.length());
            for (int j = 0; j < z.length(); j++) {
                result.add(Arithmetic.apply(kinks.bind(z.function()), a.get(j), b.get(j)));
            }
            return result;
        }

        @Override
        public List<T> broadcast(Broadcast b) {
            return java.util.Collections.nCopies(b.length(), done(b.scalar()));
        }

        @Override
        public List<T> product(MatrixProduct p) {
            List<T> v = done(p.vector());
            List<T> result = new ArrayList<>(p.length());
            for (int i = 0; i < p.length(); i++) {
                T total = v.get(0).times(p.matrix().get(i, 0));
                for (int j = 1; j < v.size(); j++) {
                    total = total.plus(v.get(j).times(p.matrix().get(i, j)));
                }
                result.add(total);
            }
            return result;
        }

        @Override
        public List<T> slice(Slice s) {
            return done(s.vector()).subList(s.from(), s.to());
        }

        @Override
        public List<T> stack(Stack s) {
            List<T> result = new ArrayList<>(s.length());
            for (Expr element : s.elements()) {
                result.add(done(element));
            }
            return result;
        }
    }

    /** Evaluates with every function {@link Kinks#bind bound} to the convention (unchanged under the standard one). */
    static <T extends Real<T>> T evaluate(Expr root, Map<String, T> bindings, Kinks kinks) {
        T any = bindings.isEmpty() ? null : bindings.values().iterator().next();
        return scalar(root, new Walk<>(bindings, any, kinks));
    }

    static double valueAt(Expr root, Point point, Kinks kinks) {
        Map<String, DoubleReal> bindings = new HashMap<>();
        for (String name : variables(root)) {
            bindings.put(name, new DoubleReal(point.get(name)));
        }
        return scalar(root, new Walk<>(bindings, new DoubleReal(0), kinks)).value();
    }

    /** Evaluates every node below {@code root} once, children first, without recursion (see {@link NodeWalk}). */
    @SuppressWarnings("unchecked")
    private static <T extends Real<T>> T scalar(Expr root, Walk<T> walk) {
        return (T) NodeWalk.compute(root, walk.seen, walk);
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
