package dev.fluxion.landscapes;

/**
 * The second-order classification of a point from the eigenvalues of the Hessian there.
 *
 * <ul>
 *   <li>{@link #MIN}: all eigenvalues positive (a strict local minimum if the gradient vanishes);</li>
 *   <li>{@link #MAX}: all negative;</li>
 *   <li>{@link #SADDLE}: some positive and some negative (indefinite);</li>
 *   <li>{@link #DEGENERATE}: no eigenvalues of opposite signs, but at least one zero, so the second-order test
 *       decides nothing (the monkey saddle x^3 - 3xy^2 at 0, for one).</li>
 * </ul>
 */
public enum Curvature {
    /** Positive definite. */
    MIN,
    /** Negative definite. */
    MAX,
    /** Indefinite. */
    SADDLE,
    /** Semi-definite and singular. */
    DEGENERATE
}
