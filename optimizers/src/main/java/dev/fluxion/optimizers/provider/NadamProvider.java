package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Nadam;

/** The provider of {@link Nadam}, the spec name {@code nadam}. */
public final class NadamProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public NadamProvider() {
        super(Nadam.NAME, Nadam.HYPERPARAMETERS, Nadam::of,
                "NAdam, Adam with Nesterov momentum (Dozat, ICLR 2016 workshop)");
    }
}
