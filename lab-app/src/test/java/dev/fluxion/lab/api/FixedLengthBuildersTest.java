package dev.fluxion.lab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.study.RateRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java face of the rates, scan and tune builders, of the same shape as {@code Compare.builder()}:
 * {@code Rates.builder()...fixedLength().run()} and alike, each run taking its whole step budget.
 */
class FixedLengthBuildersTest {

    @Test
    void aJavaRatesStudyOfFixedLengthRunsFitsTheRateOfGradientDescent(@TempDir Path folder) {
        StudyResults results = Rates.builder()
                .rules("gd@1/L")
                .kappas(10.0)
                .dimension(2)
                .steps(300)
                .fixedLength()
                .threads(1)
                .store(folder.resolve("rates.sqlite"))
                .run();
        RunResult run = results.getRuns().get(0);
        // fixed length: all 300 steps, though the floor 1e-14 is passed within 200 (the error shrinks by 0.9 a step)
        assertEquals(300, run.getSteps());
        assertTrue(run.getHitSteps().get(run.getHitSteps().size() - 1) < 200);
        List<RateRow> rows = results.rateRows();
        // gradient descent at 1/L on a quadratic of condition number kappa contracts the error by 1 - 1/kappa a step
        assertEquals(1 - 1 / 10.0, rows.get(0).getTheoreticalRate(), 1e-15);
        assertEquals(0.9, rows.get(0).getFittedRate(), 1e-3);
        assertEquals("true", results.getStudy().properties().get("fixed-length"));
    }

    @Test
    void javaScanAndTuneStudiesOfFixedLengthRunsTakeEveryStep(@TempDir Path folder) {
        StudyResults scan = Scan.builder()
                .optimizer("gd")
                .landscape("quadratic(dim=2, kappa=10)")
                .learningRates(1e-3, 1e-2)
                .points(2)
                .steps(50)
                .fixedLength()
                .threads(1)
                .store(folder.resolve("scan.sqlite"))
                .run();
        assertEquals(List.of(50L, 50L), scan.getRuns().stream().map(RunResult::getSteps).toList());
        StudyResults tune = Tune.builder()
                .optimizers("gd")
                .landscapes("booth")
                .tune("lr=loguniform(1e-3, 0.1)")
                .budget(2)
                .starts("default")
                .tuningStarts("random:1")
                .steps(100)
                .fixedLength()
                .threads(1)
                .store(folder.resolve("tune.sqlite"))
                .run();
        assertTrue(tune.getRuns().stream().allMatch(r -> r.getSteps() == 100));
        assertEquals("true", tune.getStudy().properties().get("fixed-length"));
    }
}
