package dev.fluxion.spark;

import dev.fluxion.lab.engine.Engine;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

import java.io.Serializable;
import java.util.List;

/**
 * One Spark task: computes the runs of one partition (a {@link RunBlock} over the job's {@link RunTable}, which this
 * function carries, so Spark broadcasts it once per job) on the executor's thread, one after another, each with the
 * lab's own run loop ({@link Engine#run}) on the executor's engine ({@link ExecutorEngine}: the built-in optimizers
 * and landscapes and the driver's plugins), and returns their results in one {@link ResultBlock}. A run is a pure
 * function of its spec, so where and how often a task computes (Spark retries a lost one elsewhere) does not change
 * its results.
 */
final class PartitionRuns extends AbstractFunction1<Iterator<RunBlock>, ResultBlock> implements Serializable {
    private static final long serialVersionUID = 2L;

    private final RunTable table;
    private final List<String> plugins;

    /** The task of a job over {@code table} whose plugin jars were shipped under the file names {@code plugins}. */
    PartitionRuns(RunTable table, List<String> plugins) {
        this.table = table;
        this.plugins = List.copyOf(plugins);
    }

    @Override
    public ResultBlock apply(Iterator<RunBlock> blocks) {
        Engine engine = ExecutorEngine.of(plugins);
        RunBlock block = blocks.next(); // a partition is one block (SparkRunBackend.forEachFinished)
        ResultBlock.Writer results = new ResultBlock.Writer(block.first);
        for (int i = 0; i < block.size(); i++) results.add(engine.run(table.spec(block, i)));
        if (blocks.hasNext()) throw new IllegalStateException("a partition of a Fluxion job holds more than one block");
        return results.build();
    }
}
