package dev.fluxion.landscapes;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An axis-aligned box lower_i &lt;= x_i &lt;= upper_i: the domain on which a landscape is usually studied (its
 * search domain in the benchmark literature), where random starts are drawn and plots are framed.
 *
 * @param lower the lower corner (copied in and out)
 * @param upper the upper corner, component-wise at least the lower one (copied in and out)
 */
public record Box(double[] lower, double[] upper) {

    /** Checks the corners and copies them. */
    public Box {
        if (lower.length != upper.length || lower.length == 0) {
            throw new LandscapeException("a box needs two corners of the same positive dimension, got "
                    + lower.length + " and " + upper.length);
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new LandscapeException("box side " + i + " is empty: lower " + lower[i] + " > upper " + upper[i]);
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** The cube [lower, upper]^n. */
    public static Box cube(int dimension, double lower, double upper) {
        double[] lo = new double[dimension];
        double[] hi = new double[dimension];
        Arrays.fill(lo, lower);
        Arrays.fill(hi, upper);
        return new Box(lo, hi);
    }

    /** The number of sides n. */
    public int dimension() {
        return lower.length;
    }

    /** A copy of the lower corner. */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of the upper corner. */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** Whether x lies in the box (boundary included). */
    public boolean contains(double[] x) {
        if (x.length != lower.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] < lower[i] || x[i] > upper[i]) {
                return false;
            }
        }
        return true;
    }

    /** A point drawn uniformly from the box. */
    public double[] sample(SplittableRandom random) {
        double[] x = new double[lower.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = lower[i] + (upper[i] - lower[i]) * random.nextDouble();
        }
        return x;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lower) * 31 + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lower.length; i++) {
            text.append(i == 0 ? "" : " x ").append('[').append(lower[i]).append(", ").append(upper[i]).append(']');
        }
        return text.toString();
    }
}
