package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.AdamW;

/** The provider of {@link AdamW}, the spec name {@code adamw}. */
public final class AdamWProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public AdamWProvider() {
        super(AdamW.NAME, AdamW.HYPERPARAMETERS, AdamW::of,
                "Adam with decoupled weight decay, x <- x - lr (adam + lambda x) (Loshchilov and Hutter, ICLR 2019)");
    }
}
