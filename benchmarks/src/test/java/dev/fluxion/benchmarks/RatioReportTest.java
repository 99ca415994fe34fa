package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The report reads JMH's JSON and judges each bounded ratio in the right direction. */
class RatioReportTest {
    private static final String RESULT = """
            [
                {
                    "benchmark" : "dev.fluxion.benchmarks.BealeGradientBenchmark.compiledValueAndGradient",
                    "mode" : "avgt",
                    "primaryMetric" : { "score" : 20.0, "scoreError" : "NaN", "scoreUnit" : "ns/op" },
                    "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 0.001, "scoreUnit" : "B/op" } }
                },
                {
                    "benchmark" : "dev.fluxion.benchmarks.BealeGradientBenchmark.analyticValueAndGradient",
                    "primaryMetric" : { "score" : 5.0, "scoreUnit" : "ns/op" },
                    "secondaryMetrics" : { }
                },
                {
                    "benchmark" : "dev.fluxion.benchmarks.BealeGradientBenchmark.hipparchusGradient",
                    "primaryMetric" : { "score" : 10.0, "scoreUnit" : "ns/op" }
                },
                {
                    "benchmark" : "dev.fluxion.benchmarks.AdamStepBenchmark.chainStep",
                    "primaryMetric" : { "score" : 12000.0, "scoreUnit" : "us/op" },
                    "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 72.0, "scoreUnit" : "B/op" } }
                },
                {
                    "benchmark" : "dev.fluxion.benchmarks.AdamStepBenchmark.fusedStep",
                    "primaryMetric" : { "score" : 10000.0, "scoreUnit" : "us/op" },
                    "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 50.0, "scoreUnit" : "B/op" } }
                },
                {
                    "benchmark" : "dev.fluxion.benchmarks.StepFloorBenchmark.adamRosenbrockLibrary",
                    "primaryMetric" : { "score" : 45.0, "scoreUnit" : "us/op" }
                },
                {
                    "benchmark" : "dev.fluxion.benchmarks.StepFloorBenchmark.adamRosenbrockHandWritten",
                    "primaryMetric" : { "score" : 25.0, "scoreUnit" : "us/op" }
                },
                {
                    "benchmark" : "dev.fluxion.benchmarks.RosenbrockGradientBenchmark.vectorBuiltValue",
                    "params" : { "n" : "1000" },
                    "primaryMetric" : { "score" : 1.5e3, "scoreUnit" : "ns/op" }
                }
            ]
            """;

    @Test
    void readsScoresParametersAndAllocation() {
        JmhResults results = JmhResults.parse(RESULT);
        assertEquals(1500, results.get("RosenbrockGradientBenchmark.vectorBuiltValue:n=1000").orElseThrow().score());
        assertEquals(0.001, results.get("BealeGradientBenchmark.compiledValueAndGradient").orElseThrow()
                .bytesPerOperation().getAsDouble());
        assertTrue(results.get("BealeGradientBenchmark.hipparchusGradient").orElseThrow().bytesPerOperation()
                .isEmpty());
    }

    @Test
    void judgesEachBoundInItsDirection() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RatioReport.print(JmhResults.parse(RESULT), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("| compiled vg / analytic vg, Beale | 4 | <= 5 | PASS |"), report);
        assertTrue(report.contains("| Hipparchus Gradient / compiled vg, Beale | 0.5 | >= 1 | FAIL |"), report);
        assertTrue(report.contains("BealeGradientBenchmark.compiledValueAndGradient (B/op) | 0.001 | < 1 | PASS |"),
                report);
        assertTrue(report.contains("| vg / value, logistic loss m=1000 d=20 | - | <= 4 | NOT MEASURED |"), report);
        // 72 B in 12 ms against 50 B in 10 ms: 6 B/ms over 5 B/ms
        assertTrue(report.contains("| Adam step on 10^6 parameters (issue 4): optimizer chain / fused loop | 1.2 | <= 1.3"
                + " | PASS |"), report);
        assertTrue(report.contains("| adam on rosenbrock(dim=2), 1000 steps (issue 15): library / hand-written | 1.8 |"
                + " <= 1.5 | FAIL |"), report);
        assertTrue(report.contains("| allocation per us, AdamStepBenchmark.chainStep / fusedStep (JMH's floor) | 1.2 |"
                + " <= 1.25 | PASS |"), report);
    }
}
