package dev.fluxion.dsl.expr;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbolic derivative: the chain rule applied node by node, with each function's rule taken from its
 * table ({@code Unary}, {@code Binary}) evaluated on expressions. Construction simplifies as it goes, and a
 * sub-expression shared by reference is differentiated once.
 */
final class Differentiator {
    private static final Constant ZERO = new Constant(0);
    private static final Constant ONE = new Constant(1);

    private Differentiator() {
    }

    static Expr derivative(Expr root, String variable) {
        new Variable(variable);
        Map<Expr, Expr> seen = new IdentityHashMap<>();
        // Children before parents, without recursion; a reduction is differentiated as one node, not entered.
        NodeWalk.postOrder(root, node -> node instanceof Reduction ? List.of() : NodeWalk.children(node),
                node -> seen.containsKey(node), node -> seen.put((Expr) node, derive((Expr) node, variable, seen)));
        return seen.get(root);
    }

    /** The derivative of one node, from the derivatives of its children (already in {@code seen}). */
    private static Expr derive(Expr e, String variable, Map<Expr, Expr> seen) {
        if (e instanceof Constant) {
            return ZERO;
        }
        if (e instanceof Variable v) {
            return v.name().equals(variable) ? ONE : ZERO;
        }
        if (e instanceof UnaryCall u) {
            Expr inner = seen.get(u.argument());
            return isZero(inner) ? ZERO : u.function().derivative(u.argument()).times(inner);
        }
        if (e instanceof Reduction r) {
            if (!Evaluator.variables(r).contains(variable)) {
                return ZERO;
            }
            throw new dev.fluxion.dsl.DslException("the symbolic derivative of the vector expression " + r
                    + " is not available; compile it (expr.compile(...)) for its gradient and Hessian, or use"
                    + " gradientAt / hessianAt");
        }
        BinaryCall b = (BinaryCall) e;
        Expr dLeft = seen.get(b.left());
        Expr dRight = seen.get(b.right());
        Expr first = isZero(dLeft) ? ZERO : b.function().partialFirst(b.left(), b.right()).times(dLeft);
        Expr second = isZero(dRight) ? ZERO : b.function().partialSecond(b.left(), b.right()).times(dRight);
        return first.plus(second);
    }

    private static boolean isZero(Expr e) {
        return e instanceof Constant c && c.value() == 0;
    }
}
