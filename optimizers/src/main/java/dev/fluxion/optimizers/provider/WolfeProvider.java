package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.linesearch.WolfeLineSearch;

/** The provider of {@link WolfeLineSearch}, the spec name {@code wolfe}. */
public final class WolfeProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public WolfeProvider() {
        super(WolfeLineSearch.NAME, WolfeLineSearch.HYPERPARAMETERS, WolfeLineSearch::of,
                "strong Wolfe line search along the incoming direction (-g if it is not a descent direction),"
                + " bracketing and zoom with cubic interpolation (Nocedal and Wright 2006, Algorithms 3.5 and 3.6)");
    }
}
