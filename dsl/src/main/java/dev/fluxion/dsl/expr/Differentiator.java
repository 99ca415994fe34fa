package dev.fluxion.dsl.expr;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The symbolic derivative: the chain rule applied node by node, with each function's rule taken from its
 * table ({@code Unary}, {@code Binary}) evaluated on expressions. Construction simplifies as it goes, and a
 * sub-expression shared by reference is differentiated once.
 */
final class Differentiator implements ScalarNodeVisitor<Expr> {
    private static final Constant ZERO = new Constant(0);
    private static final Constant ONE = new Constant(1);
    private final String variable;
    private final Map<Node, Expr> seen = new IdentityHashMap<>();

    private Differentiator(String variable) {
        this.variable = variable;
    }

    static Expr derivative(Expr root, String variable) {
        new Variable(variable);
        Differentiator differentiator = new Differentiator(variable);
        return differentiator.walk(root, differentiator.seen);
    }

    @Override
    public Expr constant(Constant c) {
        return ZERO;
    }

    @Override
    public Expr variable(Variable v) {
        return v.name().equals(variable) ? ONE : ZERO;
    }

    @Override
    public Expr unary(UnaryCall u) {
        Expr inner = seen.get(u.argument());
        return isZero(inner) ? ZERO : u.function().derivative(u.argument()).times(inner);
    }

    @Override
    public Expr binary(BinaryCall b) {
        Expr dLeft = seen.get(b.left());
        Expr dRight = seen.get(b.right());
        Expr first = isZero(dLeft) ? ZERO : b.function().partialFirst(b.left(), b.right()).times(dLeft);
        Expr second = isZero(dRight) ? ZERO : b.function().partialSecond(b.left(), b.right()).times(dRight);
        return first.plus(second);
    }

    @Override
    public Expr reduction(Reduction r) {
        if (!Evaluator.variables(r).contains(variable)) {
            return ZERO;
        }
        throw new dev.fluxion.dsl.DslException("the symbolic derivative of the vector expression " + r
                + " is not available; compile it (expr.compile(...)) for its gradient and Hessian, or use"
                + " gradientAt / hessianAt");
    }

    private static boolean isZero(Expr e) {
        return e instanceof Constant c && c.value() == 0;
    }
}
