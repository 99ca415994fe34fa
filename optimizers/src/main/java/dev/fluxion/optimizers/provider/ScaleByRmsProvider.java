package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByRms;

/** The provider of {@link ScaleByRms}, the spec name {@code scaleByRms}. */
public final class ScaleByRmsProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByRmsProvider() {
        super(ScaleByRms.NAME, ScaleByRms.HYPERPARAMETERS, ScaleByRms::of,
                "RMSProp's direction, d over a running root mean square, plain or centered (Tieleman and Hinton "
                        + "2012; Graves 2013)");
    }
}
