package dev.fluxion.spark;

import dev.fluxion.lab.engine.Budget;
import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.Outcome;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.Trace;
import dev.fluxion.lab.engine.TracePolicy;
import dev.fluxion.lab.study.CompareStudy;
import dev.fluxion.lab.study.StartPlan;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aFixedLengthBudgetCrossesTheWire() throws Exception {
        CompareStudy study = new CompareStudy(List.of("gd(lr=0.05)"), List.of("quadratic(dim=2)"),
            new StartPlan("random:2"), 1, new Budget(50, Long.MAX_VALUE, Budget.DEFAULT_TARGETS, 1e-10, 1e-14, 10,
            1e100, 0.0, true), 7, "fixed", TracePolicy.NONE);
        List<RunSpec> runs = study.runs(new Engine(1));
        RunTable.Split split = RunTable.split(runs, 1);
        RunTable table = sent(split.table());
        RunSpec back = table.spec(sent(split.blocks().get(0)), 1);
        assertTrue(back.getBudget().getFixedLength(), "the executor's run is fixed-length too");
        assertEquals(runs.get(1).getKey(), back.getKey(), "so its key is the driver's");
    }

    @Test
    void everyFieldOfTheBudgetCrossesTheWire() throws Exception {
        // each field of the budget in turn away from its default, the fields found from the data class's components,
        // so that a field Budget gains is checked too: the executor's runs have the driver's budget, and so its keys
        Budget defaults = new Budget();
        int fields = 0;
        while (hasMethod(Budget.class, "component" + (fields + 1))) fields++;
        int n = fields;
        Constructor<?> full = Arrays.stream(Budget.class.getConstructors())
            .filter(c -> c.getParameterCount() == n).findFirst().orElseThrow();
        for (int field = 0; field < n; field++) {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) values[i] = Budget.class.getMethod("component" + (i + 1)).invoke(defaults);
            values[field] = another(values[field]);
            Budget budget = (Budget) full.newInstance(values);
            assertNotEquals(defaults, budget, "field " + (field + 1) + " changed");
            CompareStudy study = new CompareStudy(List.of("gd(lr=0.05)"), List.of("quadratic(dim=2)"),
                new StartPlan("random:2"), 1, budget, 7, "fields", TracePolicy.NONE);
            List<RunSpec> runs = study.runs(new Engine(1));
            RunTable.Split split = RunTable.split(runs, 1);
            RunSpec back = sent(split.table()).spec(sent(split.blocks().get(0)), 1);
            assertEquals(budget, back.getBudget(), "field " + (field + 1) + " of the budget on the executor");
            assertEquals(runs.get(1).getKey(), back.getKey(), "so the key of the executor's run is the driver's");
        }
        assertEquals(9, n, "the fields checked: steps, evaluations, targets, stall (3), bound, noise, fixed length");
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == 0);
    }

    /** A value of the type of {@code value} other than it, and valid in a budget. */
    private static Object another(Object value) {
        if (value instanceof Long v) return v == Long.MAX_VALUE ? v - 1 : v + 1;
        if (value instanceof Integer v) return v + 1;
        if (value instanceof Double v) return v == 0 ? 0.25 : v / 2;
        if (value instanceof Boolean v) return !v;
        if (value instanceof List<?>) return List.of(0.5, 0.05);
        throw new AssertionError("a Budget field of type " + value.getClass().getName() + ": give it another value here");
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
