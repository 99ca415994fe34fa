package dev.fluxion.spark;

import dev.fluxion.lab.engine.Budget;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.TracePolicy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the runs of one pair share, as a Spark job carries it to the executors once ({@link RunTable}): every field of
 * a {@link RunSpec} but the start and the seed. The budget goes whole ({@link Budget} is serializable: every field as
 * it is, the doubles by their bits, so a field it gains crosses too); the trace policy by its kind and numbers. The
 * executor rebuilds each run's spec from these settings, the run's start and its seed index ({@link #toSpec}), so its
 * key and seed are the driver's.
 */
final class RunSettings implements Serializable {
    private static final long serialVersionUID = 4L;

    private final String optimizerLabel;
    private final String optimizerSpec;
    private final String landscapeLabel;
    private final String landscapeSpec;
    private final long studySeed;
    private final Budget budget;
    /** 0 none, 1 log (with {@link #traceLong} keep-all and {@link #traceRatio}), 2 every {@link #traceLong} steps. */
    private final int traceKind;
    private final long traceLong;
    private final double traceRatio;
    /**
     * The trace policy, made from the fields above by the first {@link #toSpec} (each task deserialises its own copy
     * of the table, so no two threads share it).
     */
    private transient TracePolicy traces;

    private RunSettings(RunSpec spec) {
        optimizerLabel = spec.getOptimizerLabel();
        optimizerSpec = spec.getOptimizerSpec();
        landscapeLabel = spec.getLandscapeLabel();
        landscapeSpec = spec.getLandscapeSpec();
        studySeed = spec.getStudySeed();
        budget = spec.getBudget();
        TracePolicy traces = spec.getTraces();
        if (traces instanceof TracePolicy.Log log) {
            traceKind = 1;
            traceLong = log.getKeepAll();
            traceRatio = log.getRatio();
        } else if (traces instanceof TracePolicy.Every every) {
            traceKind = 2;
            traceLong = every.getInterval();
            traceRatio = 0;
        } else if (traces == TracePolicy.NONE) {
            traceKind = 0;
            traceLong = 0;
            traceRatio = 0;
        } else {
            throw new IllegalArgumentException("trace policy " + traces.getText() + " has no Spark encoding");
        }
    }

    /** The settings of {@code spec}: all of it but its start and seed. */
    static RunSettings of(RunSpec spec) {
        return new RunSettings(spec);
    }

    /**
     * What makes two specs' settings the same: equal optimizers, landscapes, labels, study seeds, budgets and trace
     * policies (doubles compared by their bits, as {@link Double#equals} does).
     */
    record Key(String optimizerLabel, String optimizerSpec, String landscapeLabel, String landscapeSpec, long studySeed,
               Budget budget, TracePolicy traces) {
        /** The key of {@code spec}'s settings. */
        static Key of(RunSpec spec) {
            return new Key(spec.getOptimizerLabel(), spec.getOptimizerSpec(), spec.getLandscapeLabel(),
                spec.getLandscapeSpec(), spec.getStudySeed(), spec.getBudget(), spec.getTraces());
        }
    }

    /** The spec of the run with these settings, start {@code startIndex} at {@code start}, and seed {@code seedIndex}. */
    RunSpec toSpec(int startIndex, double[] start, int seedIndex) {
        if (traces == null) { // once per task: the runs of these settings share one trace policy
            traces = switch (traceKind) {
                case 1 -> new TracePolicy.Log(traceLong, traceRatio);
                case 2 -> new TracePolicy.Every(traceLong);
                default -> TracePolicy.NONE;
            };
        }
        return new RunSpec(optimizerLabel, optimizerSpec, landscapeLabel, landscapeSpec, startIndex, list(start),
            seedIndex, studySeed, budget, traces);
    }

    static double[] doubles(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) array[i] = values.get(i);
        return array;
    }

    static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) list.add(v);
        return list;
    }
}
