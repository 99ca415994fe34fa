package dev.fluxion.optimizers;

/**
 * A named optimizer such as {@code adam(lr=0.01, ...)}: a typed, immutable value of its hyperparameters that stands
 * for a chain of building blocks, as optax's aliases ({@code optax/_src/alias.py}) stand for chains of its
 * transforms. Its state is its chain's, and its spec prints every hyperparameter.
 */
public interface NamedOptimizer extends Optimizer {

    /** The chain of building blocks this optimizer is, such as {@code chain(scaleByAdam(...), scale(lr=...))}. */
    Chain chain();

    /** The state of {@link #chain()}. */
    @Override
    default TransformState init(int dimension) {
        return chain().init(dimension);
    }
}
