package dev.fluxion.spark;

import java.io.Serializable;

/**
 * The runs of one Spark task, as numbers over the job's {@link RunTable}: consecutive runs of the job from position
 * {@link #first}, each its row of settings, its row of starts, its start index and its seed index (16 bytes a run).
 */
final class RunBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The position of the block's first run among the job's runs. */
    final int first;
    private final int[] settings;
    private final int[] starts;
    private final int[] startIndices;
    private final int[] seedIndices;

    private RunBlock(int first, int[] settings, int[] starts, int[] startIndices, int[] seedIndices) {
        this.first = first;
        this.settings = settings;
        this.starts = starts;
        this.startIndices = startIndices;
        this.seedIndices = seedIndices;
    }

    /** How many runs the block holds. */
    int size() {
        return settings.length;
    }

    int settings(int i) {
        return settings[i];
    }

    int start(int i) {
        return starts[i];
    }

    int startIndex(int i) {
        return startIndices[i];
    }

    int seedIndex(int i) {
        return seedIndices[i];
    }

    /** A block filled run by run, {@code size} runs from position {@code first}. */
    static final class Builder {
        private final int first;
        private final int[] settings;
        private final int[] starts;
        private final int[] startIndices;
        private final int[] seedIndices;
        private int size;

        Builder(int first, int size) {
            this.first = first;
            settings = new int[size];
            starts = new int[size];
            startIndices = new int[size];
            seedIndices = new int[size];
        }

        void add(int settingsRow, int startRow, int startIndex, int seedIndex) {
            settings[size] = settingsRow;
            starts[size] = startRow;
            startIndices[size] = startIndex;
            seedIndices[size] = seedIndex;
            size++;
        }

        RunBlock build() {
            if (size != settings.length) throw new IllegalStateException(size + " of " + settings.length + " runs added");
            return new RunBlock(first, settings, starts, startIndices, seedIndices);
        }
    }
}
