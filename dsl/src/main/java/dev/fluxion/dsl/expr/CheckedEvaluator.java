package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.Kinks;
import dev.fluxion.dsl.function.UnaryFunction;
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
final class CheckedEvaluator implements ScalarNodeVisitor<CheckedEvaluator.Checked> {
    private final Point point;
    private final List<String> variables;
    /** The convention every function is bound to. */
    private final Kinks kinks;
    private final Map<Node, Checked> seen = new IdentityHashMap<>();
    private NonFinite first;

    /** A node's value, its tangents, the variables it depends on, and whether all of them are finite. */
    record Checked(double value, double[] tangents, BitSet dependsOn, boolean finite) {
        Dual dual(int i) {
            return new Dual(value, tangents[i]);
        }
    }

    private CheckedEvaluator(Point point, List<String> variables, Kinks kinks) {
        this.point = point;
        this.variables = variables;
        this.kinks = kinks;
    }

    static CheckedEvaluation evaluate(Expr root, Point point, List<String> variables, Kinks kinks) {
        Derivatives.checkBound(root, point, variables);
        CheckedEvaluator evaluator = new CheckedEvaluator(point, variables, kinks);
        Checked node = evaluator.walk(root, evaluator.seen);
        return new CheckedEvaluation(node.value, node.tangents, variables, point, Optional.ofNullable(evaluator.first));
    }

    @Override
    public Checked constant(Constant c) {
        return finish(c, c.value(), new double[variables.size()], new BitSet(), true);
    }

    @Override
    public Checked variable(Variable v) {
        double[] tangents = new double[variables.size()];
        BitSet dependsOn = new BitSet();
        int index = variables.indexOf(v.name());
        if (index >= 0) {
            dependsOn.set(index);
            tangents[index] = 1;
        }
        return finish(v, point.get(v.name()), tangents, dependsOn, true);
    }

    @Override
    public Checked unary(UnaryCall u) {
        Checked argument = seen.get(u.argument());
        double[] tangents = new double[variables.size()];
        BitSet dependsOn = (BitSet) argument.dependsOn.clone();
        UnaryFunction f = kinks.bind(u.function());
        double value = Dual.constant(argument.value).apply(f).value();
        for (int i = dependsOn.nextSetBit(0); i >= 0; i = dependsOn.nextSetBit(i + 1)) {
            tangents[i] = argument.dual(i).apply(f).tangent();
        }
        return finish(u, value, tangents, dependsOn, argument.finite);
    }

    @Override
    public Checked binary(BinaryCall b) {
        Checked left = seen.get(b.left());
        Checked right = seen.get(b.right());
        double[] tangents = new double[variables.size()];
        BitSet dependsOn = (BitSet) left.dependsOn.clone();
        dependsOn.or(right.dependsOn);
        BinaryFunction f = kinks.bind(b.function());
        double value = Arithmetic.apply(f, Dual.constant(left.value), Dual.constant(right.value)).value();
        for (int i = dependsOn.nextSetBit(0); i >= 0; i = dependsOn.nextSetBit(i + 1)) {
            tangents[i] = Arithmetic.apply(f, left.dual(i), right.dual(i)).tangent();
        }
        return finish(b, value, tangents, dependsOn, left.finite && right.finite);
    }

    /** A reduction over a vector is checked as one node: its value and gradient by the tree walk. */
    @Override
    public Checked reduction(Reduction r) {
        int n = variables.size();
        double[] tangents = new double[n];
        BitSet dependsOn = new BitSet(n);
        java.util.SortedSet<String> own = r.variables();
        for (int i = 0; i < n; i++) {
            if (own.contains(variables.get(i))) {
                dependsOn.set(i);
                tangents[i] = Derivatives.gradient(r, point, List.of(variables.get(i)), kinks)[0];
            }
        }
        return finish(r, r.valueAt(point, kinks), tangents, dependsOn, true);
    }

    /** The node's result, noting it if it is the first non-finite one while its children are all finite. */
    private Checked finish(Expr e, double value, double[] tangents, BitSet dependsOn, boolean childrenFinite) {
        boolean finite = Double.isFinite(value);
        if (!finite && childrenFinite && first == null) {
            first = new NonFinite(e, Optional.empty(), value, value, point);
        }
        for (int i = 0; i < tangents.length; i++) {
            if (!Double.isFinite(tangents[i])) {
                if (finite && childrenFinite && first == null) {
                    first = new NonFinite(e, Optional.of(variables.get(i)), tangents[i], value, point);
                }
                finite = false;
            }
        }
        return new Checked(value, tangents, dependsOn, finite);
    }
}
