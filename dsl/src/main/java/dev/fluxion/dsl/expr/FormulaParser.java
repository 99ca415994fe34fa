package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.Polygamma;
import dev.fluxion.dsl.function.PowerOf;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.function.UnaryFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for formulas, with the usual precedence:
 *
 * <pre>
 *   sum     := product (('+' | '-') product)*
 *   product := prefix (('*' | '/') prefix)*
 *   prefix  := ('-' | '+') prefix | power
 *   power   := atom ('^' prefix)?            right-associative: 2^3^2 = 2^9; -x^2 = -(x^2); x^-1 allowed
 *   atom    := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 *
 * <p>Names are variables unless they are functions (followed by '(') or the constants {@code pi}, {@code e},
 * {@code inf}, {@code nan}. {@code **} is accepted for {@code ^}. The tree is kept as written (no
 * simplification), except that a minus sign written right before a number or {@code inf} makes a negative
 * constant ({@code -2}, {@code -inf}, but not {@code -(2)} or {@code -pi}) and a constant exponent makes a power
 * node. Errors name the 1-based column and what was expected there. Nesting (parentheses, function calls, signs,
 * exponents) is limited to {@value #MAX_NESTING} levels, so that a runaway formula is refused with its column
 * instead of overflowing the stack.
 */
final class FormulaParser {
    /** The deepest nesting a formula may have. */
    static final int MAX_NESTING = 500;
    private final String text;
    private int position;
    private int nesting;

    private FormulaParser(String text) {
        this.text = text;
    }

    static Expr parse(String formula) {
        if (formula == null || formula.isBlank()) {
            throw new DslException("formula error at column 1: the formula is empty: expected an expression", 1);
        }
        FormulaParser parser = new FormulaParser(formula);
        Expr e = parser.sum();
        parser.skipSpaces();
        if (parser.position < formula.length()) {
            char c = formula.charAt(parser.position);
            String expected = c == ')' ? "an operator or the end (this ')' has no matching '(')"
                    : "an operator (+ - * / ^) or the end of the formula";
            throw parser.error("expected " + expected + " but found '" + c + "'");
        }
        return e;
    }

    private DslException error(String what) {
        return errorAt(position, what);
    }

    private DslException errorAt(int index, String what) {
        int column = index + 1;
        return new DslException("formula error at column " + column + ": " + what + "\n  " + text + "\n  "
                + " ".repeat(Math.min(index, text.length())) + "^", column);
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private boolean accept(String token) {
        skipSpaces();
        if (text.startsWith(token, position)) {
            position += token.length();
            return true;
        }
        return false;
    }

    private String found() {
        skipSpaces();
        return position >= text.length() ? "the end of the formula" : "'" + text.charAt(position) + "'";
    }

    private Expr sum() {
        Expr left = product();
        while (true) {
            if (accept("+")) {
                left = new BinaryCall(Binary.ADD, left, product());
            } else if (accept("-")) {
                left = new BinaryCall(Binary.SUB, left, product());
            } else {
                return left;
            }
        }
    }

    private Expr product() {
        Expr left = prefix();
        while (true) {
            skipSpaces();
            if (text.startsWith("**", position)) {
                return left;
            }
            if (accept("*")) {
                left = new BinaryCall(Binary.MUL, left, prefix());
            } else if (accept("/")) {
                left = new BinaryCall(Binary.DIV, left, prefix());
            } else {
                return left;
            }
        }
    }

    private Expr prefix() {
        if (++nesting > MAX_NESTING) {
            throw error("the formula nests deeper than " + MAX_NESTING + " levels (parentheses, calls, signs and"
                    + " exponents): expected a shallower formula");
        }
        try {
            return signedPower();
        } finally {
            nesting--;
        }
    }

    private Expr signedPower() {
        if (accept("-")) {
            skipSpaces();
            // Only a number (or inf, the one constant the printer writes with a sign, as -inf) written right after
            // the sign folds into a negative constant. Folding "-(-2)" or "-pi" too would turn the printed form of
            // -(-2) and -pi into other text ("2", "-3.14...").
            boolean numberFollows = position < text.length()
                    && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.'
                    || isNameAt("inf"));
            Expr operand = prefix();
            return numberFollows && operand instanceof Constant c ? new Constant(-c.value())
                    : new UnaryCall(Unary.NEG, operand);
        }
        if (accept("+")) {
            return prefix();
        }
        return power();
    }

    /** Whether the name at the current position is exactly {@code name} (not a longer name it starts). */
    private boolean isNameAt(String name) {
        int end = position + name.length();
        return text.startsWith(name, position)
                && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'));
    }

    private Expr power() {
        Expr base = atom();
        if (accept("^") || accept("**")) {
            Expr exponent = prefix();
            if (exponent instanceof Constant c) {
                return new UnaryCall(PowerOf.of(c.value()), base);
            }
            if (exponent instanceof UnaryCall minus && minus.function() == Unary.NEG
                    && minus.argument() instanceof Constant c) {
                return new UnaryCall(PowerOf.of(-c.value()), base);
            }
            return new BinaryCall(Binary.POW, base, exponent);
        }
        return base;
    }

    private Expr atom() {
        skipSpaces();
        if (position >= text.length()) {
            throw error("expected a number, a name or '(' but found the end of the formula");
        }
        char c = text.charAt(position);
        if (c == '(') {
            position++;
            Expr inner = sum();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            return name();
        }
        throw error("expected a number, a name or '(' but found '" + c + "'");
    }

    private void expect(char close) {
        if (!accept(String.valueOf(close))) {
            throw error("expected '" + close + "' but found " + found());
        }
    }

    private Expr number() {
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int mark = position;
            position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            if (position < text.length() && Character.isDigit(text.charAt(position))) {
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
            } else {
                position = mark;
            }
        }
        String literal = text.substring(start, position);
        try {
            double value = Double.parseDouble(literal);
            if (Double.isInfinite(value)) {
                throw errorAt(start, "'" + literal + "' is beyond the largest double (about 1.8e308); write inf"
                        + " for infinity");
            }
            return new Constant(value);
        } catch (NumberFormatException e) {
            throw errorAt(start, "'" + literal + "' is not a number: expected digits with at most one '.'");
        }
    }

    private Expr name() {
        int start = position;
        while (position < text.length()
                && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        String name = text.substring(start, position);
        skipSpaces();
        boolean call = position < text.length() && text.charAt(position) == '(';
        if (!call) {
            switch (name) {
                case "pi":
                    return Constant.PI;
                case "e":
                    return Constant.E;
                case "inf":
                    return new Constant(Double.POSITIVE_INFINITY);
                case "nan":
                    return new Constant(Double.NaN);
                default:
                    break;
            }
            if (FunctionCatalog.isFunction(name)) {
                throw errorAt(start, "'" + name + "' is a function: expected '(' after it");
            }
            if (!Variable.isValidName(name)) {
                throw errorAt(start, "'" + name + "' is not a valid variable name: expected a letter or _ followed"
                        + " by letters, digits or _");
            }
            return new Variable(name);
        }
        if (!FunctionCatalog.isFunction(name)) {
            String what = FunctionCatalog.isConstant(name) ? "'" + name + "' is a constant, not a function"
                    : "unknown function '" + name + "'";
            throw errorAt(start, what + "; known functions: " + String.join(", ", FunctionCatalog.functionNames()));
        }
        position++;
        List<Expr> arguments = new ArrayList<>();
        arguments.add(sum());
        while (accept(",")) {
            arguments.add(sum());
        }
        expect(')');
        return call(name, arguments, start);
    }

    private Expr call(String name, List<Expr> arguments, int start) {
        int count = arguments.size();
        if (name.equals("digamma") || name.equals("trigamma")) {
            checkArity(name, count, 1, start);
            return new UnaryCall(new Polygamma(name.equals("digamma") ? 0 : 1), arguments.get(0));
        }
        if (name.equals("polygamma")) {
            checkArity(name, count, 2, start);
            if (!(arguments.get(0) instanceof Constant order) || order.value() != Math.rint(order.value())
                    || order.value() < 0) {
                throw errorAt(start, "polygamma(n, x) needs a whole number n >= 0 as its first argument");
            }
            return new UnaryCall(new Polygamma((int) order.value()), arguments.get(1));
        }
        UnaryFunction unary = FunctionCatalog.unary(name);
        BinaryFunction binary = FunctionCatalog.binary(name);
        if (count == 1 && unary != null) {
            return new UnaryCall(unary, arguments.get(0));
        }
        if (count == 1 && binary != null && FunctionCatalog.defaultSecond(name) != null) {
            return new BinaryCall(binary, arguments.get(0), new Constant(FunctionCatalog.defaultSecond(name)));
        }
        if (count == 2 && binary != null) {
            return new BinaryCall(binary, arguments.get(0), arguments.get(1));
        }
        String takes = binary == null ? "1 argument" : unary != null || FunctionCatalog.defaultSecond(name) != null
                ? "1 or 2 arguments" : "2 arguments";
        throw errorAt(start, "function '" + name + "' takes " + takes + " but was given " + count);
    }

    private void checkArity(String name, int count, int expected, int start) {
        if (count != expected) {
            throw errorAt(start, "function '" + name + "' takes " + expected + " argument"
                    + (expected == 1 ? "" : "s") + " but was given " + count);
        }
    }
}
