package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByAdagrad;

/** The provider of {@link ScaleByAdagrad}, the spec name {@code scaleByAdagrad}. */
public final class ScaleByAdagradProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByAdagradProvider() {
        super(ScaleByAdagrad.NAME, ScaleByAdagrad.HYPERPARAMETERS, ScaleByAdagrad::of,
                "Adagrad's direction, d over the root of the summed squares (Duchi, Hazan and Singer, JMLR 2011)");
    }
}
