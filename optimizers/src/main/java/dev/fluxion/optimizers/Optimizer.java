package dev.fluxion.optimizers;

import dev.fluxion.dsl.Objective;
import java.util.List;

/**
 * An optimizer: an immutable {@link Transform} whose last update is the step added to x, such as a named optimizer
 * ({@code Optimizers.adam().lr(0.01)}) or a {@link Chain} of transforms. {@link #start(int)} creates the mutable
 * state of one run, whose {@link OptimizerState#step(Objective, double[])} moves x in place.
 *
 * <pre>{@code
 * Optimizer adam = Optimizers.adam().lr(0.01);          // or Optimizers.parse("adam(lr=0.01)"), an equal value
 * OptimizerState run = adam.start(x.length);
 * for (int k = 0; k < 100; k++) run.step(objective, x);
 * }</pre>
 */
public interface Optimizer extends Transform {

    /** {@code transform} itself if it is an optimizer, else the chain of that one link. */
    static Optimizer of(Transform transform) {
        return transform instanceof Optimizer optimizer ? optimizer : new Chain(List.of(transform));
    }

    /** The optimizer that applies the given transforms in order (optax's {@code chain}). */
    static Chain chain(Transform... transforms) {
        return new Chain(List.of(transforms));
    }

    /** A fresh run for a problem with {@code dimension} variables: zero steps, buffers at their initial values. */
    default OptimizerState start(int dimension) {
        OptimizerState.checkDimension(dimension);
        return new OptimizerState(this, dimension, init(dimension), this);
    }

    /**
     * A run restored from the text of {@link OptimizerState#save()}: the same step counter (and so schedule
     * position) and bit-identical buffers, so that continuing it equals never having stopped.
     *
     * @throws OptimizerException if the text is malformed or was saved by a different optimizer
     */
    default OptimizerState restore(String saved) {
        return StateText.restore(this, saved);
    }

    /** Takes {@code steps} steps from x (in place) and returns the last step's report. */
    default StepInfo minimize(Objective objective, double[] x, int steps) {
        OptimizerState run = start(x.length);
        StepInfo info = null;
        for (int k = 0; k < steps; k++) {
            info = run.step(objective, x);
        }
        return info;
    }
}
