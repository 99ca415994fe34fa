package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;

/** The provider of {@link ScaleByLearningRate}, the spec name {@code scale}. */
public final class ScaleByLearningRateProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByLearningRateProvider() {
        super(ScaleByLearningRate.NAME, ScaleByLearningRate.HYPERPARAMETERS, ScaleByLearningRate::of,
                "the step u = -lr d: gradient descent alone, the learning rate at the end of a chain (optax's "
                        + "scale_by_learning_rate)");
    }
}
