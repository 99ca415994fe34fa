package dev.fluxion.optimizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The state of one transform during one run: named primitive buffers (moments, velocities, accumulators) that
 * are saved and restored exactly, and the in-place update that uses them.
 *
 * <p>A subclass registers each buffer once, in its constructor, with {@link #buffer(String, int, double)}; any
 * other field it keeps is scratch space that a step recomputes (a Hessian, a factorization) and is not saved.
 * {@link #update(double[], StepContext)} must not allocate.
 */
public abstract class TransformState {
    private final List<String> bufferNames = new ArrayList<>();
    private final List<double[]> buffers = new ArrayList<>();

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

    /**
     * Rewrites {@code direction} in place: on entry the direction handed on by the previous transform (the
     * gradient for the first), on exit the direction for the next one (the update added to x for the last).
     */
    public abstract void update(double[] direction, StepContext context);

    /** The states of the transforms nested in this one (a chain's links); none by default. */
    protected List<TransformState> parts() {
        return Collections.emptyList();
    }

    final List<String> bufferNames() {
        return bufferNames;
    }

    final double[] savedBuffer(int index) {
        return buffers.get(index);
    }

    final List<TransformState> nested() {
        return parts();
    }
}
