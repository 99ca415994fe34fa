package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Yogi;

/** The provider of {@link Yogi}, the spec name {@code yogi}. */
public final class YogiProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public YogiProvider() {
        super(Yogi.NAME, Yogi.HYPERPARAMETERS, Yogi::of,
                "Yogi, Adam with an additive second-moment update (Zaheer et al., NeurIPS 2018)");
    }
}
