package dev.fluxion.dsl.calculus;

/** The test that classified a critical point c, where f'(c) = 0. */
public enum Criterion {
    /** The first-derivative test: the signs of f'(c - delta) and f'(c + delta). */
    FIRST_DERIVATIVE,
    /** The second-derivative test: f''(c) &gt; 0 is a minimum, f''(c) &lt; 0 a maximum. */
    SECOND_DERIVATIVE,
    /**
     * The higher-order test: with f^(n)(c) the first nonzero derivative of order n &gt;= 3, an even n gives a minimum
     * where it is positive and a maximum where it is negative, an odd n an inflection.
     */
    HIGHER_DERIVATIVE,
    /** No test decided: every derivative up to the order examined vanishes, so the point is {@code FLAT}. */
    NONE
}
