package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.linesearch.PolyakStep;

/** The provider of {@link PolyakStep}, the spec name {@code polyak}. */
public final class PolyakProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public PolyakProvider() {
        super(PolyakStep.NAME, PolyakStep.HYPERPARAMETERS, PolyakStep::of,
                "Polyak's step size along the incoming direction (-g if it is not a descent direction),"
                + " a = scale (f - f*) / (-g'd), no evaluations (Polyak 1987, section 5.3)");
    }
}
