package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.ScheduleFreeAdamw;

/** The provider of {@link ScheduleFreeAdamw}, the spec name {@code scheduleFreeAdamw}. */
public final class ScheduleFreeAdamwProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScheduleFreeAdamwProvider() {
        super(ScheduleFreeAdamw.NAME, ScheduleFreeAdamw.HYPERPARAMETERS, ScheduleFreeAdamw::of,
                "Schedule-Free AdamW, Adam without momentum inside Schedule-Free averaging"
                        + " (Defazio et al., \"The Road Less Scheduled\", NeurIPS 2024)");
    }
}
