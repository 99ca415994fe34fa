package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByAdam;

/** The provider of {@link ScaleByAdam}, the spec name {@code scaleByAdam}. */
public final class ScaleByAdamProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByAdamProvider() {
        super(ScaleByAdam.NAME, ScaleByAdam.HYPERPARAMETERS, ScaleByAdam::of,
                "Adam's direction mHat / (sqrt(vHat) + eps), before the learning rate (Kingma and Ba, ICLR 2015)");
    }
}
