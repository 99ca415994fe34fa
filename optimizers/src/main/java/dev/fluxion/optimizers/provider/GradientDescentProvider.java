package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.GradientDescent;

/** The provider of {@link GradientDescent}, the spec name {@code gd}. */
public final class GradientDescentProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public GradientDescentProvider() {
        super(GradientDescent.NAME, GradientDescent.HYPERPARAMETERS, GradientDescent::of,
                "gradient descent, x <- x - lr g (Cauchy, 1847)");
    }
}
