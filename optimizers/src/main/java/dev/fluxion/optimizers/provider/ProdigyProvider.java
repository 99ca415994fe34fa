package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Prodigy;

/** The provider of {@link Prodigy}, the spec name {@code prodigy}. */
public final class ProdigyProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ProdigyProvider() {
        super(Prodigy.NAME, Prodigy.HYPERPARAMETERS, Prodigy::of,
                "Prodigy, Adam with an estimated distance to the solution as step size"
                        + " (Mishchenko and Defazio, ICML 2024)");
    }
}
