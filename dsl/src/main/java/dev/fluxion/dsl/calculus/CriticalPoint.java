package dev.fluxion.dsl.calculus;

/**
 * A critical point c of a one-variable function f, where f'(c) = 0, with what it is and how that was decided.
 *
 * @param location             c
 * @param value                f(c)
 * @param classification       minimum, maximum, inflection or flat
 * @param decidedBy            the test that decided the classification
 * @param order                the order n of the derivative that decided it: 1 for the first-derivative test, 2
 *                             for the second, n for the higher-order test, the highest order examined for
 *                             {@link Criterion#NONE}
 * @param firstDerivativeTest  what the first-derivative test alone says, whichever test decided
 */
public record CriticalPoint(double location, double value, Classification classification, Criterion decidedBy,
                            int order, Classification firstDerivativeTest) {
}
