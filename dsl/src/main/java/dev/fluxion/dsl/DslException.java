package dev.fluxion.dsl;

/**
 * The one exception type of the dsl module. Its message names the input that was wrong, where it was
 * (a formula's column, a variable's name, a function's name) and what would have been accepted.
 *
 * <p>{@link #column()} is the 1-based column of a formula error, or 0 when the error is not tied to a column.
 */
public final class DslException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int column;

    /** An error not tied to a position in a formula. */
    public DslException(String message) {
        this(message, 0);
    }

    /** An error at the given 1-based column of a formula. */
    public DslException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** The 1-based column in the formula where the error was found, or 0 if the error has no column. */
    public int column() {
        return column;
    }
}
