package dev.fluxion.spark;

import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.RunResult;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One Spark task of a study written as a Parquet dataset: computes the runs of one partition on the executor as the
 * dataset's writer asks for their rows ({@link ParquetRows}), one run at a time, so no task holds more than one
 * run's result. When the last run is done it adds the number of runs to {@code runsDone} and its last result (for the
 * driver's progress line) to {@code lastRuns}; Spark merges them on the driver as the task ends.
 */
final class PartitionRows implements FlatMapFunction<Iterator<SpecRecord>, Row> {
    private static final long serialVersionUID = 1L;

    private final List<String> plugins;
    private final LongAccumulator runsDone;
    private final CollectionAccumulator<ResultRecord> lastRuns;

    PartitionRows(List<String> plugins, LongAccumulator runsDone, CollectionAccumulator<ResultRecord> lastRuns) {
        this.plugins = List.copyOf(plugins);
        this.runsDone = runsDone;
        this.lastRuns = lastRuns;
    }

    @Override
    public Iterator<Row> call(Iterator<SpecRecord> records) {
        Engine engine = ExecutorEngine.of(plugins);
        return new Iterator<>() {
            private long done;

            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Row next() {
                if (!records.hasNext()) throw new NoSuchElementException();
                SpecRecord record = records.next();
                RunResult result = engine.run(record.toSpec());
                done++;
                if (!records.hasNext()) {
                    runsDone.add(done);
                    lastRuns.add(ResultRecord.of(record.position, result));
                }
                return ParquetRows.of(result);
            }
        };
    }
}
