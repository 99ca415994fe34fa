package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Momentum;

/** The provider of {@link Momentum}, the spec name {@code momentum}. */
public final class MomentumProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public MomentumProvider() {
        super(Momentum.NAME, Momentum.HYPERPARAMETERS, Momentum::of,
                "heavy-ball momentum, v <- beta v - lr g, x <- x + v (Polyak, 1964)");
    }
}
