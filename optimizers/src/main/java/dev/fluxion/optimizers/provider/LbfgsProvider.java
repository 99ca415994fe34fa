package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Lbfgs;

/** The provider of {@link Lbfgs}, the spec name {@code lbfgs}. */
public final class LbfgsProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public LbfgsProvider() {
        super(Lbfgs.NAME, Lbfgs.HYPERPARAMETERS, Lbfgs::of,
                "limited-memory BFGS: two-loop recursion with gamma = s'y/y'y, then a line search (Nocedal 1980;"
                + " Liu and Nocedal 1989; Nocedal and Wright 2006, Algorithm 7.4)");
    }
}
