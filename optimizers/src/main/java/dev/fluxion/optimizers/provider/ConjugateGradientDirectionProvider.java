package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ConjugateGradientDirection;

/** The provider of {@link ConjugateGradientDirection}, the spec name {@code cgDirection}. */
public final class ConjugateGradientDirectionProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ConjugateGradientDirectionProvider() {
        super(ConjugateGradientDirection.NAME, ConjugateGradientDirection.HYPERPARAMETERS,
                ConjugateGradientDirection::of,
                "the nonlinear conjugate-gradient direction d <- -g + beta d with restarts, before a line search"
                + " (Nocedal and Wright 2006, section 5.2; Hager and Zhang 2005)");
    }
}
