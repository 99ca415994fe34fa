package dev.fluxion.examples.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Folders in the temporary directory that are deleted with their contents when the test JVM exits. */
final class TemporaryFolders {
    private static final List<Path> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (MADE) {
                MADE.forEach(TemporaryFolders::delete);
            }
        }));
    }

    private TemporaryFolders() {
    }

    /** A new folder named {@code prefix...}, deleted with everything in it when the JVM exits. */
    static Path create(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        synchronized (MADE) {
            MADE.add(folder);
        }
        return folder;
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException gone) {
            // nothing left to delete
        }
    }
}
