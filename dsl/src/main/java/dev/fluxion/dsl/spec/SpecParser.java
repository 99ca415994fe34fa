package dev.fluxion.dsl.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads spec text into a {@link SpecNode.Call}. Grammar:
 *
 * <pre>
 * spec     := call
 * call     := NAME [ '(' [ argument { ',' argument } ] ')' ]
 * argument := NAME '=' value | value
 * value    := NUMBER | '"' text with \" and \\ escapes '"' | call   (a NAME without parentheses is a Word)
 * NAME     := letter or '_', then letters, digits, '_' or '-'
 * </pre>
 *
 * A malformed spec is an error naming the 1-based column, what was expected there and what was found, with the
 * spec and a caret under the column.
 */
public final class SpecParser {
    private final String text;
    private final SpecErrors errors;
    private int position;

    private SpecParser(String text, SpecErrors errors) {
        this.text = text;
        this.errors = errors;
    }

    /** Parses a whole spec, which must be one call or one bare name; errors are made by {@code errors}. */
    public static SpecNode.Call parse(String text, SpecErrors errors) {
        SpecParser parser = new SpecParser(text == null ? "" : text, errors);
        parser.skipSpaces();
        if (parser.atEnd() || !isNameStart(parser.text.charAt(parser.position))) {
            throw parser.error("expected a name");
        }
        SpecNode.Call call = asCall(parser.value());
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("expected the end of the spec");
        }
        return call;
    }

    /** A bare word where a call is expected is the call with no arguments; anything else is left as it is. */
    public static SpecNode asCallIfWord(SpecNode node) {
        return node instanceof SpecNode.Word word ? new SpecNode.Call(word.text(), List.of(), word.column()) : node;
    }

    private static SpecNode.Call asCall(SpecNode node) {
        return (SpecNode.Call) asCallIfWord(node);
    }

    private SpecNode value() {
        skipSpaces();
        char c = atEnd() ? ')' : text.charAt(position);
        if (isNameStart(c)) {
            int column = position + 1;
            String name = name();
            skipSpaces();
            if (!atEnd() && text.charAt(position) == '(') {
                position++;
                return new SpecNode.Call(name, arguments(), column);
            }
            return new SpecNode.Word(name, column);
        }
        if (c == '"') {
            return quoted();
        }
        if (Character.isDigit(c) || c == '.' || c == '-' || c == '+') {
            return number();
        }
        throw error("expected a value");
    }

    private List<SpecNode.Argument> arguments() {
        List<SpecNode.Argument> arguments = new ArrayList<>();
        skipSpaces();
        if (!atEnd() && text.charAt(position) == ')') {
            position++;
            return arguments;
        }
        while (true) {
            skipSpaces();
            int column = position + 1;
            SpecNode first = value();
            skipSpaces();
            if (!atEnd() && text.charAt(position) == '=' && first instanceof SpecNode.Word key) {
                position++;
                arguments.add(new SpecNode.Argument(key.text(), value(), column));
            } else {
                arguments.add(new SpecNode.Argument(null, first, column));
            }
            skipSpaces();
            if (!atEnd() && text.charAt(position) == ')') {
                position++;
                return arguments;
            }
            if (atEnd() || text.charAt(position) != ',') {
                throw error("expected ',' or ')'",
                        found() + " (a value with spaces, such as a formula, goes in double quotes)");
            }
            position++;
        }
    }

    private String name() {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_'
                || text.charAt(position) == '-')) {
            position++;
        }
        return text.substring(start, position);
    }

    private SpecNode.Text quoted() {
        int open = position++;
        StringBuilder value = new StringBuilder();
        while (!atEnd() && text.charAt(position) != '"') {
            char c = text.charAt(position++);
            value.append(c == '\\' && !atEnd() ? text.charAt(position++) : c);
        }
        if (atEnd()) {
            position = open;
            throw error("this '\"' is never closed", "");
        }
        position++;
        return new SpecNode.Text(value.toString(), open + 1);
    }

    private SpecNode.Number number() {
        int start = position++;
        while (!atEnd() && isNumberChar(text.charAt(position), text.charAt(position - 1))) {
            position++;
        }
        String literal = text.substring(start, position);
        try {
            return new SpecNode.Number(Double.parseDouble(literal), literal, start + 1);
        } catch (NumberFormatException e) {
            position = start;
            throw error("malformed number '" + literal + "'", "");
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNumberChar(char c, char previous) {
        return Character.isDigit(c) || c == '.' || c == 'e' || c == 'E'
                || ((c == '-' || c == '+') && (previous == 'e' || previous == 'E'));
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private String found() {
        return " but found " + (atEnd() ? "the end of the spec" : "'" + text.charAt(position) + "'");
    }

    private RuntimeException error(String expected) {
        return error(expected, found());
    }

    private RuntimeException error(String what, String found) {
        int column = position + 1;
        return errors.error("spec error at column " + column + ": " + what + found + "\n  " + text + "\n  "
                + " ".repeat(Math.min(position, text.length())) + "^", column);
    }
}
