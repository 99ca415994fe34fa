package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library runs and the hand-written floors of {@link StepFloorBenchmark} do the same work: they end at the same
 * x, bit for bit where the floor computes the gradient in the tape's order, and within rounding for the rotated
 * quadratic, whose floor computes A d where the tape computes (A d + A^T d) / 2.
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

    /** The floor's A d differs from the tape's (A d + A^T d) / 2 in the last bits only; gd contracts them. */
    @Test
    void gdOnTheRotatedQuadraticEndsAtTheLibrarysPointWithinRounding() {
        double[] library = benchmark.gdQuadraticLibrary();
        assertArrayEquals(library, benchmark.gdQuadraticHandWritten(), 1e-14);
        // the run moved: from x* + (3, 3) to within 1e-3 of x*
        assertEquals(benchmark.centre0, library[0], 1e-3);
        assertEquals(benchmark.centre1, library[1], 1e-3);
    }

    /** With the tape's gradient order, gd's floor is the library's run bit for bit: only the gradient differs. */
    @Test
    void gdWithTheTapesGradientOrderEndsAtTheLibrarysPointBitForBit() {
        StepFloorBenchmark b = benchmark;
        double x0 = b.quadraticStart[0];
        double x1 = b.quadraticStart[1];
        for (int k = 0; k < StepFloorBenchmark.STEPS; k++) {
            double d0 = x0 - b.centre0;
            double d1 = x1 - b.centre1;
            double w0 = b.a00 * d0 + b.a01 * d1;
            double w1 = b.a01 * d0 + b.a11 * d1;
            double g0 = 0.5 * (w0 + b.a00 * d0 + b.a01 * d1);
            double g1 = 0.5 * (w1 + b.a01 * d0 + b.a11 * d1);
            x0 -= StepFloorBenchmark.GD_LEARNING_RATE * g0;
            x1 -= StepFloorBenchmark.GD_LEARNING_RATE * g1;
        }
        assertSameBits(b.gdQuadraticLibrary(), new double[] {x0, x1});
    }
}
