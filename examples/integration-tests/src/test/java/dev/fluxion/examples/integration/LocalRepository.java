package dev.fluxion.examples.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Maven local repository for a user project built inside this build's tests: this build's artifacts (the parent
 * pom, the BOM, and the library modules' poms and jars as the reactor made them), as {@code mvn install} would
 * put them, and, as links, everything else of the local repository that this build ran with (the plugins and
 * libraries it downloaded). So the user project builds offline against exactly this build, whether or not it was
 * installed, and the build's own local repository gains nothing.
 */
final class LocalRepository {
    private static final List<String> LIBRARIES = List.of("dsl", "optimizers", "landscapes");

    private LocalRepository() {
    }

    /**
     * A new repository holding this build's artifacts at {@code version} (from the reactor at {@code root}) and links to
     * the rest of {@code buildRepository}.
     */
    static Path withThisBuild(Path buildRepository, Path root, String version) throws IOException {
        assertTrue(Files.isDirectory(buildRepository), buildRepository + ": the build's local repository is missing");
        Path repository = TemporaryFolders.create("fluxion-repository");
        link(buildRepository, repository, "dev");
        link(buildRepository.resolve("dev"), Files.createDirectories(repository.resolve("dev")), "fluxion");
        install(repository, "fluxion-parent", version, root.resolve("pom.xml"), null);
        install(repository, "fluxion-bom", version, root.resolve("bom/pom.xml"), null);
        for (String module : LIBRARIES) {
            String artifact = "fluxion-" + module;
            Path jar = root.resolve(module).resolve("target").resolve(artifact + "-" + version + ".jar");
            assertTrue(Files.isRegularFile(jar), jar + " is missing: build the modules with mvn verify (or package)");
            install(repository, artifact, version, root.resolve(module).resolve("pom.xml"), jar);
        }
        return repository;
    }

    /** Links every entry of {@code from} into {@code to}, but {@code except}. */
    private static void link(Path from, Path to, String except) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.getFileName().toString().equals(except)) {
                    Files.createSymbolicLink(to.resolve(entry.getFileName().toString()), entry.toAbsolutePath());
                }
            }
        }
    }

    /** Copies a pom (and a jar) where {@code mvn install} puts {@code dev.fluxion:ARTIFACT:VERSION}. */
    private static void install(Path repository, String artifact, String version, Path pom, Path jar)
            throws IOException {
        Path folder = Files.createDirectories(repository.resolve("dev/fluxion").resolve(artifact).resolve(version));
        Files.copy(pom, folder.resolve(artifact + "-" + version + ".pom"));
        if (jar != null) {
            Files.copy(jar, folder.resolve(artifact + "-" + version + ".jar"));
        }
    }
}
