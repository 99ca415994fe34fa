package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByRadam;

/** The provider of {@link ScaleByRadam}, the spec name {@code scaleByRadam}. */
public final class ScaleByRadamProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByRadamProvider() {
        super(ScaleByRadam.NAME, ScaleByRadam.HYPERPARAMETERS, ScaleByRadam::of,
                "RAdam's rectified direction, before the learning rate (Liu et al., ICLR 2020)");
    }
}
