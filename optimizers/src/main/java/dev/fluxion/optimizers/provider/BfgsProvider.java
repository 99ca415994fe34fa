package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Bfgs;

/** The provider of {@link Bfgs}, the spec name {@code bfgs}. */
public final class BfgsProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public BfgsProvider() {
        super(Bfgs.NAME, Bfgs.HYPERPARAMETERS, Bfgs::of,
                "BFGS with a dense inverse-Hessian update, H_0 = (y's/y'y) I, then a line search (Broyden, Fletcher,"
                + " Goldfarb, Shanno 1970; Nocedal and Wright 2006, eqs. 6.17 and 6.20)");
    }
}
