package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.NaturalGradient;

/** The provider of {@link NaturalGradient}, the spec name {@code natural}. */
public final class NaturalGradientProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public NaturalGradientProvider() {
        super(NaturalGradient.NAME, NaturalGradient.HYPERPARAMETERS, NaturalGradient::of,
                "natural gradient, x <- x - lr (G + damping I)^-1 g with G the objective's metric (Amari 1998)");
    }
}
