package dev.fluxion.landscapes;

/**
 * The one exception type of the landscapes module. Its message names what was wrong and what would have been
 * accepted: an unknown landscape lists the known names, a parameter out of range names the parameter and its
 * range, a point of the wrong dimension names both dimensions, and a malformed spec names the column.
 *
 * <p>{@link #column()} is the 1-based column of a spec error, or 0 when the error is not tied to a column.
 */
public final class LandscapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int column;

    /** An error not tied to a position in a spec. */
    public LandscapeException(String message) {
        this(message, 0);
    }

    /** An error at the given 1-based column of a spec. */
    public LandscapeException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** The 1-based column in the spec where the error was found, or 0 if the error has no column. */
    public int column() {
        return column;
    }
}
