package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import java.sql.ResultSet
import java.sql.SQLException

/**
 * The `fluxion` command in a JVM of its own, on the test JVM's class path, and the SQL the specs use to look into
 * the store it writes (through connections of their own, while the study may be writing).
 */
object ForkedFluxion {
    /** Starts `fluxion ARGUMENTS` with the JVM options [jvm]; stdout is dropped, stderr goes to [stderr] if given. */
    fun start(arguments: List<String>, jvm: List<String> = emptyList(), stderr: Path? = null): Process =
        ProcessBuilder(listOf(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + jvm +
            listOf("-cp", System.getProperty("java.class.path"), FluxionCommand::class.java.name) + arguments)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr?.let { ProcessBuilder.Redirect.to(it.toFile()) } ?: ProcessBuilder.Redirect.DISCARD)
            .start()

    /** Runs [sql] on the store and reads its result. */
    fun <T> query(store: Path, sql: String, read: (ResultSet) -> T): T =
        DriverManager.getConnection("jdbc:sqlite:${store.toAbsolutePath()}").use { c ->
            c.createStatement().use { st -> st.executeQuery(sql).use(read) }
        }

    /** The number of stored runs, or 0 while the store or its table does not exist yet (or is locked). */
    fun storedRuns(store: Path): Int = if (!Files.exists(store)) 0 else try {
        query(store, "SELECT COUNT(*) FROM runs") { it.next(); it.getInt(1) }
    } catch (e: SQLException) {
        0
    }

    /** Every stored row, every column (blobs, such as the trace and the counts to targets, as hex), ordered by key. */
    fun rows(store: Path): List<List<String?>> = query(store, "SELECT * FROM runs ORDER BY run_key") { rs ->
        val columns = rs.metaData.columnCount
        buildList {
            while (rs.next()) add((1..columns).map { c ->
                when (val value = rs.getObject(c)) {
                    is ByteArray -> value.joinToString("") { "%02x".format(it) }
                    else -> value?.let { rs.getString(c) }
                }
            })
        }
    }
}
