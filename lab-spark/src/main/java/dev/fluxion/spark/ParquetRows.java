package dev.fluxion.spark;

import dev.fluxion.lab.engine.Outcome;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.Trace;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * A run as a row of a Parquet dataset ({@link ParquetDataset}): the summary columns of the store's CSV export, under
 * its names ({@code run_key}, {@code optimizer}, {@code landscape}, {@code start_index}, {@code seed_index},
 * {@code seed}, {@code outcome}, {@code outcome_step}, {@code cause}, {@code steps}, {@code evaluations},
 * {@code final_value}, {@code final_gap}, {@code hit_steps}, {@code hit_evaluations}), then what rebuilds the run
 * whole ({@code outcome_evaluations}, {@code final_point}), then its trace, one array column per quantity
 * ({@code trace_step}, {@code trace_loss}, {@code trace_gradient_norm}, {@code trace_step_length},
 * {@code trace_position}: x and y interleaved on 2-D landscapes), as the study's trace policy kept it (empty arrays
 * under {@code none}). Doubles are Parquet's IEEE doubles, so a run read back is the run written, bit for bit.
 */
final class ParquetRows {
    private static final DataType LONGS = DataTypes.createArrayType(DataTypes.LongType, false);
    private static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType, false);

    /** The dataset's columns, in the order of {@link #of}'s values. */
    static final StructType SCHEMA = new StructType()
        .add("run_key", DataTypes.StringType, false)
        .add("optimizer", DataTypes.StringType, false)
        .add("landscape", DataTypes.StringType, false)
        .add("start_index", DataTypes.IntegerType, false)
        .add("seed_index", DataTypes.IntegerType, false)
        .add("seed", DataTypes.LongType, false)
        .add("outcome", DataTypes.StringType, false)
        .add("outcome_step", DataTypes.LongType, false)
        .add("cause", DataTypes.StringType, true)
        .add("steps", DataTypes.LongType, false)
        .add("evaluations", DataTypes.LongType, false)
        .add("final_value", DataTypes.DoubleType, false)
        .add("final_gap", DataTypes.DoubleType, false)
        .add("hit_steps", LONGS, false)
        .add("hit_evaluations", LONGS, false)
        .add("outcome_evaluations", DataTypes.LongType, false)
        .add("final_point", DOUBLES, false)
        .add("trace_step", LONGS, false)
        .add("trace_loss", DOUBLES, false)
        .add("trace_gradient_norm", DOUBLES, false)
        .add("trace_step_length", DOUBLES, false)
        .add("trace_position", DOUBLES, false);

    /** The columns before the trace's, in {@link #SCHEMA}'s order: all a run's summary needs. */
    static final String[] SUMMARY = java.util.Arrays.copyOf(SCHEMA.fieldNames(), SCHEMA.fieldIndex("trace_step"));

    private ParquetRows() {
    }

    /** The row of {@code result}. */
    static Row of(RunResult result) {
        RunSpec spec = result.getSpec();
        Outcome outcome = result.getOutcome();
        Trace trace = result.getTrace();
        return RowFactory.create(spec.getKey(), spec.getOptimizerLabel(), spec.getLandscapeLabel(), spec.getStartIndex(),
            spec.getSeedIndex(), spec.getSeed(), outcome.getKind(), outcome.getStep(), outcome.getCause(),
            result.getSteps(), result.getEvaluations(), result.getFinalValue(), result.getFinalGap(),
            longs(result.getHitSteps()), longs(result.getHitEvaluations()),
            outcome instanceof Outcome.ReachedTarget reached ? reached.getEvaluations() : 0L,
            doubles(result.getFinalPoint()), trace.getSteps(), trace.getLoss(), trace.getGradientNorm(),
            trace.getStepLength(), trace.getPositions());
    }

    /**
     * The run of {@code row} (columns in {@link #SCHEMA}'s order), whose spec is {@code spec}: the dataset keeps the
     * spec's key, labels and indices, and the study rebuilds the rest. A row of the {@link #SUMMARY} columns alone
     * gives the run with {@link Trace#EMPTY} for its trace, as a store's summaries do.
     */
    static RunResult toResult(Row row, RunSpec spec) {
        Outcome outcome = Outcome.of(row.getString(6), row.getLong(7), row.getLong(15), row.getString(8));
        Trace trace = row.length() == SUMMARY.length ? Trace.EMPTY : new Trace(longs(row.getList(17)),
            doubles(row.getList(18)), doubles(row.getList(19)), doubles(row.getList(20)), doubles(row.getList(21)));
        return new RunResult(spec, outcome, row.getLong(9), row.getLong(10), row.getDouble(11), row.getDouble(12),
            new ArrayList<>(row.<Double>getList(16)), new ArrayList<>(row.<Long>getList(13)),
            new ArrayList<>(row.<Long>getList(14)), trace);
    }

    private static long[] longs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
