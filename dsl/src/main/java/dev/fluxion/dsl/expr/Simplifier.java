package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.PowerOf;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * Builds expression nodes with local simplification, so that symbolic derivatives stay small.
 *
 * <p>The rules never change a value where the original is defined and finite: constant folding of arithmetic
 * (only when the result is finite), the identities of 0 and 1, double negation, constants gathered to the left
 * of a product ({@code 3*(2*x)} becomes {@code 6*x}), and powers of one base merged ({@code x*x} becomes
 * {@code x^2}, {@code x^2*x} becomes {@code x^3}). Functions of constants other than arithmetic are kept as
 * written ({@code log(2)} stays {@code log(2)}). A negative multiple joins a sum by its sign ({@code a + -2*u}
 * becomes {@code a - 2*u}). Multiplying by 0 gives 0 even where the other factor is not
 * finite, as computer algebra systems do.
 */
final class Simplifier {
    private Simplifier() {
    }

    static Expr apply(UnaryFunction f, Expr a) {
        if (f == Unary.NEG) {
            return negate(a);
        }
        if (f instanceof PowerOf power) {
            return power(a, power.exponent());
        }
        return new UnaryCall(f, a);
    }

    static Expr apply(BinaryFunction f, Expr a, Expr b) {
        if (f instanceof Binary known) {
            switch (known) {
                case ADD:
                    return add(a, b);
                case SUB:
                    return subtract(a, b);
                case MUL:
                    return multiply(a, b);
                case DIV:
                    return divide(a, b);
                case POW:
                    if (b instanceof Constant c) {
                        return power(a, c.value());
                    }
                    break;
                default:
                    break;
            }
        }
        return new BinaryCall(f, a, b);
    }

    private static boolean isConstant(Expr e, double c) {
        return e instanceof Constant k && k.value() == c;
    }

    /** Whether e is c*u with a constant c &lt; 0, so that a + c*u reads better as a - |c|*u (negation is exact). */
    private static boolean isNegativeMultiple(Expr e) {
        return e instanceof BinaryCall product && product.function() == Binary.MUL
                && product.left() instanceof Constant c && c.value() < 0;
    }

    private static Expr folded(double value, Expr otherwise) {
        return Double.isFinite(value) ? new Constant(value) : otherwise;
    }

    private static Expr negate(Expr a) {
        if (a instanceof Constant c) {
            return new Constant(-c.value());
        }
        if (a instanceof UnaryCall u && u.function() == Unary.NEG) {
            return u.argument();
        }
        if (a instanceof BinaryCall b && b.function() == Binary.MUL && b.left() instanceof Constant c) {
            return multiply(new Constant(-c.value()), b.right());
        }
        if (a instanceof BinaryCall b && b.function() == Binary.SUB) {
            return subtract(b.right(), b.left());
        }
        if (a instanceof BinaryCall q && q.function() == Binary.DIV && q.left() instanceof Constant c) {
            return divide(new Constant(-c.value()), q.right());
        }
        return new UnaryCall(Unary.NEG, a);
    }

    private static Expr add(Expr a, Expr b) {
        if (a instanceof Constant x && b instanceof Constant y) {
            return folded(x.value() + y.value(), new BinaryCall(Binary.ADD, a, b));
        }
        if (isConstant(a, 0)) {
            return b;
        }
        if (isConstant(b, 0)) {
            return a;
        }
        if (b instanceof UnaryCall u && u.function() == Unary.NEG) {
            return subtract(a, u.argument());
        }
        if (b instanceof Constant c && c.value() < 0) {
            return subtract(a, new Constant(-c.value()));
        }
        if (isNegativeMultiple(b)) {
            return subtract(a, negate(b));
        }
        if (a instanceof UnaryCall u && u.function() == Unary.NEG) {
            return subtract(b, u.argument());
        }
        if (a.equals(b)) {
            return multiply(new Constant(2), a);
        }
        return new BinaryCall(Binary.ADD, a, b);
    }

    private static Expr subtract(Expr a, Expr b) {
        if (a instanceof Constant x && b instanceof Constant y) {
            return folded(x.value() - y.value(), new BinaryCall(Binary.SUB, a, b));
        }
        if (isConstant(b, 0)) {
            return a;
        }
        if (isConstant(a, 0)) {
            return negate(b);
        }
        if (b instanceof UnaryCall u && u.function() == Unary.NEG) {
            return add(a, u.argument());
        }
        if (b instanceof Constant c && c.value() < 0) {
            return add(a, new Constant(-c.value()));
        }
        if (isNegativeMultiple(b)) {
            return add(a, negate(b));
        }
        if (a.equals(b)) {
            return new Constant(0);
        }
        return new BinaryCall(Binary.SUB, a, b);
    }

    private static Expr multiply(Expr a, Expr b) {
        if (a instanceof Constant x && b instanceof Constant y) {
            return folded(x.value() * y.value(), new BinaryCall(Binary.MUL, a, b));
        }
        if (isConstant(a, 0) || isConstant(b, 0)) {
            return new Constant(0);
        }
        if (isConstant(a, 1)) {
            return b;
        }
        if (isConstant(b, 1)) {
            return a;
        }
        if (isConstant(a, -1)) {
            return negate(b);
        }
        if (isConstant(b, -1)) {
            return negate(a);
        }
        if (b instanceof Constant) {
            return multiply(b, a);
        }
        if (a instanceof UnaryCall u && u.function() == Unary.NEG) {
            return negate(multiply(u.argument(), b));
        }
        if (b instanceof UnaryCall u && u.function() == Unary.NEG) {
            return negate(multiply(a, u.argument()));
        }
        if (a instanceof Constant c) {
            if (b instanceof BinaryCall product && product.function() == Binary.MUL
                    && product.left() instanceof Constant inner) {
                return multiply(new Constant(c.value() * inner.value()), product.right());
            }
            if (b instanceof BinaryCall quotient && quotient.function() == Binary.DIV
                    && quotient.left() instanceof Constant numerator) {
                return divide(new Constant(c.value() * numerator.value()), quotient.right());
            }
        }
        if (b instanceof BinaryCall product && product.function() == Binary.MUL
                && product.left() instanceof Constant inner) {
            return multiply(inner, multiply(a, product.right()));
        }
        if (a instanceof BinaryCall product && product.function() == Binary.MUL
                && product.left() instanceof Constant inner) {
            return multiply(inner, multiply(product.right(), b));
        }
        if (isReciprocal(a)) {
            return divide(b, ((BinaryCall) a).right());
        }
        if (isReciprocal(b)) {
            return divide(a, ((BinaryCall) b).right());
        }
        if (exponent(a) == -1) {
            return divide(b, base(a));
        }
        if (exponent(b) == -1) {
            return divide(a, base(b));
        }
        Expr baseA = base(a);
        if (baseA.equals(base(b))) {
            return power(baseA, exponent(a) + exponent(b));
        }
        return new BinaryCall(Binary.MUL, a, b);
    }

    private static Expr divide(Expr a, Expr b) {
        if (a instanceof Constant x && b instanceof Constant y) {
            return folded(x.value() / y.value(), new BinaryCall(Binary.DIV, a, b));
        }
        if (isConstant(b, 1)) {
            return a;
        }
        if (isConstant(b, -1)) {
            return negate(a);
        }
        if (isConstant(a, 0)) {
            return new Constant(0);
        }
        if (a instanceof UnaryCall u && u.function() == Unary.NEG) {
            return negate(divide(u.argument(), b));
        }
        if (b instanceof UnaryCall u && u.function() == Unary.NEG) {
            return negate(divide(a, u.argument()));
        }
        if (a.equals(b)) {
            return new Constant(1);
        }
        if (a instanceof BinaryCall product && product.function() == Binary.MUL
                && product.left() instanceof Constant c && b instanceof Constant d) {
            double ratio = c.value() / d.value();
            if (ratio * d.value() == c.value()) {
                return multiply(new Constant(ratio), product.right());
            }
        }
        return new BinaryCall(Binary.DIV, a, b);
    }

    private static Expr power(Expr a, double p) {
        if (p == 0) {
            return new Constant(1);
        }
        if (p == 1) {
            return a;
        }
        if (a instanceof Constant c && p == Math.rint(p)) {
            return folded(Math.pow(c.value(), p), new UnaryCall(PowerOf.of(p), a));
        }
        if (a instanceof UnaryCall inner && inner.function() instanceof PowerOf q && p == Math.rint(p)) {
            return power(inner.argument(), q.exponent() * p);
        }
        if (p == -1) {
            return divide(new Constant(1), a);
        }
        return new UnaryCall(PowerOf.of(p), a);
    }

    /** Whether e is 1/d. */
    private static boolean isReciprocal(Expr e) {
        return e instanceof BinaryCall q && q.function() == Binary.DIV && isConstant(q.left(), 1);
    }

    /** The base of a power x^p, or the expression itself. */
    private static Expr base(Expr e) {
        return e instanceof UnaryCall u && u.function() instanceof PowerOf ? u.argument() : e;
    }

    /** The exponent of a power x^p, or 1. */
    private static double exponent(Expr e) {
        return e instanceof UnaryCall u && u.function() instanceof PowerOf p ? p.exponent() : 1.0;
    }
}
