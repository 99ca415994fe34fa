package dev.fluxion.landscapes.catalog;

import java.util.SplittableRandom;

/**
 * Standard normal numbers from a seed by the Box-Muller transform over {@link SplittableRandom}'s uniform
 * doubles: z1 = sqrt(-2 ln u1) cos(2 pi u2), z2 = sqrt(-2 ln u1) sin(2 pi u2). Both generators are fixed
 * algorithms (SplitMix64 is specified by its Javadoc), so the same seed gives the same numbers bit for bit on
 * every JVM, which the JDK's own {@code nextGaussian} does not promise across versions.
 *
 * <p>Source: Box, G. E. P. and Muller, M. E. (1958), A note on the generation of random normal deviates,
 * Annals of Mathematical Statistics 29(2), 610-611.
 */
final class GaussianSampler {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    GaussianSampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next standard normal number. */
    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = 1.0 - random.nextDouble(); // in (0, 1], so the logarithm is finite
        double u2 = random.nextDouble();
        double radius = Math.sqrt(-2 * Math.log(u1));
        spare = radius * Math.sin(2 * Math.PI * u2);
        hasSpare = true;
        return radius * Math.cos(2 * Math.PI * u2);
    }

    /** A uniform number in [0, 1) from the same stream. */
    double uniform() {
        return random.nextDouble();
    }

    /** n standard normal numbers. */
    double[] vector(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = next();
        }
        return v;
    }

    /** A rows by columns matrix of standard normal numbers, filled row by row. */
    double[][] matrix(int rows, int columns) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = vector(columns);
        }
        return m;
    }
}
