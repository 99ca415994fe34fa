package dev.fluxion.dsl.spec;

/**
 * An interval of allowed values for a numeric parameter, printed in interval notation: {@code (0, inf)},
 * {@code [0, 1)}, {@code [2, 10000]}.
 *
 * @param min          the lower end (may be negative infinity)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          the upper end (may be positive infinity)
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    /** (0, inf): step sizes, norms. */
    public static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, false);
    /** [0, inf): epsilons, decay rates, damping. */
    public static final Range NON_NEGATIVE = new Range(0, true, Double.POSITIVE_INFINITY, false);
    /** [0, 1): momentum and moment decay coefficients. */
    public static final Range UNIT_HALF_OPEN = new Range(0, true, 1, false);
    /** (0, 1]: multiplicative decays. */
    public static final Range UNIT_DECAY = new Range(0, false, 1, true);
    /** [1, inf): counts of steps. */
    public static final Range COUNT = new Range(1, true, Double.POSITIVE_INFINITY, false);

    /** The closed interval [min, max]. */
    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    /** Whether {@code value} lies in this range (NaN never does). */
    public boolean contains(double value) {
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    @Override
    public String toString() {
        return (minInclusive ? "[" : "(") + end(min) + ", " + end(max) + (maxInclusive ? "]" : ")");
    }

    private static String end(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : value == (double) Long.MAX_VALUE ? Long.toString(Long.MAX_VALUE) : Double.toString(value);
    }
}
