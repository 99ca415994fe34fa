package dev.fluxion.optimizers.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** beta^t in double-double arithmetic is beta^t correctly rounded, and allocates nothing. */
class BiasCorrectionTest {

    @Test
    void powersAreCorrectlyRounded() {
        Random random = new Random(4);
        double[] betas = new double[24];
        double[] usual = {0.9, 0.999, 0.5, 0.99, 0.95, 0.9999, 0.0, 0.1};
        for (int b = 0; b < betas.length; b++) {
            betas[b] = b < usual.length ? usual[b] : random.nextDouble();
        }
        for (double beta : betas) {
            BigDecimal exact = BigDecimal.ONE;
            BigDecimal base = new BigDecimal(beta);
            for (int t = 1; t <= 1500; t++) {
                // beta^t exactly (to 120 digits), then rounded once to a double
                exact = exact.multiply(base, new MathContext(120));
                double rounded = exact.doubleValue();
                if (rounded >= 0x1p-1000) {
                    assertEquals(rounded, BiasCorrection.power(beta, t), "beta = " + beta + ", t = " + t);
                } else {
                    // the documented exception: near the subnormal range only the magnitude is kept
                    assertEquals(rounded, BiasCorrection.power(beta, t), 0x1p-1000, "beta = " + beta + ", t = " + t);
                }
                assertEquals(1 - rounded, BiasCorrection.of(beta, t), "beta = " + beta + ", t = " + t);
            }
        }
    }

    @Test
    void farStepsAndEdges() {
        assertEquals(1.0, BiasCorrection.power(0.9, 0));
        assertEquals(0.0, BiasCorrection.power(0.0, 1));
        assertEquals(0x1p-60, BiasCorrection.power(0.5, 60));
        assertEquals(0.0, BiasCorrection.power(0.999, Long.MAX_VALUE));
        assertEquals(1.0, BiasCorrection.of(0.999, 1L << 40));
    }

    @Test
    void allocatesNothingFromTheFirstCall() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BiasCorrection.of(0.3, 3);
        long before = threads.getCurrentThreadAllocatedBytes();
        long overhead = threads.getCurrentThreadAllocatedBytes() - before;
        before = threads.getCurrentThreadAllocatedBytes();
        double sum = 0;
        for (long t = 1; t <= 1000; t++) {
            sum += BiasCorrection.of(0.999, t);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before - overhead;
        assertEquals(0, allocated, "1000 bias corrections (sum " + sum + ") allocated " + allocated + " bytes");
    }

    /**
     * The step-by-step sequence gives the powering's doubles, bit for bit: for the usual betas and random ones, at
     * every t up to 200,000 (and past a near-midpoint, where it falls back), and for t that jump (a restored state).
     */
    @Test
    void theSequenceGivesThePoweringsBits() {
        Random random = new Random(21);
        double[] betas = {0.9, 0.99, 0.999, 0.9999, 0.5, 0.0, random.nextDouble(), random.nextDouble(),
                1 - 1e-7, Math.nextDown(1.0)};
        for (double beta : betas) {
            BiasCorrection.Sequence sequence = new BiasCorrection.Sequence(beta);
            int last = beta == 0.999 || beta == 0.9 ? 200_000 : 20_000;
            for (long t = 1; t <= last; t++) {
                double expected = BiasCorrection.of(beta, t);
                double got = sequence.correction(t);
                if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(got)) {
                    assertEquals(expected, got, "beta = " + beta + ", t = " + t);
                }
            }
        }
        BiasCorrection.Sequence jumping = new BiasCorrection.Sequence(0.999);
        for (long t : new long[] {5, 6, 7, 1000, 1001, 3, 4, 1L << 40, (1L << 40) + 1}) {
            assertEquals(BiasCorrection.of(0.999, t), jumping.correction(t), "t = " + t);
        }
    }

    /**
     * The shared tables hold the powering's bits too: sequences of more betas than get a table (the others compute
     * their own), and two sequences of one beta, one at the start of the table and one running past its end.
     */
    @Test
    void theSharedTablesGiveThePoweringsBits() {
        Random random = new Random(22);
        for (int k = 0; k < BiasCorrection.TABLE_BETAS + 8; k++) {
            double beta = 0.5 + 0.5 * random.nextDouble();
            BiasCorrection.Sequence sequence = new BiasCorrection.Sequence(beta);
            for (long t = 1; t <= 1500; t++) {
                assertEquals(BiasCorrection.of(beta, t), sequence.correction(t), "beta = " + beta + ", t = " + t);
            }
        }
        BiasCorrection.Sequence early = new BiasCorrection.Sequence(0.95);
        BiasCorrection.Sequence late = new BiasCorrection.Sequence(0.95);
        int end = BiasCorrection.TABLE_LENGTH;
        for (long t = end - 300; t <= end + 300; t++) {
            assertEquals(BiasCorrection.of(0.95, t), late.correction(t), "t = " + t);
            long s = t - (end - 300) + 1;
            assertEquals(BiasCorrection.of(0.95, s), early.correction(s), "t = " + s);
        }
    }
}
