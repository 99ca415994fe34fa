package dev.fluxion.dsl.spec;

import java.util.List;

/**
 * The syntax tree of a spec such as {@code chain(clip(norm=1), nesterov(lr=0.1))} or
 * {@code formula("x^2 + 10*y^2", minimum=0)}. Every node remembers the 1-based column where it starts, so
 * that errors can point at it.
 */
public sealed interface SpecNode permits SpecNode.Call, SpecNode.Number, SpecNode.Word, SpecNode.Text {

    /** The 1-based column where this node starts in the spec text. */
    int column();

    /** The node as a reader would write it in an error message. */
    String text();

    /**
     * A call {@code name(arguments)}, or a bare {@code name} used where a call is expected.
     *
     * @param name      the provider's name
     * @param arguments named ({@code key=value}) and positional arguments, in order
     * @param column    the column of the name
     */
    record Call(String name, List<Argument> arguments, int column) implements SpecNode {
        /** Copies the arguments. */
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public String text() {
            return name + "(...)";
        }
    }

    /**
     * A number literal.
     *
     * @param value  its value
     * @param text   its text as written
     * @param column its column
     */
    record Number(double value, String text, int column) implements SpecNode {
    }

    /**
     * A bare word used as a value, such as {@code true} or {@code hessian}.
     *
     * @param text   the word
     * @param column its column
     */
    record Word(String text, int column) implements SpecNode {
    }

    /**
     * A quoted string, such as a formula with spaces.
     *
     * @param text   the string without its quotes and escapes
     * @param column the column of the opening quote
     */
    record Text(String text, int column) implements SpecNode {
    }

    /**
     * One argument of a call.
     *
     * @param name   the key of a named argument, or null for a positional one
     * @param value  the value
     * @param column the column where the argument starts
     */
    record Argument(String name, SpecNode value, int column) {
    }
}
