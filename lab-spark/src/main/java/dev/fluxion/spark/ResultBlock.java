package dev.fluxion.spark;

import dev.fluxion.lab.engine.Outcome;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.Trace;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of consecutive runs of a Spark job, from position {@link #first}, as a task sends them back to the
 * driver: one array of bytes holding, run after run, every field of a {@link RunResult} but its spec (the driver has
 * it, at the run's position), the doubles by their exact bits and the trace in its stored bytes
 * ({@link Trace#toBytes()}). One array per task, where an object per run cost the driver more to receive than the
 * run had cost to compute.
 */
final class ResultBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The position of the block's first run among the job's runs. */
    final int first;
    /** How many runs the block holds. */
    final int size;
    private final byte[] bytes;

    private ResultBlock(int first, int size, byte[] bytes) {
        this.first = first;
        this.size = size;
        this.bytes = bytes;
    }

    /**
     * The block's results, of the specs at their positions in {@code runs}: equal to the results written, field for
     * field and bit for bit.
     */
    List<RunResult> results(List<RunSpec> runs) {
        List<RunResult> results = new ArrayList<>(size);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (int i = 0; i < size; i++) {
                RunSpec spec = runs.get(first + i);
                String kind = in.readUTF();
                long outcomeStep = in.readLong();
                long outcomeEvaluations = in.readLong();
                String cause = in.readBoolean() ? new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8) : null;
                long steps = in.readLong();
                long evaluations = in.readLong();
                double finalValue = Double.longBitsToDouble(in.readLong());
                double finalGap = Double.longBitsToDouble(in.readLong());
                List<Double> finalPoint = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) finalPoint.add(Double.longBitsToDouble(in.readLong()));
                List<Long> hitSteps = longs(in);
                List<Long> hitEvaluations = longs(in);
                Trace trace = Trace.fromBytes(in.readNBytes(in.readInt()));
                results.add(new RunResult(spec, Outcome.of(kind, outcomeStep, outcomeEvaluations, cause), steps,
                    evaluations, finalValue, finalGap, finalPoint, hitSteps, hitEvaluations, trace));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a Spark task's results are cut short", e);
        }
        return results;
    }

    private static List<Long> longs(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Long> values = new ArrayList<>(n);
        for (int j = 0; j < n; j++) values.add(in.readLong());
        return values;
    }

    /** A block written run by run, from position {@code first}, on the executor. */
    static final class Writer {
        private final int first;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        private final DataOutputStream out = new DataOutputStream(buffer);
        private int size;

        Writer(int first) {
            this.first = first;
        }

        /** Appends the result of the next run. */
        void add(RunResult result) {
            try {
                Outcome outcome = result.getOutcome();
                out.writeUTF(outcome.getKind());
                out.writeLong(outcome.getStep());
                out.writeLong(outcome instanceof Outcome.ReachedTarget reached ? reached.getEvaluations() : 0);
                String cause = outcome.getCause();
                out.writeBoolean(cause != null);
                if (cause != null) {
                    byte[] utf8 = cause.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
                out.writeLong(result.getSteps());
                out.writeLong(result.getEvaluations());
                out.writeLong(Double.doubleToRawLongBits(result.getFinalValue()));
                out.writeLong(Double.doubleToRawLongBits(result.getFinalGap()));
                out.writeInt(result.getFinalPoint().size());
                for (double v : result.getFinalPoint()) out.writeLong(Double.doubleToRawLongBits(v));
                writeLongs(result.getHitSteps());
                writeLongs(result.getHitEvaluations());
                byte[] trace = result.getTrace().toBytes();
                out.writeInt(trace.length);
                out.write(trace);
                size++;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // never: the stream writes to memory
            }
        }

        private void writeLongs(List<Long> values) throws IOException {
            out.writeInt(values.size());
            for (long v : values) out.writeLong(v);
        }

        /** The block of the runs added. */
        ResultBlock build() {
            return new ResultBlock(first, size, buffer.toByteArray());
        }
    }
}
