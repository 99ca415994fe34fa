package dev.fluxion.landscapes;

import java.util.Arrays;

/**
 * A point where the gradient vanishes, with the value there and its second-order classification.
 *
 * @param location the point (copied in and out)
 * @param value f at the point
 * @param curvature what the Hessian's eigenvalues say there
 */
public record CriticalPoint(double[] location, double value, Curvature curvature) {

    /** Copies the location, so the record stays immutable. */
    public CriticalPoint {
        location = location.clone();
    }

    /** A copy of the point. */
    @Override
    public double[] location() {
        return location.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CriticalPoint p && Arrays.equals(location, p.location)
                && Double.compare(value, p.value) == 0 && curvature == p.curvature;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(location) * 31 + Double.hashCode(value) + curvature.hashCode();
    }

    @Override
    public String toString() {
        return curvature + " at " + Arrays.toString(location) + ", f = " + value;
    }
}
