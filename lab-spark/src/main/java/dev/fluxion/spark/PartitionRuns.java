package dev.fluxion.spark;

import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.RunSpec;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One Spark task: computes the runs of one partition on the executor's thread, one after another, each with the
 * lab's own run loop ({@link Engine#run}) on the executor's engine ({@link ExecutorEngine}: the built-in optimizers
 * and landscapes and the driver's plugins), and returns their results in one list. A run is a pure function of its
 * spec, so where and how often a task computes (Spark retries a lost one elsewhere) does not change its results.
 */
final class PartitionRuns extends AbstractFunction1<Iterator<SpecRecord>, ArrayList<ResultRecord>>
        implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> plugins;

    /** The task of a study whose plugin jars were shipped under the file names {@code plugins}. */
    PartitionRuns(List<String> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    @Override
    public ArrayList<ResultRecord> apply(Iterator<SpecRecord> records) {
        Engine engine = ExecutorEngine.of(plugins);
        ArrayList<ResultRecord> results = new ArrayList<>();
        while (records.hasNext()) {
            SpecRecord record = records.next();
            RunSpec spec = record.toSpec();
            results.add(ResultRecord.of(record.position, engine.run(spec)));
        }
        return results;
    }
}
