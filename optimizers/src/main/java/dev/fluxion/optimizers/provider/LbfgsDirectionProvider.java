package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.LbfgsDirection;

/** The provider of {@link LbfgsDirection}, the spec name {@code lbfgsDirection}. */
public final class LbfgsDirectionProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public LbfgsDirectionProvider() {
        super(LbfgsDirection.NAME, LbfgsDirection.HYPERPARAMETERS, LbfgsDirection::of,
                "the L-BFGS direction d <- -H d by the two-loop recursion over the last m secant pairs, before a line"
                + " search (Liu and Nocedal 1989; Nocedal and Wright 2006, Algorithm 7.4)");
    }
}
