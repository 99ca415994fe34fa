package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.Polygamma;
import dev.fluxion.dsl.function.PowerOf;
import dev.fluxion.dsl.function.Unary;

/**
 * Prints an expression as a formula that {@link FormulaParser} reads back to the same tree.
 *
 * <p>Parentheses appear only where precedence or grouping needs them; the right operand of a left-associative
 * operator keeps its parentheses ({@code a - (b - c)}, {@code a + (b + c)}) so that the tree, and so the
 * floating-point result, is preserved exactly. Integral constants print without a decimal point ({@code 6*x}),
 * others in Java's shortest round-trip form. A negated constant keeps its parentheses ({@code -(2)}), since
 * {@code -2} is read as a constant.
 */
final class TextPrinter {
    static final int SUM = 1;
    static final int PRODUCT = 2;
    static final int PREFIX = 3;
    static final int POWER = 4;
    static final int ATOM = 5;

    private TextPrinter() {
    }

    static String print(Expr e) {
        StringBuilder out = new StringBuilder();
        write(e, out);
        return out.toString();
    }

    /** The binding strength of the expression's outermost operator. */
    static int precedence(Expr e) {
        if (e instanceof Constant c) {
            return isNegative(c.value()) ? PREFIX : ATOM;
        }
        if (e instanceof UnaryCall u) {
            if (u.function() == Unary.NEG) {
                return PREFIX;
            }
            return u.function() instanceof PowerOf ? POWER : ATOM;
        }
        if (e instanceof BinaryCall b && b.function() instanceof Binary op) {
            switch (op) {
                case ADD:
                case SUB:
                    return SUM;
                case MUL:
                case DIV:
                    return PRODUCT;
                case POW:
                    return POWER;
                default:
                    return ATOM;
            }
        }
        return ATOM;
    }

    private static boolean isNegative(double v) {
        return v < 0 || (v == 0 && 1 / v < 0);
    }

    /**
     * Whether a minus sign written right before e's text would make the parser fold the two into one negative
     * constant: e is a constant printed as digits or as {@code inf}. The negation -(2) then keeps its
     * parentheses, so that it reads back as a negation and not as the constant -2.
     */
    private static boolean foldsIntoSign(Expr e) {
        if (!(e instanceof Constant c)) {
            return false;
        }
        String text = number(c.value());
        return Character.isDigit(text.charAt(0)) || text.equals("inf");
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.PI) {
            return "pi";
        }
        if (v == Math.E) {
            return "e";
        }
        if (v == 0 && 1 / v < 0) {
            return "-0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static void wrapped(Expr e, boolean parenthesize, StringBuilder out) {
        if (parenthesize) {
            out.append('(');
            write(e, out);
            out.append(')');
        } else {
            write(e, out);
        }
    }

    private static void write(Expr e, StringBuilder out) {
        if (e instanceof Constant c) {
            out.append(number(c.value()));
        } else if (e instanceof Variable v) {
            out.append(v.name());
        } else if (e instanceof UnaryCall u) {
            writeUnary(u, out);
        } else if (e instanceof Reduction r) {
            String vector = VectorPrinter.print(r.argument());
            switch (r.kind()) {
                case SUM -> out.append("sum(").append(vector).append(')');
                case LOG_SUM_EXP -> out.append("logSumExp(").append(vector).append(')');
                case ELEMENT -> out.append('(').append(vector).append(")[").append(r.index()).append(']');
            }
        } else {
            writeBinary((BinaryCall) e, out);
        }
    }

    private static void writeUnary(UnaryCall u, StringBuilder out) {
        Expr a = u.argument();
        if (u.function() == Unary.NEG) {
            out.append('-');
            wrapped(a, precedence(a) <= PREFIX || foldsIntoSign(a), out);
        } else if (u.function() instanceof PowerOf p) {
            wrapped(a, precedence(a) <= POWER, out);
            out.append('^');
            out.append(number(p.exponent()));
        } else if (u.function() instanceof Polygamma g && g.order() >= 2) {
            out.append("polygamma(").append(g.order()).append(", ");
            write(a, out);
            out.append(')');
        } else {
            out.append(u.function().symbol()).append('(');
            write(a, out);
            out.append(')');
        }
    }

    private static void writeBinary(BinaryCall b, StringBuilder out) {
        int p = precedence(b);
        if (p == ATOM) {
            out.append(b.function().symbol()).append('(');
            write(b.left(), out);
            out.append(", ");
            write(b.right(), out);
            out.append(')');
            return;
        }
        Expr left = b.left();
        Expr right = b.right();
        boolean leftParens = p == POWER ? precedence(left) <= POWER : precedence(left) < p;
        boolean rightParens = p == POWER ? precedence(right) < PREFIX : precedence(right) <= p
                || precedence(right) == PREFIX;
        wrapped(left, leftParens, out);
        out.append(p == SUM ? " " + b.function().symbol() + " " : b.function().symbol());
        wrapped(right, rightParens, out);
    }
}
