package dev.fluxion.spark;

import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.RunSpec;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * One Spark task: computes the runs of one partition on the executor's thread, one after another, each with the
 * lab's own run loop ({@link Engine#run}), and returns their results in one list.
 *
 * <p>Each executor JVM has one {@link Engine} with the built-in optimizers and landscapes, made on its first task,
 * so each spec is parsed once per executor. A run is a pure function of its spec, so where and how often a task
 * computes (Spark retries a lost one elsewhere) does not change its results.
 */
final class PartitionRuns extends AbstractFunction1<Iterator<SpecRecord>, ArrayList<ResultRecord>>
        implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public ArrayList<ResultRecord> apply(Iterator<SpecRecord> records) {
        Engine engine = ExecutorEngine.ENGINE;
        ArrayList<ResultRecord> results = new ArrayList<>();
        while (records.hasNext()) {
            SpecRecord record = records.next();
            RunSpec spec = record.toSpec();
            results.add(ResultRecord.of(record.position, engine.run(spec)));
        }
        return results;
    }

    /** The executor's engine, made when its first task starts. */
    private static final class ExecutorEngine {
        static final Engine ENGINE = new Engine(1);
    }
}
