package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Adam;

/** The provider of {@link Adam}, the spec name {@code adam}. */
public final class AdamProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public AdamProvider() {
        super(Adam.NAME, Adam.HYPERPARAMETERS, Adam::of,
                "Adam, bias-corrected moment estimates (Kingma and Ba, ICLR 2015)");
    }
}
