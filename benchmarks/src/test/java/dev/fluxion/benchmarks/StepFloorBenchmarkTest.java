package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library runs and the hand-written floors of {@link StepFloorBenchmark} do the same work: they end at the same
 * x, bit for bit.
 */
class StepFloorBenchmarkTest {
    private StepFloorBenchmark benchmark;

    @BeforeEach
    void setUp() {
        benchmark = new StepFloorBenchmark();
        benchmark.setUp();
    }

    private static void assertSameBits(double[] library, double[] handWritten) {
        assertEquals(library.length, handWritten.length);
        for (int i = 0; i < library.length; i++) {
            assertTrue(Double.isFinite(library[i]), "x[" + i + "] = " + library[i]);
            assertEquals(Double.doubleToRawLongBits(library[i]), Double.doubleToRawLongBits(handWritten[i]),
                    "x[" + i + "]: library " + library[i] + ", hand-written " + handWritten[i]);
        }
    }

    @Test
    void adamOnRosenbrockEndsAtTheLibrarysPointBitForBit() {
        assertSameBits(benchmark.adamRosenbrockLibrary(), benchmark.adamRosenbrockHandWritten());
    }

    @Test
    void momentumOnBealeEndsAtTheLibrarysPointBitForBit() {
        assertSameBits(benchmark.momentumBealeLibrary(), benchmark.momentumBealeHandWritten());
    }

    /** The kernel's gradient of the symmetric form is A d in index order, the floor's: the same x bit for bit. */
    @Test
    void gdOnTheRotatedQuadraticEndsAtTheLibrarysPointBitForBit() {
        double[] library = benchmark.gdQuadraticLibrary();
        assertSameBits(library, benchmark.gdQuadraticHandWritten());
        // the run moved: from x* + (3, 3) to within 1e-3 of x*
        assertEquals(benchmark.centre0, library[0], 1e-3);
        assertEquals(benchmark.centre1, library[1], 1e-3);
    }
}
