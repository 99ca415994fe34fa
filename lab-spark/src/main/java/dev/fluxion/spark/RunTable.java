package dev.fluxion.spark;

import dev.fluxion.lab.engine.RunSpec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runs of a Spark job share, sent to each executor once (in the job's function, which Spark broadcasts):
 * the distinct {@link RunSettings} of the runs and their distinct start points. Each run is then four numbers of a
 * {@link RunBlock}: its settings and start by their rows here, its start index and its seed index. A study of a
 * million runs of one pair is one row of settings, a thousand starts and 16 MB of indices, where whole specs were
 * several hundred bytes a run to make, serialise and send.
 */
final class RunTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RunSettings[] settings;
    private final double[][] starts;

    private RunTable(RunSettings[] settings, double[][] starts) {
        this.settings = settings;
        this.starts = starts;
    }

    /** A job's runs: the table they share and their blocks, one per task, in the order of the runs. */
    record Split(RunTable table, List<RunBlock> blocks) {
    }

    /**
     * Splits {@code runs} into {@code tasks} blocks of consecutive runs (sizes differing by one at most) over one
     * table. Consecutive runs of a study mostly share their settings' and start's objects, which are then found
     * without hashing.
     */
    static Split split(List<RunSpec> runs, int tasks) {
        List<RunSettings> settings = new ArrayList<>();
        Map<RunSettings.Key, Integer> settingsRows = new HashMap<>();
        List<double[]> starts = new ArrayList<>();
        Map<List<Double>, Integer> startRows = new HashMap<>();
        List<RunBlock> blocks = new ArrayList<>(tasks);
        RunSpec previous = null;
        int settingsRow = -1;
        int startRow = -1;
        for (int b = 0; b < tasks; b++) {
            int from = (int) ((long) b * runs.size() / tasks);
            int to = (int) ((long) (b + 1) * runs.size() / tasks);
            RunBlock.Builder block = new RunBlock.Builder(from, to - from);
            for (int position = from; position < to; position++) {
                RunSpec spec = runs.get(position);
                if (previous == null || !sameSettingsObjects(spec, previous)) {
                    settingsRow = settingsRows.computeIfAbsent(RunSettings.Key.of(spec), key -> {
                        settings.add(RunSettings.of(spec));
                        return settings.size() - 1;
                    });
                }
                if (previous == null || spec.getStart() != previous.getStart()) {
                    startRow = startRows.computeIfAbsent(spec.getStart(), start -> {
                        starts.add(RunSettings.doubles(start));
                        return starts.size() - 1;
                    });
                }
                block.add(settingsRow, startRow, spec.getStartIndex(), spec.getSeedIndex());
                previous = spec;
            }
            blocks.add(block.build());
        }
        return new Split(new RunTable(settings.toArray(RunSettings[]::new), starts.toArray(double[][]::new)), blocks);
    }

    /** Whether {@code spec}'s settings are the very objects of {@code other}'s (so certainly equal). */
    private static boolean sameSettingsObjects(RunSpec spec, RunSpec other) {
        return spec.getOptimizerLabel() == other.getOptimizerLabel() && spec.getOptimizerSpec() == other.getOptimizerSpec()
            && spec.getLandscapeLabel() == other.getLandscapeLabel() && spec.getLandscapeSpec() == other.getLandscapeSpec()
            && spec.getStudySeed() == other.getStudySeed() && spec.getBudget() == other.getBudget()
            && spec.getTraces() == other.getTraces();
    }

    /** How many distinct settings the runs have. */
    int settingsRows() {
        return settings.length;
    }

    /** How many distinct start points the runs have. */
    int startRows() {
        return starts.length;
    }

    /** The spec of the {@code i}-th run of {@code block}, equal to the one split. */
    RunSpec spec(RunBlock block, int i) {
        return settings[block.settings(i)].toSpec(block.startIndex(i), starts[block.start(i)], block.seedIndex(i));
    }
}
