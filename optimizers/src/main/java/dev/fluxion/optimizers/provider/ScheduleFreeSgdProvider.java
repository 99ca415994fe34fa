package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.named.ScheduleFreeSgd;

/** The provider of {@link ScheduleFreeSgd}, the spec name {@code scheduleFreeSgd}. */
public final class ScheduleFreeSgdProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public ScheduleFreeSgdProvider() {
        super(ScheduleFreeSgd.NAME, ScheduleFreeSgd.HYPERPARAMETERS, ScheduleFreeSgd::of,
                "Schedule-Free SGD, interpolation and averaging instead of momentum"
                        + " (Defazio et al., \"The Road Less Scheduled\", NeurIPS 2024)");
    }
}
