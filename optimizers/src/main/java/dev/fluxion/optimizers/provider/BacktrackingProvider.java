package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.linesearch.BacktrackingLineSearch;

/** The provider of {@link BacktrackingLineSearch}, the spec name {@code backtracking}. */
public final class BacktrackingProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public BacktrackingProvider() {
        super(BacktrackingLineSearch.NAME, BacktrackingLineSearch.HYPERPARAMETERS, BacktrackingLineSearch::of,
                "Armijo backtracking along the incoming direction (-g if it is not a descent direction), values only"
                + " (Armijo 1966; Nocedal and Wright 2006, Algorithm 3.1)");
    }
}
