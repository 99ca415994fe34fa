package dev.fluxion.spark;

import dev.fluxion.lab.cli.FluxionCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fluxion tune}, {@code scan} and {@code rates} with {@code --engine spark}, into a store ({@code local[*]})
 * and into a Parquet dataset ({@code --out-format parquet}, {@code local[2]}), against the same command on the
 * coroutine engine: the same CSV byte for byte and (the dataset's) the same table; a second command into the
 * dataset computes nothing and appends no file, and {@code fluxion report} of the dataset prints the table again.
 * The CSV's run counts are the studies' plans counted by hand: a tune study's rungs and comparison, a scan's grid and
 * its 24 bisection runs (its grid brackets gd's edge 2/L = 0.2 on a quadratic with L = 10).
 */
class StudyKindsAsParquetTest {
    /** What a fluxion command printed: its standard output and its standard error. */
    record Printed(String out, String err) {
    }

    /** Runs the fluxion command in this JVM, failing on a non-zero exit. */
    static Printed fluxion(List<String> arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FluxionCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(arguments.toArray(String[]::new));
        assertEquals(0, code, "fluxion " + String.join(" ", arguments) + " failed: " + err);
        return new Printed(out.toString(), err.toString());
    }

    static List<String> with(List<String> study, String... more) {
        List<String> all = new ArrayList<>(study);
        all.addAll(List.of(more));
        return all;
    }

    static Stream<Arguments> studies() {
        return Stream.of(
            // successive halving of 3 settings with eta 3: rungs of 3 and 1 settings for 2 optimizers from 3 tuning
            // starts (18 + 6 runs), then the comparison from 3 starts (6): 30 runs
            Arguments.of("tune", 30, List.of("tune", "--optimizers", "gd; momentum(momentum=0.9)",
                "--landscapes", "quadratic(dim=2, kappa=10)", "--tune", "lr=loguniform(1e-3, 0.5)", "--search", "halving",
                "--budget", "3", "--eta", "3", "--starts", "default+random:2", "--steps", "300", "--name", "tune")),
            // a grid of 12 learning rates, then 24 bisection runs: 36 runs
            Arguments.of("scan", 36, List.of("scan", "--optimizer", "gd", "--landscape", "quadratic(dim=2, kappa=10)",
                "--from", "1e-3", "--to", "1", "--points", "12", "--steps", "200", "--name", "scan")),
            // 2 rules at 2 condition numbers: 4 runs
            Arguments.of("rates", 4, List.of("rates", "--rules", "gd@1/L; nesterov@optimal", "--kappas", "1,10",
                "--dim", "2", "--steps", "2000", "--name", "rates")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void theDatasetHoldsTheStudyTheCoroutineEngineStores(String name, int runs, List<String> study, @TempDir Path dir)
        throws IOException {
        Path spark = dir.resolve("spark");
        Path local = dir.resolve("local");
        List<String> onSpark = with(study, "--out", spark.toString(), "--engine", "spark", "--master", "local[2]",
            "--out-format", "parquet");
        Printed computed = fluxion(onSpark);
        Printed stored = fluxion(with(study, "--out", local.toString(), "--threads", "2"));
        Path sparkStore = dir.resolve("spark-store");
        fluxion(with(study, "--out", sparkStore.toString(), "--engine", "spark"));

        Path csv = local.resolve(name + ".csv");
        assertEquals(1 + runs, Files.readAllLines(csv).size(), "a header and the study's " + runs + " runs");
        assertEquals(-1, Files.mismatch(csv, sparkStore.resolve(name + ".csv")), "the same CSV from Spark's store");
        assertEquals(-1, Files.mismatch(csv, spark.resolve(name + ".csv")), "and from its dataset");
        assertEquals(table(stored.out()), table(computed.out()), "the same table");

        Path dataset = spark.resolve(name + ".parquet");
        List<Path> files = parquetFiles(dataset);
        Printed again = fluxion(onSpark);
        List<String> planned = again.err().lines().filter(line -> line.matches("\\d+ runs, .*")).toList();
        assertTrue(!planned.isEmpty() && planned.stream().allMatch(line -> line.contains(" 0 to compute")),
            "the second command finds every run of every stage: " + again.err());
        assertEquals(files, parquetFiles(dataset), "and appends no file (a scan's bisection runs included)");

        Printed reported = fluxion(List.of("report", dataset.toString(), "--html", dir.resolve("page/page.html").toString()));
        assertEquals(table(stored.out()), table(reported.out()), "fluxion report of the dataset prints the table");
    }

    /** The console table of a study command or a report, without its last line (which names the files written). */
    static String table(String printed) {
        return printed.substring(0, printed.stripTrailing().lastIndexOf('\n'));
    }

    private static List<Path> parquetFiles(Path dataset) throws IOException {
        try (Stream<Path> files = Files.list(dataset)) {
            return files.filter(file -> file.toString().endsWith(".parquet")).sorted().toList();
        }
    }
}
