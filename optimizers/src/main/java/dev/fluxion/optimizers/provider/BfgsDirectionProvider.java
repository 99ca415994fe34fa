package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.BfgsDirection;

/** The provider of {@link BfgsDirection}, the spec name {@code bfgsDirection}. */
public final class BfgsDirectionProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public BfgsDirectionProvider() {
        super(BfgsDirection.NAME, BfgsDirection.HYPERPARAMETERS, BfgsDirection::of,
                "the BFGS direction d <- -H d with a dense inverse-Hessian update, before a line search (Nocedal and"
                + " Wright 2006, eqs. 6.17 and 6.20)");
    }
}
