package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.Polygamma;
import dev.fluxion.dsl.function.Power;
import dev.fluxion.dsl.function.Unary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

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
        return expand(e, TEXT);
    }

    /**
     * The text of an expression, without recursion: the dialect turns one node into pieces, strings and the child
     * expressions to print in their place, which a stack then expands in turn. A left-leaning chain of 100,000
     * terms prints as a short formula does.
     */
    static String expand(Expr root, Dialect dialect) {
        StringBuilder text = new StringBuilder();
        ArrayDeque<Object> pending = new ArrayDeque<>();
        List<Object> pieces = new ArrayList<>();
        Pieces writer = new Pieces(dialect, pieces);
        pending.push(root);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next instanceof String piece) {
                text.append(piece);
                continue;
            }
            pieces.clear();
            ((Expr) next).accept(writer);
            for (int j = pieces.size() - 1; j >= 0; j--) {
                pending.push(pieces.get(j));
            }
        }
        return text.toString();
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
            return u.function() instanceof Power ? POWER : ATOM;
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

    private static void wrapped(Expr e, boolean parenthesize, List<Object> out) {
        if (parenthesize) {
            out.add("(");
            out.add(e);
            out.add(")");
        } else {
            out.add(e);
        }
    }

    /** How a printer writes each kind of scalar node: as text, or as pieces with its children in their places. */
    interface Dialect {
        String constant(double value);

        String variable(String name);

        void unary(UnaryCall u, List<Object> out);

        void binary(BinaryCall b, List<Object> out);

        String reduction(Reduction r);
    }

    /** The formula the parser reads back. */
    private static final Dialect TEXT = new Dialect() {
        @Override
        public String constant(double value) {
            return number(value);
        }

        @Override
        public String variable(String name) {
            return name;
        }

        @Override
        public void unary(UnaryCall u, List<Object> out) {
            writeUnary(u, out);
        }

        @Override
        public void binary(BinaryCall b, List<Object> out) {
            writeBinary(b, out);
        }

        @Override
        public String reduction(Reduction r) {
            String vector = VectorPrinter.print(r.argument());
            return switch (r.kind()) {
                case SUM -> "sum(" + vector + ")";
                case LOG_SUM_EXP -> "logSumExp(" + vector + ")";
                case ELEMENT -> "(" + vector + ")[" + r.index() + "]";
            };
        }
    };

    /** One node as pieces in a dialect: its text, and its children where their text goes (see {@link #expand}). */
    private record Pieces(Dialect dialect, List<Object> out) implements ScalarNodeVisitor<Void> {
        @Override
        public Void constant(Constant c) {
            out.add(dialect.constant(c.value()));
            return null;
        }

        @Override
        public Void variable(Variable v) {
            out.add(dialect.variable(v.name()));
            return null;
        }

        @Override
        public Void unary(UnaryCall u) {
            dialect.unary(u, out);
            return null;
        }

        @Override
        public Void binary(BinaryCall b) {
            dialect.binary(b, out);
            return null;
        }

        @Override
        public Void reduction(Reduction r) {
            out.add(dialect.reduction(r));
            return null;
        }
    }

    private static void writeUnary(UnaryCall u, List<Object> out) {
        Expr a = u.argument();
        if (u.function() == Unary.NEG) {
            out.add("-");
            wrapped(a, precedence(a) <= PREFIX || foldsIntoSign(a), out);
        } else if (u.function() instanceof Power p) {
            wrapped(a, precedence(a) <= POWER, out);
            out.add("^");
            out.add(number(p.exponent()));
        } else if (u.function() instanceof Polygamma g && g.order() >= 2) {
            out.add("polygamma(" + g.order() + ", ");
            out.add(a);
            out.add(")");
        } else {
            out.add(u.function().symbol() + "(");
            out.add(a);
            out.add(")");
        }
    }

    private static void writeBinary(BinaryCall b, List<Object> out) {
        int p = precedence(b);
        if (p == ATOM) {
            out.add(b.function().symbol() + "(");
            out.add(b.left());
            out.add(", ");
            out.add(b.right());
            out.add(")");
            return;
        }
        Expr left = b.left();
        Expr right = b.right();
        boolean leftParens = p == POWER ? precedence(left) <= POWER : precedence(left) < p;
        boolean rightParens = p == POWER ? precedence(right) < PREFIX : precedence(right) <= p
                || precedence(right) == PREFIX;
        wrapped(left, leftParens, out);
        out.add(p == SUM ? " " + b.function().symbol() + " " : b.function().symbol());
        wrapped(right, rightParens, out);
    }
}
