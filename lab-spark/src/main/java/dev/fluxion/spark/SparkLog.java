package dev.fluxion.spark;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.DefaultConfiguration;

import java.net.URISyntaxException;
import java.net.URL;

/**
 * Spark's log on the driver: warnings and errors only on stderr, so that a study's progress is not lost among Spark's
 * INFO lines; the environment variable {@value #LEVEL_VARIABLE} names another level ({@code info}, {@code debug}).
 * Spark logs through Log4j 2 and, finding it unconfigured, would load its own defaults (INFO); this configures it
 * first with {@code dev/fluxion/spark/log4j2.properties}. A configuration of the user's (a {@code log4j2.properties}
 * on the class path, as spark-submit's conf folder gives, or {@code -Dlog4j2.configurationFile}) is left as it is.
 */
final class SparkLog {
    /** The environment variable naming Spark's log level on the driver (default {@code warn}). */
    static final String LEVEL_VARIABLE = "FLUXION_SPARK_LOG";

    private SparkLog() {
    }

    /** Configures Log4j with the lab's settings unless it is configured already. */
    static void configure() {
        if (System.getProperty("log4j2.configurationFile") != null) return;
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) return; // Log4j bound to another backend
        if (!(context.getConfiguration() instanceof DefaultConfiguration)) return;
        URL settings = SparkLog.class.getResource("/dev/fluxion/spark/log4j2.properties");
        if (settings == null) return;
        try {
            context.setConfigLocation(settings.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the lab's Log4j settings have no URI: " + settings, e);
        }
    }
}
