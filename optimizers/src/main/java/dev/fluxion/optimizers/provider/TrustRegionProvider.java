package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.TrustRegion;

/** The provider of {@link TrustRegion}, the spec name {@code trustRegion}. */
public final class TrustRegionProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public TrustRegionProvider() {
        super(TrustRegion.NAME, TrustRegion.HYPERPARAMETERS, TrustRegion::of,
                "one trust-region iteration on the Hessian's model: step, ratio rho, radius update, accept or reject"
                        + " (Nocedal and Wright 2006, Algorithm 4.1)");
    }
}
