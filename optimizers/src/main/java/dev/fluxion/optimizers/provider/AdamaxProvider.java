package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Adamax;

/** The provider of {@link Adamax}, the spec name {@code adamax}. */
public final class AdamaxProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public AdamaxProvider() {
        super(Adamax.NAME, Adamax.HYPERPARAMETERS, Adamax::of,
                "Adamax, Adam with the infinity norm (Kingma and Ba, ICLR 2015, section 7.1)");
    }
}
