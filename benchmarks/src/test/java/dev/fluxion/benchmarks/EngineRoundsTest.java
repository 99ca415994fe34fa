package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rounds summary takes each variant's median iteration per round and counts the rounds within each bound. */
class EngineRoundsTest {

    /** One round: bare loop, engine on 1 and on 2 threads, with the iterations given. */
    private static String round(String bare, String one, String two) {
        return "[" + entry("bareLoop", bare) + "," + entry("engineOneThread", one) + ","
                + entry("engineTwoThreads", two) + "]";
    }

    private static String entry(String method, String iterations) {
        return "{ \"benchmark\" : \"dev.fluxion.benchmarks.EngineBenchmark." + method + "\", \"primaryMetric\" :"
                + " { \"score\" : 0, \"scoreUnit\" : \"ms/op\", \"rawData\" : [ [" + iterations + "] ] } }";
    }

    @Test
    void mediansPerRoundAndRoundsWithinBounds() {
        // round 1: medians 20, 21 and 11 (the slow 40 and 30 are outliers): 1.05 and 1.909..., both within bounds
        // round 2: medians 20, 23 and 13: 1.15 (over 1.1) and 1.769... (under 1.8)
        List<JmhResults> rounds = List.of(
                JmhResults.parse(round("20, 19, 40", "21, 30, 20.5, 21.5, 21", "11, 11, 12")),
                JmhResults.parse(round("20, 20, 21, 19", "23, 23", "13")));
        assertEquals(List.of(20.0, 19.0, 40.0), rounds.get(0).get(EngineRounds.BARE).orElseThrow().iterations());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EngineRounds.print(rounds, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("| 1 | 20.000 | - | 21.000 | - | 11.000 | 1.050 | 1.909 |"), report);
        assertTrue(report.contains("| 2 | 20.000 | - | 23.000 | - | 13.000 | 1.150 | 1.769 |"), report);
        // all iterations: bare {19, 19, 20, 20, 20, 21, 40} -> 20; engine {20.5, 21, 21, 21.5, 23, 23, 30} -> 21.5;
        // two threads {11, 11, 12, 13} -> 11.5
        assertTrue(report.contains("bare loop 20.000, run loop alone -, engine 1 thread 21.500"), report);
        assertTrue(report.contains("engine / bare loop: 1.075 of the medians, 1.100 as the median of the rounds'"
                + " ratios; 1 of 2 rounds at most 1.1"), report);
        assertTrue(report.contains("1 thread / 2 threads: 1.870 of the medians, 1.839 as the median of the rounds'"
                + " ratios; 1 of 2 rounds at least 1.8"), report);
    }
}
