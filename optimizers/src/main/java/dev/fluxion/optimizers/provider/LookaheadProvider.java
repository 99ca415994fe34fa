package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Lookahead;

/** The provider of {@link Lookahead}, the spec name {@code lookahead}. */
public final class LookaheadProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public LookaheadProvider() {
        super(Lookahead.NAME, Lookahead.HYPERPARAMETERS, Lookahead::of,
                "Lookahead, k fast steps of an inner optimizer, then one slow step toward them"
                        + " (Zhang et al., NeurIPS 2019)");
    }
}
