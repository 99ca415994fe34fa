package dev.fluxion.optimizers;

/**
 * One link of an optimizer's chain, in the way optax builds optimizers (Babuschkin et al., "The DeepMind JAX
 * Ecosystem", 2020): an immutable recipe holding hyperparameters, whose {@link #init(int)} creates the mutable
 * state of one run, and whose state rewrites an update direction in place
 * ({@link TransformState#update(double[], StepContext)}).
 *
 * <p>The chain starts from the gradient g of the objective; each transform maps the incoming direction to the
 * outgoing one (clip it, precondition it, add momentum, search along it, scale it by -learning rate); the last
 * outgoing vector u is added to the point: x &lt;- x + u. A transform may evaluate the objective at trial points
 * through its {@link StepContext}, which counts every evaluation.
 */
public interface Transform {

    /** Creates this transform's state for a problem with {@code dimension} variables. */
    TransformState init(int dimension);

    /** The text of this transform, as a spec such as {@code clip(norm=1.0)}, which parses back to an equal one. */
    String spec();
}
