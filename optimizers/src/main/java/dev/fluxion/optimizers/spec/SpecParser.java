package dev.fluxion.optimizers.spec;

import dev.fluxion.optimizers.OptimizerException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads spec text into a {@link SpecNode.Call}. Grammar:
 *
 * <pre>
 * spec     := call
 * call     := NAME [ '(' [ argument { ',' argument } ] ')' ]
 * argument := NAME '=' value | value
 * value    := NUMBER | call          (a NAME with no parentheses is a {@link SpecNode.Word} when used as a value)
 * </pre>
 *
 * A malformed spec is an {@link OptimizerException} naming the 1-based column and what was expected there.
 */
public final class SpecParser {
    private final String text;
    private int position;

    private SpecParser(String text) {
        this.text = text;
    }

    /** Parses a whole spec, which must be one call. */
    public static SpecNode.Call parse(String text) {
        SpecParser parser = new SpecParser(text);
        parser.skipSpaces();
        if (parser.atEnd()) {
            throw new OptimizerException("empty spec: expected an optimizer name such as adam(lr=0.01)", 1);
        }
        SpecNode node = parser.value();
        if (!(node instanceof SpecNode.Call || node instanceof SpecNode.Word)) {
            throw parser.error("expected an optimizer name, found a number", node.column());
        }
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.text.charAt(parser.position) + "' after the end of the spec",
                    parser.position + 1);
        }
        return asCall(node);
    }

    private static SpecNode.Call asCall(SpecNode node) {
        if (node instanceof SpecNode.Word word) {
            return new SpecNode.Call(word.text(), List.of(), word.column());
        }
        return (SpecNode.Call) node;
    }

    private SpecNode value() {
        skipSpaces();
        if (atEnd()) {
            throw error("unexpected end of spec: expected a value", position + 1);
        }
        char c = text.charAt(position);
        if (Character.isLetter(c) || c == '_') {
            int column = position + 1;
            String name = name();
            skipSpaces();
            if (!atEnd() && text.charAt(position) == '(') {
                position++;
                return new SpecNode.Call(name, arguments(), column);
            }
            return new SpecNode.Word(name, column);
        }
        if (Character.isDigit(c) || c == '.' || c == '-' || c == '+') {
            return number();
        }
        throw error("unexpected '" + c + "': expected a name or a number", position + 1);
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
            if (!atEnd() && text.charAt(position) == '=') {
                if (!(first instanceof SpecNode.Word key)) {
                    throw error("the left of '=' must be a hyperparameter name", column);
                }
                position++;
                arguments.add(new SpecNode.Argument(key.text(), value(), column));
            } else {
                arguments.add(new SpecNode.Argument(null, first, column));
            }
            skipSpaces();
            if (atEnd()) {
                throw error("unexpected end of spec: expected ',' or ')'", position + 1);
            }
            char c = text.charAt(position++);
            if (c == ')') {
                return arguments;
            }
            if (c != ',') {
                throw error("unexpected '" + c + "': expected ',' or ')'", position);
            }
        }
    }

    private String name() {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        return text.substring(start, position);
    }

    private SpecNode.Number number() {
        int start = position;
        if (text.charAt(position) == '-' || text.charAt(position) == '+') {
            position++;
        }
        while (!atEnd() && isNumberChar(text.charAt(position), text.charAt(position - 1))) {
            position++;
        }
        String literal = text.substring(start, position);
        try {
            return new SpecNode.Number(Double.parseDouble(literal), literal, start + 1);
        } catch (NumberFormatException e) {
            throw error("malformed number '" + literal + "'", start + 1);
        }
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

    private OptimizerException error(String message, int column) {
        return new OptimizerException(message + " at column " + column + " of '" + text + "'", column);
    }
}
