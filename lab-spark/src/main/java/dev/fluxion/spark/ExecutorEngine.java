package dev.fluxion.spark;

import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.Plugins;
import dev.fluxion.lab.engine.Registries;
import org.apache.spark.SparkFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine an executor computes its runs with: one per executor JVM and plugin list, made on the first task that
 * needs it, so each spec is parsed once per executor. Its registries are the driver's: the built-ins joined by the
 * plugin jars the driver shipped ({@link SparkRunBackend}: each a file of the job, {@code SparkContext.addFile}),
 * loaded from the executor's copies by {@link Plugins#load} as the driver loaded the originals, in the same order,
 * each jar in its own class loader over the lab's. So a plugin's optimizer has the same name and makes the same
 * runs on the driver and on every executor.
 */
final class ExecutorEngine {
    private static final ConcurrentHashMap<List<String>, Engine> ENGINES = new ConcurrentHashMap<>();

    private ExecutorEngine() {
    }

    /** The executor's engine for the plugin jars shipped under the file names {@code plugins} (empty: none). */
    static Engine of(List<String> plugins) {
        return ENGINES.computeIfAbsent(plugins, names -> new Engine(1, names.isEmpty() ? Registries.builtIn()
            : Plugins.load(names.stream().map(name -> Path.of(SparkFiles.get(name))).toList()).getRegistries()));
    }
}
