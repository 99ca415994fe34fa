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

    /**
     * A fresh run of {@link #chain()}, made once for the run: its state and the shape the step's fused passes are
     * recognised by. (Built once, not once per question, a run's start stays small: the JIT inlines it into the
     * caller's method, where four builds of the chain with their hyperparameter checks used up the node budget that
     * the loop's step needed, and the step was left a call in some JVMs.)
     */
    @Override
    default OptimizerState start(int dimension) {
        OptimizerState.checkDimension(dimension);
        Chain chain = chain();
        return new OptimizerState(this, dimension, chain.init(dimension), chain);
    }
}
