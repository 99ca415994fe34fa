package dev.fluxion.landscapes;

import java.util.ArrayList;
import java.util.List;

/**
 * A landscape spec as written: a name and arguments, such as {@code quadratic(dim=50, kappa=1000)},
 * {@code rosenbrock(dim=10)}, {@code beale} or {@code formula("x^2 + 10*y^2", minimum=0)}.
 *
 * <pre>
 *   spec     := name ( '(' ( argument (',' argument)* )? ')' )?
 *   argument := ( name '=' )? value
 *   value    := '"' text with \" and \\ escapes '"'  |  bare text up to ',' or ')'
 * </pre>
 *
 * Arguments without a name are positional: the k-th binds the provider's k-th parameter. Errors name the
 * 1-based column.
 *
 * @param name the landscape's name
 * @param arguments the arguments in the order written
 */
public record Spec(String name, List<Argument> arguments) {

    /**
     * One argument of a spec.
     *
     * @param name the parameter's name, or null for a positional argument
     * @param value the value as text (quotes removed)
     * @param column the 1-based column where the value starts, for error messages
     */
    public record Argument(String name, String value, int column) {
    }

    /** Copies the arguments. */
    public Spec {
        arguments = List.copyOf(arguments);
    }

    /**
     * Parses a spec.
     *
     * @throws LandscapeException naming the column and what was expected there
     */
    public static Spec parse(String text) {
        return new Reader(text == null ? "" : text).spec();
    }

    /** A small recursive-descent reader over the spec's characters. */
    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        Spec spec() {
            skipSpaces();
            String name = identifier("a landscape name");
            List<Argument> arguments = new ArrayList<>();
            skipSpaces();
            if (position < text.length() && text.charAt(position) == '(') {
                position++;
                skipSpaces();
                if (!accept(')')) {
                    do {
                        arguments.add(argument());
                    } while (accept(','));
                    if (!accept(')')) {
                        throw error("expected ',' or ')' but found " + found());
                    }
                }
            }
            skipSpaces();
            if (position < text.length()) {
                throw error("expected the end of the spec but found " + found());
            }
            return new Spec(name, arguments);
        }

        private Argument argument() {
            skipSpaces();
            int start = position;
            if (position < text.length() && isNameStart(text.charAt(position))) {
                String name = identifier("a parameter name");
                skipSpaces();
                if (accept('=')) {
                    skipSpaces();
                    int column = position + 1;
                    return new Argument(name, value(), column);
                }
                position = start;
            }
            return new Argument(null, value(), start + 1);
        }

        private String value() {
            skipSpaces();
            if (position < text.length() && text.charAt(position) == '"') {
                int open = position++;
                StringBuilder value = new StringBuilder();
                while (position < text.length() && text.charAt(position) != '"') {
                    char c = text.charAt(position++);
                    if (c == '\\' && position < text.length()) {
                        c = text.charAt(position++);
                    }
                    value.append(c);
                }
                if (position >= text.length()) {
                    position = open;
                    throw error("this '\"' is never closed");
                }
                position++;
                return value.toString();
            }
            int start = position;
            int depth = 0;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && depth-- == 0 || c == ',' && depth == 0) {
                    break;
                }
                position++;
            }
            String value = text.substring(start, position).strip();
            if (value.isEmpty()) {
                position = start;
                throw error("expected a value but found " + found());
            }
            return value;
        }

        private String identifier(String what) {
            int start = position;
            if (position < text.length() && isNameStart(text.charAt(position))) {
                position++;
                while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
                        || text.charAt(position) == '_' || text.charAt(position) == '-')) {
                    position++;
                }
            }
            if (start == position) {
                throw error("expected " + what + " but found " + found());
            }
            return text.substring(start, position);
        }

        private static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private boolean accept(char c) {
            skipSpaces();
            if (position < text.length() && text.charAt(position) == c) {
                position++;
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private String found() {
            return position >= text.length() ? "the end of the spec" : "'" + text.charAt(position) + "'";
        }

        private LandscapeException error(String what) {
            int column = position + 1;
            return new LandscapeException("spec error at column " + column + ": " + what + "\n  " + text + "\n  "
                    + " ".repeat(Math.min(position, text.length())) + "^", column);
        }
    }
}
