package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.NewtonTrustRegion;

/** The provider of {@link NewtonTrustRegion}, the spec name {@code newton-tr}. */
public final class NewtonTrustRegionProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public NewtonTrustRegionProvider() {
        super(NewtonTrustRegion.NAME, NewtonTrustRegion.HYPERPARAMETERS, NewtonTrustRegion::of,
                "trust-region Newton with Steihaug-Toint CG or Powell's dogleg (Nocedal and Wright 2006, Algorithms"
                        + " 4.1 and 7.2, section 4.1; scipy's trust-ncg and dogleg)");
    }
}
