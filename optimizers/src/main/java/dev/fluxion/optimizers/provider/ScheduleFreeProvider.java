package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.ScheduleFree;

/** The provider of {@link ScheduleFree}, the spec name {@code scheduleFree}. */
public final class ScheduleFreeProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScheduleFreeProvider() {
        super(ScheduleFree.NAME, ScheduleFree.HYPERPARAMETERS, ScheduleFree::of,
                "Schedule-Free averaging around a base direction (Defazio et al., NeurIPS 2024)");
    }
}
