package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ValueClip;

/** The provider of {@link ValueClip}, the spec name {@code clipValue}. */
public final class ValueClipProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ValueClipProvider() {
        super(ValueClip.NAME, ValueClip.HYPERPARAMETERS, ValueClip::of,
                "clip each component to [-value, value] (Mikolov 2012)");
    }
}
