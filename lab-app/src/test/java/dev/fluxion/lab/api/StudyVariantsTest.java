package dev.fluxion.lab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.lab.engine.Progress;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.store.RunRow;
import dev.fluxion.landscapes.Landscape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java face of a study's other variants: {@code submit()}, a {@code CompletableFuture} of the results, and the
 * stored runs read back as Java records ({@link RunRow}), each checked against gradient descent written out here.
 */
class StudyVariantsTest {

    /** Booth's f = (x + 2y - 7)^2 + (2x + y - 5)^2. */
    private static double booth(double x, double y) {
        return Math.pow(x + 2 * y - 7, 2) + Math.pow(2 * x + y - 5, 2);
    }

    @Test
    void aSubmittedComparisonCompletesWithTheRunsOfGradientDescentByHandAndReadsBackAsRecords(@TempDir Path folder)
            throws Exception {
        Landscape booth = LandscapeFactories.booth();
        // 50 steps of x - lr grad f from the default start; booth's gradient is
        // (2(x + 2y - 7) + 4(2x + y - 5), 4(x + 2y - 7) + 2(2x + y - 5)); at lr = 0.01 its error shrinks by at most
        // 1 - 0.01 * 2 a step (mu = 2, L = 18), so the gap stays above the finest target and the run takes all 50
        double[] p = booth.facts().start();
        for (int k = 0; k < 50; k++) {
            double a = p[0] + 2 * p[1] - 7;
            double b = 2 * p[0] + p[1] - 5;
            p = new double[] {p[0] - 0.01 * (2 * a + 4 * b), p[1] - 0.01 * (4 * a + 2 * b)};
        }
        List<Progress> events = new ArrayList<>();
        CompletableFuture<StudyResults> future = Compare.builder()
                .optimizers("gd(lr=0.01)")
                .landscapes(booth)
                .starts("default")
                .steps(50)
                .threads(1)
                .store(folder.resolve("submitted.sqlite"))
                .submit(events::add);
        StudyResults results = future.get(5, TimeUnit.MINUTES);
        RunResult run = results.getRuns().get(0);
        assertEquals(50, run.getSteps());
        assertEquals(p[0], run.getFinalPoint().get(0), 1e-12 * Math.abs(p[0]));
        assertEquals(p[1], run.getFinalPoint().get(1), 1e-12 * Math.abs(p[1]));
        assertTrue(events.stream().anyMatch(e -> e instanceof Progress.Planned planned && planned.getTotal() == 1));

        assertTrue(RunRow.class.isRecord());
        List<RunRow> rows = RunRow.read(results.getStore());
        assertEquals(1, rows.size());
        RunRow row = rows.get(0);
        assertEquals("gd(lr=0.01)", row.optimizer());
        assertEquals("booth", row.landscape());
        assertEquals(50, row.steps());
        assertEquals(booth(p[0], p[1]), row.finalValue(), 1e-12 * booth(p[0], p[1]));
        // the trace as columns of the record: every step to 100 is kept (the log policy), its first value f at the start
        double[] start = booth.facts().start();
        assertEquals(booth(start[0], start[1]), row.trace().getLoss()[0], 1e-12 * booth(start[0], start[1]));
    }
}
