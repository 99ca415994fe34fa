package dev.fluxion.benchmarks;

import java.util.Arrays;

/** The median of measured times or ratios, as the engine's timing tools report them. */
final class Median {
    private Median() {
    }

    /** The middle value, or the mean of the two middle ones for an even count; NaN for none. */
    static double of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
