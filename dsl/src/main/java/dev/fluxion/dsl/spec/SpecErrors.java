package dev.fluxion.dsl.spec;

/**
 * How a module turns a spec error into its own exception type ({@code OptimizerException::new},
 * {@code LandscapeException::new}), so that the shared spec stack throws what each module documents.
 */
@FunctionalInterface
public interface SpecErrors {

    /** The exception for {@code message} at the 1-based {@code column} of the spec (0 when there is none). */
    RuntimeException error(String message, int column);
}
