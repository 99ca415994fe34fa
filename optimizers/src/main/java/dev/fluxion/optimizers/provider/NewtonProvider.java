package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Newton;

/** The provider of {@link Newton}, the spec name {@code newton}. */
public final class NewtonProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public NewtonProvider() {
        super(Newton.NAME, Newton.HYPERPARAMETERS, Newton::of,
                "damped Newton, x <- x - lr H^-1 g, with a remedy for indefinite Hessians (Nocedal and Wright 2006, "
                        + "ch. 3)");
    }
}
