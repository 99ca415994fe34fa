package dev.fluxion.optimizers;

/**
 * One link of an optimizer's chain, in the way optax builds optimizers (Babuschkin et al., "The DeepMind JAX
 * Ecosystem", 2020): an immutable recipe holding hyperparameters, whose {@link #init(int)} creates the mutable
 * state of one run, and whose state rewrites an update direction in place.
 *
 * <p>The chain starts from the gradient g of the objective; each transform maps the incoming direction to the
 * outgoing one (clip it, precondition it, add momentum, scale it by -learning rate); the last outgoing vector u
 * is added to the point: x &lt;- x + u.
 */
public interface Transform {

    /** Creates this transform's state for a problem with {@code dimension} variables. */
    TransformState init(int dimension);

    /** The text of this transform, as a spec such as {@code clip(norm=1.0)}. */
    String spec();

    /**
     * Whether this transform's state reads {@link StepContext#gradient()}. When no transform of an optimizer
     * does, a step hands the gradient array itself to the chain as the direction instead of a copy of it (one
     * pass over memory fewer), and the raw gradient is no longer intact while the chain runs. True by default,
     * which is always safe; a transform that never calls {@code gradient()} may return false.
     */
    default boolean readsGradient() {
        return true;
    }
}
