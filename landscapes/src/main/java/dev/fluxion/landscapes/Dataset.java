package dev.fluxion.landscapes;

import java.util.Arrays;

/**
 * The seeded synthetic data behind a statistical or ML landscape: one row of inputs per sample and one target
 * per sample (a real number for regression, a class index 0 .. k-1 or a label -1/+1 for classification; for
 * a one-dimensional sample such as the Gaussian's, the inputs have no columns and the targets are the sample).
 *
 * <p>Equality is bit for bit, so {@code a.equals(b)} says the same spec and seed gave the same data.
 *
 * @param inputs the input rows (deep-copied in and out)
 * @param targets the targets (copied in and out)
 */
public record Dataset(double[][] inputs, double[] targets) {

    /** The most values (samples x columns) a generated data set may hold: 160 MB of doubles. */
    public static final long MAX_VALUES = 20_000_000L;

    /**
     * Checks, before any data is generated, that {@code samples} rows of {@code columns} values fit in
     * {@link #MAX_VALUES}.
     *
     * @throws LandscapeException naming the landscape, both counts and the limit
     */
    public static void checkSize(String landscape, long samples, long columns) {
        if (samples * Math.max(columns, 1) > MAX_VALUES) {
            throw new LandscapeException(landscape + ": samples x features = " + samples + " x " + columns + " = "
                    + samples * Math.max(columns, 1) + " values; at most " + MAX_VALUES
                    + " fit in a landscape's data set (fewer samples or features)");
        }
    }

    /** Checks one row per target and copies. */
    public Dataset {
        if (inputs.length != targets.length) {
            throw new LandscapeException("a data set needs one input row per target: " + inputs.length + " rows, "
                    + targets.length + " targets");
        }
        inputs = deepCopy(inputs);
        targets = targets.clone();
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** The number of samples. */
    public int size() {
        return targets.length;
    }

    /** A copy of the input rows. */
    @Override
    public double[][] inputs() {
        return deepCopy(inputs);
    }

    /** A copy of the targets. */
    @Override
    public double[] targets() {
        return targets.clone();
    }

    /** Bit-for-bit equality of inputs and targets ({@code Arrays.equals} compares doubles by their bits). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && Arrays.deepEquals(inputs, d.inputs) && Arrays.equals(targets, d.targets);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(inputs) * 31 + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "dataset of " + size() + " samples" + (inputs.length > 0 && inputs[0].length > 0
                ? " with " + inputs[0].length + " inputs" : "");
    }
}
