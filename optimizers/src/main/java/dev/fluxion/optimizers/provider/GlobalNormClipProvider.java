package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.GlobalNormClip;

/** The provider of {@link GlobalNormClip}, the spec name {@code clip}. */
public final class GlobalNormClipProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public GlobalNormClipProvider() {
        super(GlobalNormClip.NAME, GlobalNormClip.HYPERPARAMETERS, GlobalNormClip::of,
                "clip by global norm, g <- g min(1, norm / ||g||) (Pascanu, Mikolov and Bengio, ICML 2013)");
    }
}
