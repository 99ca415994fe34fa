package dev.fluxion.spark;

import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The runs a Parquet dataset's folder holds, read back on the driver by key: what a study written as a dataset
 * ({@link ParquetDataset}) reads as it goes, as a study in a store reads the store. A tune study plans each stage
 * from the {@linkplain #summaries summaries} of the runs before it; a scan bisects from its grid's runs, traces and
 * all. The rows stream from the files a partition at a time ({@code toLocalIterator}), and a summary leaves the trace
 * columns unread (Parquet stores each column apart).
 */
final class DatasetRuns {
    private final SparkSession session;
    private final Path folder;

    DatasetRuns(SparkSession session, Path folder) {
        this.session = session;
        this.folder = folder;
    }

    /** Whether dataset {@code folder} holds any Parquet file yet (a dataset just claimed holds none). */
    static boolean holdsRuns(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of the runs held, in a set of the caller's own. */
    Set<String> keys() {
        if (!holdsRuns(folder)) return new HashSet<>();
        return new HashSet<>(session.read().schema(ParquetRows.SCHEMA).parquet(uri()).select("run_key")
            .as(Encoders.STRING()).collectAsList());
    }

    /**
     * Hands every row to {@code action}, with all of {@link ParquetRows#SCHEMA}'s columns when {@code withTraces},
     * else with its {@linkplain ParquetRows#SUMMARY summary columns} alone.
     */
    void forEachRow(boolean withTraces, Consumer<Row> action) {
        if (!holdsRuns(folder)) return;
        Dataset<Row> rows = session.read().schema(ParquetRows.SCHEMA).parquet(uri());
        if (!withTraces) rows = rows.selectExpr(ParquetRows.SUMMARY);
        Iterator<Row> iterator = rows.toLocalIterator();
        while (iterator.hasNext()) action.accept(iterator.next());
    }

    /**
     * The held runs among {@code specs}, in their order, each under its own spec (two labels of one run share its
     * row), without their traces: what {@link dev.fluxion.lab.store.ResultStore#summaries} gives from a store.
     */
    List<RunResult> summaries(List<RunSpec> specs) {
        Set<String> wanted = new HashSet<>();
        for (RunSpec spec : specs) wanted.add(spec.getKey());
        Map<String, Row> found = new HashMap<>();
        forEachRow(false, row -> {
            if (wanted.contains(row.getString(0))) found.putIfAbsent(row.getString(0), row);
        });
        return inOrder(specs, found);
    }

    /**
     * The held runs among {@code specs}, in their order, each under its own spec, with their traces: what
     * {@link dev.fluxion.lab.store.ResultStore#load} gives from a store, for the few runs a report draws (the rows are
     * found by key in the files, and only theirs come to the driver).
     */
    List<RunResult> load(List<RunSpec> specs) {
        if (specs.isEmpty() || !holdsRuns(folder)) return List.of();
        Set<String> wanted = new HashSet<>();
        for (RunSpec spec : specs) wanted.add(spec.getKey());
        Map<String, Row> found = new HashMap<>();
        for (Row row : session.read().schema(ParquetRows.SCHEMA).parquet(uri())
                .filter(functions.col("run_key").isin(wanted.toArray())).collectAsList()) {
            found.putIfAbsent(row.getString(0), row);
        }
        return inOrder(specs, found);
    }

    /** The runs of {@code specs} whose rows {@code found} holds by key, in the order of {@code specs}. */
    private static List<RunResult> inOrder(List<RunSpec> specs, Map<String, Row> found) {
        List<RunResult> results = new ArrayList<>(found.size());
        for (RunSpec spec : specs) {
            Row row = found.get(spec.getKey());
            if (row != null) results.add(ParquetRows.toResult(row, spec));
        }
        return results;
    }

    private String uri() {
        return folder.toAbsolutePath().toUri().toString();
    }
}
