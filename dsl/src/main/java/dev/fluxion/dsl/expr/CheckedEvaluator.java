package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.number.Dual;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates value and gradient in one bottom-up walk, every node carrying its value and one tangent per
 * variable, and notes the first node whose value or tangent is not finite while its children's all are.
 *
 * <p>A node's tangent for a variable it does not depend on is 0 exactly, not computed: dual arithmetic would
 * give infinity * 0 = NaN there (d/dy of sqrt(x) at x = 0), a false alarm that would also spoil the parents.
 */
final class CheckedEvaluator {
    private final Point point;
    private final List<String> variables;
    private final Map<Expr, Node> seen = new IdentityHashMap<>();
    private NonFinite first;

    private record Node(double value, double[] tangents, BitSet dependsOn, boolean finite) {
        Dual dual(int i) {
            return new Dual(value, tangents[i]);
        }
    }

    private CheckedEvaluator(Point point, List<String> variables) {
        this.point = point;
        this.variables = variables;
    }

    static CheckedEvaluation evaluate(Expr root, Point point, List<String> variables) {
        Derivatives.checkBound(root, point, variables);
        CheckedEvaluator evaluator = new CheckedEvaluator(point, variables);
        // Children before parents, without recursion; a reduction is one node of the walk, not entered.
        NodeWalk.postOrder(root, node -> node instanceof Reduction ? List.of() : NodeWalk.children(node),
                evaluator.seen::containsKey, node -> evaluator.seen.put((Expr) node, evaluator.node((Expr) node)));
        Node node = evaluator.seen.get(root);
        return new CheckedEvaluation(node.value, node.tangents, variables, point, Optional.ofNullable(evaluator.first));
    }

    /** One node, from its children's (already in {@code seen}), noting it if it is the first non-finite one. */
    private Node node(Expr e) {
        int n = variables.size();
        double[] tangents = new double[n];
        BitSet dependsOn = new BitSet(n);
        double value;
        boolean childrenFinite = true;
        if (e instanceof Constant c) {
            value = c.value();
        } else if (e instanceof Variable v) {
            value = point.get(v.name());
            int index = variables.indexOf(v.name());
            if (index >= 0) {
                dependsOn.set(index);
                tangents[index] = 1;
            }
        } else if (e instanceof UnaryCall u) {
            Node argument = seen.get(u.argument());
            childrenFinite = argument.finite;
            dependsOn.or(argument.dependsOn);
            value = Dual.constant(argument.value).apply(u.function()).value();
            for (int i = dependsOn.nextSetBit(0); i >= 0; i = dependsOn.nextSetBit(i + 1)) {
                tangents[i] = argument.dual(i).apply(u.function()).tangent();
            }
        } else if (e instanceof Reduction r) {
            // A reduction over a vector is checked as one node: its value and gradient by the tree walk.
            value = r.valueAt(point);
            java.util.SortedSet<String> own = r.variables();
            for (int i = 0; i < n; i++) {
                if (own.contains(variables.get(i))) {
                    dependsOn.set(i);
                    tangents[i] = Derivatives.gradient(r, point, List.of(variables.get(i)))[0];
                }
            }
        } else {
            BinaryCall b = (BinaryCall) e;
            Node left = seen.get(b.left());
            Node right = seen.get(b.right());
            childrenFinite = left.finite && right.finite;
            dependsOn.or(left.dependsOn);
            dependsOn.or(right.dependsOn);
            value = Arithmetic.apply(b.function(), Dual.constant(left.value), Dual.constant(right.value)).value();
            for (int i = dependsOn.nextSetBit(0); i >= 0; i = dependsOn.nextSetBit(i + 1)) {
                tangents[i] = Arithmetic.apply(b.function(), left.dual(i), right.dual(i)).tangent();
            }
        }
        boolean finite = Double.isFinite(value);
        if (!finite && childrenFinite && first == null) {
            first = new NonFinite(e, Optional.empty(), value, value, point);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(tangents[i])) {
                if (finite && childrenFinite && first == null) {
                    first = new NonFinite(e, Optional.of(variables.get(i)), tangents[i], value, point);
                }
                finite = false;
            }
        }
        return new Node(value, tangents, dependsOn, finite);
    }
}
