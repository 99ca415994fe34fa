package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.WeightDecay;

/** The provider of {@link WeightDecay}, the spec name {@code weightDecay}. */
public final class WeightDecayProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public WeightDecayProvider() {
        super(WeightDecay.NAME, WeightDecay.HYPERPARAMETERS, WeightDecay::of,
                "add rate * x to the direction: L2 before an adaptive rule, decoupled decay after it (Loshchilov and "
                        + "Hutter 2019)");
    }
}
