package dev.fluxion.dsl.tape;

/**
 * How a compiled expression computes its gradient.
 *
 * <ul>
 *   <li>{@link #REVERSE}: one forward sweep for values and one reverse sweep for adjoints; the cost is a small
 *       multiple of the value's, whatever the number of variables.</li>
 *   <li>{@link #FORWARD}: one forward sweep carrying n tangents at once (one per variable); cheaper than reverse
 *       for very few variables, since nothing is swept twice, and costlier as n grows.</li>
 *   <li>{@link #AUTO}: forward for at most {@link #FORWARD_UP_TO} variables, reverse otherwise.</li>
 * </ul>
 */
public enum GradientMode {
    /** Forward mode for at most {@link #FORWARD_UP_TO} variables, reverse otherwise. */
    AUTO,
    /** Reverse mode (adjoints). */
    REVERSE,
    /** Forward mode with one tangent per variable, all carried in one sweep. */
    FORWARD;

    /**
     * AUTO takes forward mode up to this many variables. It is 0, so AUTO always means reverse: the JMH run in
     * {@code benchmarks/} found the multi-tangent forward sweep about 1.4 times slower than the reverse sweep even
     * for Beale's two variables, since both sweep the same nodes once after the values and reverse skips the
     * nodes whose adjoint is zero.
     */
    public static final int FORWARD_UP_TO = 0;

    /** The concrete mode for n variables. */
    GradientMode resolve(int dimension) {
        // dimension <= FORWARD_UP_TO keeps the rule in one place should a measurement move the threshold
        if (this != AUTO) {
            return this;
        }
        return dimension <= FORWARD_UP_TO ? FORWARD : REVERSE;
    }
}
