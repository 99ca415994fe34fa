package dev.fluxion.optimizers.provider;

import dev.fluxion.optimizers.TypedProvider;
import dev.fluxion.optimizers.transform.Trace;

/** The provider of {@link Trace}, the spec name {@code trace}. */
public final class TraceProvider extends TypedProvider {

    /** The provider {@link java.util.ServiceLoader} creates. */
    public TraceProvider() {
        super(Trace.NAME, Trace.HYPERPARAMETERS, Trace::of,
                "momentum t <- decay t + d, handing on t or d + decay t (nesterov) (Polyak 1964; optax's trace)");
    }
}
