package dev.fluxion.examples.lion;

import dev.fluxion.optimizers.TypedProvider;

/**
 * The spec name {@code lion}: the typed value {@link Lion}, found by specs through this provider, which hands on
 * its {@link Lion#SIGNATURE}.
 *
 * <p>A plugin: {@code META-INF/services/dev.fluxion.optimizers.OptimizerProvider} in this jar names this class.
 */
public final class LionProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public LionProvider() {
        super(Lion.SIGNATURE);
    }
}
