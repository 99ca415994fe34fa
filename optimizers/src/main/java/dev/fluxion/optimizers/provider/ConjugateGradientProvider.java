package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.ConjugateGradient;

/** The provider of {@link ConjugateGradient}, the spec name {@code cg}. */
public final class ConjugateGradientProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ConjugateGradientProvider() {
        super(ConjugateGradient.NAME, ConjugateGradient.HYPERPARAMETERS, ConjugateGradient::of,
                "nonlinear conjugate gradients, d = -g + beta d, restarted every n steps and on a non-descent"
                + " direction, then a line search (Nocedal and Wright 2006, section 5.2; Hager and Zhang 2005)");
    }
}
