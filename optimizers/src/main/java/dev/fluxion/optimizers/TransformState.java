package dev.fluxion.optimizers;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one transform during one run: named primitive buffers (moments, velocities, accumulators, a
 * quasi-Newton memory) that are saved and restored exactly, the states of the transforms nested in it, and the
 * in-place update that uses them.
 *
 * <p>A subclass registers each buffer once, in its constructor, with {@link #buffer(String, int, double)}, and
 * each nested state (a chain's links, a wrapped optimizer) with {@link #part(TransformState)}; any other field it
 * keeps is scratch space that a step recomputes (a Hessian, a factorization) and is not saved. A first-order
 * {@link #update(double[], StepContext)} should not allocate.
 */
public abstract class TransformState {
    private final List<String> bufferNames = new ArrayList<>();
    private final List<double[]> buffers = new ArrayList<>();
    private final List<TransformState> parts = new ArrayList<>();

    /** Registers and returns a saved buffer of the given length, filled with {@code initialValue}. */
    protected final double[] buffer(String name, int length, double initialValue) {
        if (bufferNames.contains(name)) {
            throw new IllegalStateException("buffer " + name + " is registered twice");
        }
        double[] values = new double[length];
        java.util.Arrays.fill(values, initialValue);
        bufferNames.add(name);
        buffers.add(values);
        return values;
    }

    /** Registers and returns the state of a nested transform, whose buffers are then saved with this one's. */
    protected final <S extends TransformState> S part(S nested) {
        parts.add(java.util.Objects.requireNonNull(nested, "nested"));
        return nested;
    }

    /**
     * Rewrites {@code direction} in place: on entry the direction handed on by the previous transform (a copy of
     * the gradient for the first), on exit the direction for the next one (the update added to x for the last).
     */
    public abstract void update(double[] direction, StepContext context);

    final List<String> bufferNames() {
        return bufferNames;
    }

    final double[] savedBuffer(int index) {
        return buffers.get(index);
    }

    /** The saved buffer with this name, or null. */
    final double[] savedBuffer(String name) {
        int index = bufferNames.indexOf(name);
        return index < 0 ? null : buffers.get(index);
    }

    final List<TransformState> nested() {
        return parts;
    }
}
