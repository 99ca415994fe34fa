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
        return e.accept(TEXT);
    }

    /** The text of each kind of node: a scalar prints as {@link TextPrinter} prints it. */
    private static final NodeVisitor<String> TEXT = new NodeVisitor<>() {
        @Override
        public String variable(Variable v) {
            return v.toString();
        }

        @Override
        public String constant(Constant c) {
            return c.toString();
        }

        @Override
        public String unary(UnaryCall u) {
            return u.toString();
        }

        @Override
        public String binary(BinaryCall b) {
            return b.toString();
        }

        @Override
        public String reduction(Reduction r) {
            return r.toString();
        }

        @Override
        public String vectorVariable(VectorVariable v) {
            return v.name();
        }

        @Override
        public String vectorConstant(VectorConstant c) {
            return c.toString();
        }

        @Override
        public String broadcast(Broadcast b) {
            return b.scalar().toString();
        }

        @Override
        public String map(VectorMap m) {
            if (m.function() == Unary.NEG) {
                return "-(" + print(m.argument()) + ")";
            }
            if (m.function() instanceof Power p) {
                return "(" + print(m.argument()) + ")^" + TextPrinter.number(p.exponent());
            }
            return m.function().symbol() + "(" + print(m.argument()) + ")";
        }

        @Override
        public String zip(VectorZip z) {
            String symbol = z.function().symbol();
            if (Character.isLetter(symbol.charAt(0))) {
                return symbol + "(" + print(z.left()) + ", " + print(z.right()) + ")";
            }
            return "(" + print(z.left()) + " " + symbol + " " + print(z.right()) + ")";
        }

        @Override
        public String product(MatrixProduct p) {
            return p.matrix() + "·" + print(p.vector());
        }

        @Override
        public String slice(Slice s) {
            return print(s.vector()) + "[" + s.from() + ":" + s.to() + "]";
        }

        @Override
        public String stack(Stack s) {
            return s.elements().stream().map(Expr::toString).collect(Collectors.joining(", ", "[", "]"));
        }
    };
}
