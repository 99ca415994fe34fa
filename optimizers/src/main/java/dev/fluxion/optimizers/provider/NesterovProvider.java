package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Nesterov;

/** The provider of {@link Nesterov}, the spec name {@code nesterov}. */
public final class NesterovProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public NesterovProvider() {
        super(Nesterov.NAME, Nesterov.HYPERPARAMETERS, Nesterov::of,
                "Nesterov momentum, gradient at x, look-ahead in the update (Nesterov 1983; Sutskever et al. 2013)");
    }
}
