package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.Polygamma;
import dev.fluxion.dsl.function.PowerOf;
import dev.fluxion.dsl.function.Unary;
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
        StringBuilder out = new StringBuilder();
        write(e, out);
        return out.toString();
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

    private static void wrapped(Expr e, boolean parenthesize, StringBuilder out) {
        if (parenthesize) {
            out.append("\\left(");
            write(e, out);
            out.append("\\right)");
        } else {
            write(e, out);
        }
    }

    private static void write(Expr e, StringBuilder out) {
        if (e instanceof Constant c) {
            out.append(number(c.value()));
        } else if (e instanceof Variable v) {
            out.append(v.name().length() == 1 ? v.name() : "\\mathit{" + v.name().replace("_", "\\_") + "}");
        } else if (e instanceof UnaryCall u) {
            writeUnary(u, out);
        } else if (e instanceof Reduction r) {
            out.append("\\operatorname{").append(r.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append("}\\left(\\mathtt{").append(VectorPrinter.print(r.argument()).replace("_", "\\_"))
                    .append("}\\right)");
        } else {
            writeBinary((BinaryCall) e, out);
        }
    }

    private static void writeUnary(UnaryCall u, StringBuilder out) {
        Expr a = u.argument();
        if (u.function() == Unary.NEG) {
            out.append('-');
            wrapped(a, precedence(a) <= TextPrinter.PREFIX, out);
        } else if (u.function() instanceof PowerOf p) {
            if (p.exponent() == 0.5) {
                out.append("\\sqrt{");
                write(a, out);
                out.append('}');
                return;
            }
            out.append('{');
            wrapped(a, TextPrinter.precedence(a) <= TextPrinter.POWER, out);
            out.append("}^{").append(number(p.exponent())).append('}');
        } else if (u.function() == Unary.SQRT) {
            out.append("\\sqrt{");
            write(a, out);
            out.append('}');
        } else if (u.function() == Unary.ABS) {
            out.append("\\left|");
            write(a, out);
            out.append("\\right|");
        } else if (u.function() instanceof Polygamma g) {
            out.append("\\psi");
            if (g.order() > 0) {
                out.append("^{(").append(g.order()).append(")}");
            }
            out.append("\\left(");
            write(a, out);
            out.append("\\right)");
        } else {
            out.append(command(u.function().symbol())).append("\\left(");
            write(a, out);
            out.append("\\right)");
        }
    }

    private static void writeBinary(BinaryCall b, StringBuilder out) {
        Expr left = b.left();
        Expr right = b.right();
        if (b.function() == Binary.DIV) {
            out.append("\\frac{");
            write(left, out);
            out.append("}{");
            write(right, out);
            out.append('}');
            return;
        }
        if (b.function() == Binary.POW) {
            out.append('{');
            wrapped(left, TextPrinter.precedence(left) <= TextPrinter.POWER, out);
            out.append("}^{");
            write(right, out);
            out.append('}');
            return;
        }
        int p = TextPrinter.precedence(b);
        if (p == TextPrinter.ATOM) {
            if (b.function() == Binary.LOG_BASE) {
                out.append("\\log_{");
                write(right, out);
                out.append("}\\left(");
                write(left, out);
                out.append("\\right)");
                return;
            }
            out.append(command(b.function().symbol())).append("\\left(");
            write(left, out);
            out.append(", ");
            write(right, out);
            out.append("\\right)");
            return;
        }
        wrapped(left, precedence(left) < p, out);
        out.append(b.function() == Binary.MUL ? " \\cdot " : " " + b.function().symbol() + " ");
        wrapped(right, precedence(right) <= p || precedence(right) == TextPrinter.PREFIX, out);
    }
}
