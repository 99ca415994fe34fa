package dev.fluxion.spark;

import dev.fluxion.lab.engine.RunBackend;
import dev.fluxion.lab.engine.RunBackendProvider;

import java.util.Map;

/** The {@code spark} engine of {@code fluxion ... --engine spark [--master URL]}: a {@link SparkRunBackend}. */
public final class SparkBackendProvider implements RunBackendProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public RunBackend open(Map<String, String> settings) {
        return SparkRunBackend.open(settings);
    }
}
