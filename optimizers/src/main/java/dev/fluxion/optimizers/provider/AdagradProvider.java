package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Adagrad;

/** The provider of {@link Adagrad}, the spec name {@code adagrad}. */
public final class AdagradProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public AdagradProvider() {
        super(Adagrad.NAME, Adagrad.HYPERPARAMETERS, Adagrad::of,
                "Adagrad, gradient over the root of the summed squared gradients (Duchi, Hazan and Singer, JMLR 2011)");
    }
}
