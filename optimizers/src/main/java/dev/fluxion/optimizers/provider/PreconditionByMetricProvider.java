package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.PreconditionByMetric;

/** The provider of {@link PreconditionByMetric}, the spec name {@code preconditionByMetric}. */
public final class PreconditionByMetricProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public PreconditionByMetricProvider() {
        super(PreconditionByMetric.NAME, PreconditionByMetric.HYPERPARAMETERS, PreconditionByMetric::of,
                "d <- (G + damping I)^-1 d with G the objective's metric, the natural gradient's direction (Amari "
                        + "1998)");
    }
}
