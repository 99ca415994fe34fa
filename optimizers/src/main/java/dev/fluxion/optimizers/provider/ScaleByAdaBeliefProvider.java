package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByAdaBelief;

/** The provider of {@link ScaleByAdaBelief}, the spec name {@code scaleByAdaBelief}. */
public final class ScaleByAdaBeliefProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByAdaBeliefProvider() {
        super(ScaleByAdaBelief.NAME, ScaleByAdaBelief.HYPERPARAMETERS, ScaleByAdaBelief::of,
                "AdaBelief's direction mHat / (sqrt(sHat) + eps), before the learning rate"
                        + " (Zhuang et al., NeurIPS 2020)");
    }
}
