package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByAdamax;

/** The provider of {@link ScaleByAdamax}, the spec name {@code scaleByAdamax}. */
public final class ScaleByAdamaxProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByAdamaxProvider() {
        super(ScaleByAdamax.NAME, ScaleByAdamax.HYPERPARAMETERS, ScaleByAdamax::of,
                "Adamax's direction mHat / u, u an infinity norm, before the learning rate (Kingma and Ba, ICLR 2015)");
    }
}
