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
 * One Spark task of a study written as a Parquet dataset: computes the runs of one partition (a {@link RunBlock} over
 * the job's {@link RunTable}) on the executor as the dataset's writer asks for their rows ({@link ParquetRows}), one
 * run at a time, so no task holds more than one run's result. When the last run is done it adds the number of runs to {@code runsDone} and its last result (for the
 * driver's progress line) to {@code lastRuns}; Spark merges them on the driver as the task ends.
 */
final class PartitionRows implements FlatMapFunction<Iterator<RunBlock>, Row> {
    private static final long serialVersionUID = 2L;

    private final RunTable table;
    private final List<String> plugins;
    private final LongAccumulator runsDone;
    private final CollectionAccumulator<ResultBlock> lastRuns;

    PartitionRows(RunTable table, List<String> plugins, LongAccumulator runsDone, CollectionAccumulator<ResultBlock> lastRuns) {
        this.table = table;
        this.plugins = List.copyOf(plugins);
        this.runsDone = runsDone;
        this.lastRuns = lastRuns;
    }

    @Override
    public Iterator<Row> call(Iterator<RunBlock> blocks) {
        Engine engine = ExecutorEngine.of(plugins);
        RunBlock block = blocks.next(); // a partition is one block (ParquetDataset.write)
        if (blocks.hasNext()) throw new IllegalStateException("a partition of a Fluxion job holds more than one block");
        return new Iterator<>() {
            private int done;

            @Override
            public boolean hasNext() {
                return done < block.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                RunResult result = engine.run(table.spec(block, done));
                done++;
                if (!hasNext()) {
                    runsDone.add(done);
                    ResultBlock.Writer last = new ResultBlock.Writer(block.first + done - 1);
                    last.add(result);
                    lastRuns.add(last.build());
                }
                return ParquetRows.of(result);
            }
        };
    }
}
