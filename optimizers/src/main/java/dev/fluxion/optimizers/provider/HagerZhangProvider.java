package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.linesearch.HagerZhangLineSearch;

/** The provider of {@link HagerZhangLineSearch}, the spec name {@code hagerZhang}. */
public final class HagerZhangProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public HagerZhangProvider() {
        super(HagerZhangLineSearch.NAME, HagerZhangLineSearch.HYPERPARAMETERS, HagerZhangLineSearch::of,
                "Hager-Zhang line search along the incoming direction (-g if it is not a descent direction): Wolfe or"
                + " approximate Wolfe, bracketing, double secant steps and bisection (Hager and Zhang, SIAM J. Optim."
                + " 2005, section 4)");
    }
}
