package dev.fluxion.optimizers;

import dev.fluxion.dsl.Objective;

/**
 * An optimizer: an immutable chain of {@link Transform}s. {@link #start(int)} creates the mutable state of one
 * run, whose {@link OptimizerState#step(Objective, double[])} moves x in place.
 *
 * <pre>{@code
 * Optimizer adam = Optimizers.parse("adam(lr=0.01)");
 * OptimizerState run = adam.start(x.length);
 * for (int k = 0; k < 100; k++) run.step(objective, x);
 * }</pre>
 */
public final class Optimizer {
    private final Transform transform;

    /** The optimizer that applies {@code transform} (often a {@link Chain}). */
    public Optimizer(Transform transform) {
        this.transform = java.util.Objects.requireNonNull(transform, "transform");
    }

    /** The optimizer that applies the given transforms in order. */
    public static Optimizer chain(Transform... transforms) {
        return new Optimizer(transforms.length == 1 ? transforms[0] : Chain.of(transforms));
    }

    /** The transform this optimizer applies. */
    public Transform transform() {
        return transform;
    }

    /** The spec text of this optimizer, such as {@code adam(lr=0.01, beta1=0.9, ...)}. */
    public String spec() {
        return transform.spec();
    }

    /** A fresh run for a problem with {@code dimension} variables: zero steps, buffers at their initial values. */
    public OptimizerState start(int dimension) {
        if (dimension < 1) {
            throw new OptimizerException("dimension = " + dimension + " is out of range [1, inf)");
        }
        return new OptimizerState(this, dimension, transform.init(dimension));
    }

    /**
     * A run restored from the text of {@link OptimizerState#save()}: the same step counter (and so schedule
     * position) and bit-identical buffers, so that continuing it equals never having stopped.
     *
     * @throws OptimizerException if the text is malformed or was saved by a different optimizer
     */
    public OptimizerState restore(String saved) {
        return StateText.restore(this, saved);
    }

    /** Takes {@code steps} steps from x (in place) and returns the last step's report. */
    public StepInfo minimize(Objective objective, double[] x, int steps) {
        OptimizerState run = start(x.length);
        StepInfo info = null;
        for (int k = 0; k < steps; k++) {
            info = run.step(objective, x);
        }
        return info;
    }

    @Override
    public String toString() {
        return spec();
    }
}
