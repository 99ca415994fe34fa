package dev.fluxion.optimizers;

/**
 * The one exception type of the optimizers module. Its message names what was wrong and what would have been
 * accepted: the hyperparameter, its value and its allowed range; the column of a malformed spec; the known
 * optimizer names when a name is unknown; the step and the component of a non-finite gradient.
 *
 * <p>{@link #column()} is the 1-based column of a spec error (0 when the error has no column);
 * {@link #step()} and {@link #component()} locate a numerical failure during a run (-1 when not applicable).
 */
public final class OptimizerException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int column;
    private final long step;
    private final int component;

    /** An error not tied to a spec column or to a step. */
    public OptimizerException(String message) {
        this(message, 0, -1, -1);
    }

    /** An error at the given 1-based column of a spec. */
    public OptimizerException(String message, int column) {
        this(message, column, -1, -1);
    }

    private OptimizerException(String message, int column, long step, int component) {
        super(message);
        this.column = column;
        this.step = step;
        this.component = component;
    }

    /**
     * A numerical failure during a run: at step {@code step} (0-based, the number of steps completed before it),
     * component {@code component} of the gradient or of the update was not finite.
     */
    public static OptimizerException atStep(String message, long step, int component) {
        return new OptimizerException(message, 0, step, component);
    }

    /** The 1-based column of the spec where the error was found, or 0. */
    public int column() {
        return column;
    }

    /** The step (0-based) at which a run failed, or -1 when the error is not a run failure. */
    public long step() {
        return step;
    }

    /** The index of the offending component of the gradient or update, or -1. */
    public int component() {
        return component;
    }
}
