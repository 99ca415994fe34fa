package dev.fluxion.dsl.function;

/**
 * A function printed as a power of its argument, {@code x^p}: {@link PowerOf}, and the {@link CuspPower} that
 * the slopes of roots use. Printers ask for this type; rewriting rules that rely on x^p's algebra ask for
 * {@link PowerOf} itself, since a cusp power differs from the plain power at 0.
 */
public interface Power extends UnaryFunction {

    /** The constant exponent p. */
    double exponent();
}
