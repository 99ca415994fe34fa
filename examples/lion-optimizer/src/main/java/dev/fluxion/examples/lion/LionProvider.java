package dev.fluxion.examples.lion;

import dev.fluxion.optimizers.TypedProvider;

/**
 * The spec name {@code lion}: the typed value {@link Lion}, found by specs through this provider.
 *
 * <p>A plugin: {@code META-INF/services/dev.fluxion.optimizers.OptimizerProvider} in this jar names this class.
 */
public final class LionProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public LionProvider() {
        super(Lion.NAME, Lion.HYPERPARAMETERS, Lion::of,
                "Lion, sign of interpolated momentum with decoupled weight decay (Chen et al., NeurIPS 2023); a plugin");
    }
}
