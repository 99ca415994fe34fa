package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Rmsprop;

/** The provider of {@link Rmsprop}, the spec name {@code rmsprop}. */
public final class RmspropProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public RmspropProvider() {
        super(Rmsprop.NAME, Rmsprop.HYPERPARAMETERS, Rmsprop::of,
                "RMSProp, gradient over a running root mean square, plain or centered (Tieleman and Hinton 2012; "
                        + "Graves 2013)");
    }
}
