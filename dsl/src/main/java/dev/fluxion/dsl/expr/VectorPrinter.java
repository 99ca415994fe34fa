package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.Power;
import dev.fluxion.dsl.function.Unary;
import java.util.stream.Collectors;

/**
 * Prints vector expressions for people to read: element-wise operations as for scalars, data as
 * {@code data[n]} and {@code matrix[r x c]}, products as {@code matrix[1000x20]·w}, slices as {@code x[1:5]}.
 * Expressions that hold data do not print in a form the formula parser reads back.
 */
final class VectorPrinter {
    private VectorPrinter() {
    }

    static String print(VectorExpr e) {
        if (e instanceof VectorVariable v) {
            return v.name();
        }
        if (e instanceof VectorConstant c) {
            return c.toString();
        }
        if (e instanceof Broadcast b) {
            return b.scalar().toString();
        }
        if (e instanceof VectorMap m) {
            if (m.function() == Unary.NEG) {
                return "-(" + print(m.argument()) + ")";
            }
            if (m.function() instanceof Power p) {
                return "(" + print(m.argument()) + ")^" + TextPrinter.number(p.exponent());
            }
            return m.function().symbol() + "(" + print(m.argument()) + ")";
        }
        if (e instanceof VectorZip z) {
            String symbol = z.function().symbol();
            if (Character.isLetter(symbol.charAt(0))) {
                return symbol + "(" + print(z.left()) + ", " + print(z.right()) + ")";
            }
            return "(" + print(z.left()) + " " + symbol + " " + print(z.right()) + ")";
        }
        if (e instanceof MatrixProduct p) {
            return p.matrix() + "·" + print(p.vector());
        }
        if (e instanceof Slice s) {
            return print(s.vector()) + "[" + s.from() + ":" + s.to() + "]";
        }
        return ((Stack) e).elements().stream().map(Expr::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
