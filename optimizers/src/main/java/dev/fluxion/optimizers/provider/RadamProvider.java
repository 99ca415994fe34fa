package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Radam;

/** The provider of {@link Radam}, the spec name {@code radam}. */
public final class RadamProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public RadamProvider() {
        super(Radam.NAME, Radam.HYPERPARAMETERS, Radam::of,
                "RAdam, Adam with a rectified adaptive step (Liu et al., ICLR 2020)");
    }
}
