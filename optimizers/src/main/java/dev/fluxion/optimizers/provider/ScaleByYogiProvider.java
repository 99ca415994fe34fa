package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByYogi;

/** The provider of {@link ScaleByYogi}, the spec name {@code scaleByYogi}. */
public final class ScaleByYogiProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByYogiProvider() {
        super(ScaleByYogi.NAME, ScaleByYogi.HYPERPARAMETERS, ScaleByYogi::of,
                "Yogi's direction, Adam's with an additive second moment, before the learning rate"
                        + " (Zaheer et al., NeurIPS 2018)");
    }
}
