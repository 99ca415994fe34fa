package dev.fluxion.dsl.expr;

import java.util.IdentityHashMap;
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
        return derive(root, variable, new IdentityHashMap<>());
    }

    private static Expr derive(Expr e, String variable, Map<Expr, Expr> seen) {
        Expr cached = seen.get(e);
        if (cached != null) {
            return cached;
        }
        Expr result;
        if (e instanceof Constant) {
            result = ZERO;
        } else if (e instanceof Variable v) {
            result = v.name().equals(variable) ? ONE : ZERO;
        } else if (e instanceof UnaryCall u) {
            Expr inner = derive(u.argument(), variable, seen);
            result = isZero(inner) ? ZERO : u.function().derivative(u.argument()).times(inner);
        } else if (e instanceof Reduction r) {
            if (!Evaluator.variables(r).contains(variable)) {
                result = ZERO;
            } else {
                throw new dev.fluxion.dsl.DslException("the symbolic derivative of the vector expression " + r
                        + " is not available; compile it (expr.compile(...)) for its gradient and Hessian, or use"
                        + " gradientAt / hessianAt");
            }
        } else {
            BinaryCall b = (BinaryCall) e;
            Expr dLeft = derive(b.left(), variable, seen);
            Expr dRight = derive(b.right(), variable, seen);
            Expr first = isZero(dLeft) ? ZERO : b.function().partialFirst(b.left(), b.right()).times(dLeft);
            Expr second = isZero(dRight) ? ZERO : b.function().partialSecond(b.left(), b.right()).times(dRight);
            result = first.plus(second);
        }
        seen.put(e, result);
        return result;
    }

    private static boolean isZero(Expr e) {
        return e instanceof Constant c && c.value() == 0;
    }
}
