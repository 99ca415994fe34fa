package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.AdaBelief;

/** The provider of {@link AdaBelief}, the spec name {@code adabelief}. */
public final class AdaBeliefProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public AdaBeliefProvider() {
        super(AdaBelief.NAME, AdaBelief.HYPERPARAMETERS, AdaBelief::of,
                "AdaBelief, Adam scaled by the belief in observed gradients (Zhuang et al., NeurIPS 2020)");
    }
}
