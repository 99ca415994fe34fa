package dev.fluxion.dsl.calculus;

import java.util.List;

/**
 * The least (or greatest) value of a function on a closed interval and every place where it is attained, ties
 * included (values within a relative 1e-10 of each other count as equal).
 *
 * @param value     the extreme value
 * @param locations where it is attained, in increasing order
 */
public record GlobalExtremum(double value, List<Double> locations) {
    /** Copies the locations. */
    public GlobalExtremum {
        locations = List.copyOf(locations);
    }
}
