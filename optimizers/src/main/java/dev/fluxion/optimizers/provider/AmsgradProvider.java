package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.Amsgrad;

/** The provider of {@link Amsgrad}, the spec name {@code amsgrad}. */
public final class AmsgradProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public AmsgradProvider() {
        super(Amsgrad.NAME, Amsgrad.HYPERPARAMETERS, Amsgrad::of,
                "AMSGrad, Adam with a non-decreasing second moment (Reddi, Kale and Kumar, ICLR 2018)");
    }
}
