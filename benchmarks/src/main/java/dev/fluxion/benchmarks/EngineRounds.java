package dev.fluxion.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine's two bounds (issue 6) from rounds of {@link EngineBenchmark}: each round is one JMH run of one fork
 * per variant, the variants back to back, so that a slow spell of the machine (on ours they last minutes and slow
 * whichever fork runs then by up to 60%) falls on the variants of a round alike rather than on all forks of one
 * variant. For each round it prints the median iteration of each variant and the round's two ratios, engine on 1
 * thread / bare loop (at most 1.1) and 1 thread / 2 threads (at least 1.8); then the medians over all rounds'
 * iterations, their ratios, the median of the rounds' own ratios, and how many rounds were within each bound.
 *
 * <p>{@code benchmarks/engine-rounds [rounds]} runs the rounds and calls this;
 * {@code java -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.EngineRounds round-1.json round-2.json ...}
 * reads rounds already run.
 */
public final class EngineRounds {
    static final String BARE = "EngineBenchmark.bareLoop";
    static final String ONE = "EngineBenchmark.engineOneThread";
    static final String TWO = "EngineBenchmark.engineTwoThreads";
    static final String[] VARIANTS = {BARE, "EngineBenchmark.runLoopOnly", ONE,
        "EngineBenchmark.engineOneThreadSuspending", TWO};

    private EngineRounds() {
    }

    public static void main(String[] args) throws IOException {
        List<JmhResults> rounds = new ArrayList<>();
        for (String file : args) {
            rounds.add(JmhResults.read(Path.of(file)));
        }
        print(rounds, System.out);
    }

    /** The per-round table and the summary, for rounds that each measured at least the bare loop and the engine. */
    static void print(List<JmhResults> rounds, PrintStream out) {
        out.println("| round | bare loop | run loop alone | engine, 1 thread | engine, 1 thread, suspending API"
                + " | engine, 2 threads | engine / bare | 1 / 2 threads |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        List<Double> overheads = new ArrayList<>();
        List<Double> speedUps = new ArrayList<>();
        List<List<Double>> all = new ArrayList<>();
        for (int v = 0; v < VARIANTS.length; v++) {
            all.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds.size(); r++) {
            StringBuilder row = new StringBuilder("| ").append(r + 1).append(" |");
            double[] medians = new double[VARIANTS.length];
            for (int v = 0; v < VARIANTS.length; v++) {
                List<Double> iterations = rounds.get(r).get(VARIANTS[v]).map(JmhResults.Result::iterations)
                        .orElse(List.of());
                all.get(v).addAll(iterations);
                medians[v] = median(iterations);
                row.append(' ').append(format(medians[v])).append(" |");
            }
            double overhead = medians[2] / medians[0];
            double speedUp = medians[2] / medians[4];
            if (!Double.isNaN(overhead)) {
                overheads.add(overhead);
            }
            if (!Double.isNaN(speedUp)) {
                speedUps.add(speedUp);
            }
            out.println(row.append(' ').append(format(overhead)).append(" | ").append(format(speedUp)).append(" |"));
        }
        double bare = median(all.get(0));
        double one = median(all.get(2));
        double two = median(all.get(4));
        out.println();
        out.printf(Locale.ROOT, "medians of all iterations (ms): bare loop %s, run loop alone %s, engine 1 thread %s,"
                        + " suspending API %s, engine 2 threads %s%n", format(bare), format(median(all.get(1))),
                format(one), format(median(all.get(3))), format(two));
        out.printf(Locale.ROOT, "engine / bare loop: %s of the medians, %s as the median of the rounds' ratios;"
                        + " %d of %d rounds at most 1.1%n", format(one / bare), format(median(overheads)),
                overheads.stream().filter(x -> x <= 1.1).count(), overheads.size());
        out.printf(Locale.ROOT, "1 thread / 2 threads: %s of the medians, %s as the median of the rounds' ratios;"
                        + " %d of %d rounds at least 1.8%n", format(one / two), format(median(speedUps)),
                speedUps.stream().filter(x -> x >= 1.8).count(), speedUps.size());
    }

    /** The median ({@link Median#of}), NaN for none. */
    static double median(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return Median.of(array);
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
