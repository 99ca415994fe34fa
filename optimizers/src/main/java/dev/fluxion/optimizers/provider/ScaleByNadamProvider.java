package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByNadam;

/** The provider of {@link ScaleByNadam}, the spec name {@code scaleByNadam}. */
public final class ScaleByNadamProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByNadamProvider() {
        super(ScaleByNadam.NAME, ScaleByNadam.HYPERPARAMETERS, ScaleByNadam::of,
                "NAdam's direction, Adam's with a Nesterov look-ahead, before the learning rate"
                        + " (Dozat, ICLR 2016 workshop)");
    }
}
