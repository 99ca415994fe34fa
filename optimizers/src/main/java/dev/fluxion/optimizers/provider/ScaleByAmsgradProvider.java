package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScaleByAmsgrad;

/** The provider of {@link ScaleByAmsgrad}, the spec name {@code scaleByAmsgrad}. */
public final class ScaleByAmsgradProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScaleByAmsgradProvider() {
        super(ScaleByAmsgrad.NAME, ScaleByAmsgrad.HYPERPARAMETERS, ScaleByAmsgrad::of,
                "AMSGrad's direction, Adam's with a non-decreasing second moment (Reddi, Kale and Kumar, ICLR 2018)");
    }
}
