package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.PreconditionByHessian;

/** The provider of {@link PreconditionByHessian}, the spec name {@code preconditionByHessian}. */
public final class PreconditionByHessianProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public PreconditionByHessianProvider() {
        super(PreconditionByHessian.NAME, PreconditionByHessian.HYPERPARAMETERS, PreconditionByHessian::of,
                "d <- H^-1 d with a remedy for indefinite Hessians, Newton's direction (Nocedal and Wright 2006, ch. "
                        + "3)");
    }
}
