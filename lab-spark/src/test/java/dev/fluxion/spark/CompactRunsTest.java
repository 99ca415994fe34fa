package dev.fluxion.spark;

import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.Outcome;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.Trace;
import dev.fluxion.lab.engine.TracePolicy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The compact forms a Spark job sends: runs as a {@link RunTable} and {@link RunBlock}s, results as
 * {@link ResultBlock}s. Each is sent through Java serialization, as Spark sends it, and must give back the specs and
 * results it was made of, equal field by field, doubles by their bits.
 */
class CompactRunsTest {

    @SuppressWarnings("unchecked")
    private static <T> T sent(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aStudysRunsComeBackFromTheTableAndTheirBlocks() throws Exception {
        List<RunSpec> runs = SparkRunBackendTest.study(TracePolicy.LOG).runs(new Engine(1));
        RunTable.Split split = RunTable.split(runs, 3);
        RunTable table = sent(split.table());
        assertEquals(2 * 2, table.settingsRows(), "one row of settings per optimizer and landscape");
        assertEquals(2 * 4, table.startRows(), "one row per landscape and start (default + 3 random)");
        List<Integer> sizes = new ArrayList<>();
        int position = 0;
        for (RunBlock sentBlock : split.blocks()) {
            RunBlock block = sent(sentBlock);
            assertEquals(position, block.first, "blocks are consecutive");
            for (int i = 0; i < block.size(); i++) {
                RunSpec spec = table.spec(block, i);
                assertEquals(runs.get(position), spec, "run " + position);
                assertEquals(runs.get(position).getKey(), spec.getKey());
                position++;
            }
            sizes.add(block.size());
        }
        assertEquals(List.of(10, 11, 11), sizes, "32 runs in 3 blocks: floor(32 k / 3) - floor(32 (k - 1) / 3)");
    }

    @Test
    void resultsComeBackBitForBit() throws Exception {
        List<RunSpec> runs = SparkRunBackendTest.study(TracePolicy.LOG).runs(new Engine(1));
        double nanWithPayload = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);
        List<RunResult> results = List.of(
            new Engine(1).run(runs.get(5)), // a real run, with its log trace
            new RunResult(runs.get(6), new Outcome.Diverged(17, "f = ∞ at step 17 (|x| > 1e100)"), 17, 34, -0.0,
                nanWithPayload, List.of(-0.0, Double.MIN_VALUE), List.of(3L, -1L), List.of(6L, -1L), Trace.EMPTY),
            new RunResult(runs.get(7), new Outcome.ReachedTarget(9, 19), 9, 19, 1e-300, 1e-300, List.of(1.0, 2.0),
                List.of(), List.of(), Trace.EMPTY));
        ResultBlock.Writer writer = new ResultBlock.Writer(5);
        results.forEach(writer::add);
        List<RunResult> back = sent(writer.build()).results(runs);
        assertEquals(results, back);
        assertEquals(0x7ff8_0000_0000_0123L, Double.doubleToRawLongBits(back.get(1).getFinalGap()), "NaN's payload kept");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.get(1).getFinalValue()), "-0 kept");
        assertEquals(runs.get(7), back.get(2).getSpec(), "each result has the spec at its position");
        assertEquals(19L, ((Outcome.ReachedTarget) back.get(2).getOutcome()).getEvaluations());
    }
}
