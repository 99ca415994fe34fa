package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.Polygamma;
import dev.fluxion.dsl.function.Power;
import dev.fluxion.dsl.function.Unary;
import java.util.List;
import java.util.Map;

/**
 * Prints an expression as LaTeX: fractions as {@code \frac}, products with {@code \cdot}, powers as
 * superscripts, square roots and absolute values in their usual notation, and named functions with
 * {@code \operatorname} where LaTeX has no command of its own.
 */
final class LatexPrinter {
    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("exp", "\\exp"), Map.entry("log", "\\ln"), Map.entry("sin", "\\sin"),
            Map.entry("cos", "\\cos"), Map.entry("tan", "\\tan"), Map.entry("asin", "\\arcsin"),
            Map.entry("acos", "\\arccos"), Map.entry("atan", "\\arctan"), Map.entry("sinh", "\\sinh"),
            Map.entry("cosh", "\\cosh"), Map.entry("tanh", "\\tanh"), Map.entry("max", "\\max"),
            Map.entry("min", "\\min"), Map.entry("logGamma", "\\ln\\Gamma"), Map.entry("digamma", "\\psi"));

    private LatexPrinter() {
    }

    static String print(Expr e) {
        return TextPrinter.expand(e, LATEX);
    }

    private static String number(double v) {
        if (v == Math.PI) {
            return "\\pi";
        }
        if (v == Math.E) {
            return "e";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\\infty" : "-\\infty";
        }
        String text = TextPrinter.number(v);
        int exponent = text.indexOf('E');
        return exponent < 0 ? text : text.substring(0, exponent) + " \\times 10^{" + text.substring(exponent + 1) + "}";
    }

    /**
     * The binding strength for sums, products and signs: a quotient prints as {@code \frac{..}{..}}, which groups
     * itself, so it needs no parentheses there ({@code 2 \cdot \frac{x}{y}}, {@code -\frac{x}{2}}). As the base of
     * a power it keeps them.
     */
    private static int precedence(Expr e) {
        return e instanceof BinaryCall b && b.function() == Binary.DIV ? TextPrinter.ATOM : TextPrinter.precedence(e);
    }

    private static String command(String symbol) {
        String known = COMMANDS.get(symbol);
        return known != null ? known : "\\operatorname{" + symbol + "}";
    }

    private static void wrapped(Expr e, boolean parenthesize, List<Object> out) {
        if (parenthesize) {
            out.add("\\left(");
            out.add(e);
            out.add("\\right)");
        } else {
            out.add(e);
        }
    }

    /** LaTeX: each node's LaTeX, and its children where theirs goes (see {@code TextPrinter.expand}). */
    private static final TextPrinter.Dialect LATEX = new TextPrinter.Dialect() {
        @Override
        public String constant(double value) {
            return number(value);
        }

        @Override
        public String variable(String name) {
            return name.length() == 1 ? name : "\\mathit{" + name.replace("_", "\\_") + "}";
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
            return "\\operatorname{" + r.kind().name().toLowerCase(java.util.Locale.ROOT) + "}\\left(\\mathtt{"
                    + VectorPrinter.print(r.argument()).replace("_", "\\_") + "}\\right)";
        }
    };

    private static void writeUnary(UnaryCall u, List<Object> out) {
        Expr a = u.argument();
        if (u.function() == Unary.NEG) {
            out.add("-");
            wrapped(a, precedence(a) <= TextPrinter.PREFIX, out);
        } else if (u.function() instanceof Power p) {
            if (p.exponent() == 0.5) {
                out.add("\\sqrt{");
                out.add(a);
                out.add("}");
                return;
            }
            out.add("{");
            wrapped(a, TextPrinter.precedence(a) <= TextPrinter.POWER, out);
            out.add("}^{" + number(p.exponent()) + "}");
        } else if (u.function() == Unary.SQRT) {
            out.add("\\sqrt{");
            out.add(a);
            out.add("}");
        } else if (u.function() == Unary.ABS) {
            out.add("\\left|");
            out.add(a);
            out.add("\\right|");
        } else if (u.function() instanceof Polygamma g) {
            out.add("\\psi");
            if (g.order() > 0) {
                out.add("^{(" + g.order() + ")}");
            }
            out.add("\\left(");
            out.add(a);
            out.add("\\right)");
        } else {
            out.add(command(u.function().symbol()) + "\\left(");
            out.add(a);
            out.add("\\right)");
        }
    }

    private static void writeBinary(BinaryCall b, List<Object> out) {
        Expr left = b.left();
        Expr right = b.right();
        if (b.function() == Binary.DIV) {
            out.add("\\frac{");
            out.add(left);
            out.add("}{");
            out.add(right);
            out.add("}");
            return;
        }
        if (b.function() == Binary.POW) {
            out.add("{");
            wrapped(left, TextPrinter.precedence(left) <= TextPrinter.POWER, out);
            out.add("}^{");
            out.add(right);
            out.add("}");
            return;
        }
        int p = TextPrinter.precedence(b);
        if (p == TextPrinter.ATOM) {
            if (b.function() == Binary.LOG_BASE) {
                out.add("\\log_{");
                out.add(right);
                out.add("}\\left(");
                out.add(left);
                out.add("\\right)");
                return;
            }
            out.add(command(b.function().symbol()) + "\\left(");
            out.add(left);
            out.add(", ");
            out.add(right);
            out.add("\\right)");
            return;
        }
        wrapped(left, precedence(left) < p, out);
        out.add(b.function() == Binary.MUL ? " \\cdot " : " " + b.function().symbol() + " ");
        wrapped(right, precedence(right) <= p || precedence(right) == TextPrinter.PREFIX, out);
    }
}
