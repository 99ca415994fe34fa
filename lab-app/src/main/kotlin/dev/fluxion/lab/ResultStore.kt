package dev.fluxion.lab

import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import java.sql.ResultSet
import java.sql.SQLException

/**
 * An embedded SQLite file holding one study's runs, each under its unique [RunSpec.key], written as it finishes
 * (one transaction per run, so a killed study loses at most the runs in flight). A study started again over the
 * same file computes only the runs whose keys are missing.
 *
 * Not thread-safe: the study writes from its single collecting coroutine.
 */
class ResultStore private constructor(val path: Path, private val connection: Connection) : AutoCloseable {

    /** The keys of every stored run. */
    fun keys(): Set<String> = connection.createStatement().use { st ->
        st.executeQuery("SELECT run_key FROM runs").use { rs -> buildSet { while (rs.next()) add(rs.getString(1)) } }
    }

    /** Stores a finished run; a run already stored under the same key is left as it is. */
    fun put(result: RunResult) {
        val s = result.spec
        connection.prepareStatement(
            "INSERT OR IGNORE INTO runs (run_key, optimizer_label, optimizer, landscape_label, landscape, start_index, " +
                "start, seed_index, study_seed, seed, budget, outcome, outcome_step, outcome_evaluations, cause, steps, " +
                "evaluations, final_value, final_gap, final_point, hit_steps, hit_evaluations, trace) " +
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ).use { st ->
            st.setString(1, s.key)
            st.setString(2, s.optimizerLabel)
            st.setString(3, s.optimizerSpec)
            st.setString(4, s.landscapeLabel)
            st.setString(5, s.landscapeSpec)
            st.setInt(6, s.startIndex)
            st.setString(7, exact(s.start))
            st.setInt(8, s.seedIndex)
            st.setLong(9, s.studySeed)
            st.setLong(10, s.seed)
            st.setString(11, s.budget.identity())
            val o = result.outcome
            st.setString(12, o.kind)
            st.setLong(13, o.step)
            st.setLong(14, if (o is Outcome.ReachedTarget) o.evaluations else result.evaluations)
            st.setString(15, (o as? Outcome.Diverged)?.cause)
            st.setLong(16, result.steps)
            st.setLong(17, result.evaluations)
            st.setString(18, java.lang.Double.toHexString(result.finalValue))
            st.setString(19, java.lang.Double.toHexString(result.finalGap))
            st.setString(20, exact(result.finalPoint))
            st.setString(21, result.hitSteps.joinToString(","))
            st.setString(22, result.hitEvaluations.joinToString(","))
            st.setBytes(23, result.trace.toBytes())
            st.executeUpdate()
        }
    }

    /**
     * The stored runs among [specs], in the order of [specs] (runs not stored are left out), each carrying its own
     * spec (a run stored under one label is found under another label of the same run). Every trace is read: for
     * a study of many long runs, read [summaries] and [load] only the runs a plot needs.
     */
    fun load(specs: List<RunSpec>): List<RunResult> = select(specs, withTraces = true)

    /**
     * The stored runs among [specs] as [load] gives them, but each with [Trace.EMPTY] for its trace, which is not
     * read from the file: everything a study's tables, ECDFs and profiles need, in memory that grows with the
     * number of runs but not with their length.
     */
    fun summaries(specs: List<RunSpec>): List<RunResult> = select(specs, withTraces = false)

    private fun select(specs: List<RunSpec>, withTraces: Boolean): List<RunResult> {
        val byKey = specs.associateBy { it.key }
        val found = HashMap<String, RunResult>()
        val columns = if (withTraces) "*" else SUMMARY_COLUMNS
        connection.createStatement().use { st ->
            st.executeQuery("SELECT $columns FROM runs").use { rs ->
                while (rs.next()) {
                    val spec = byKey[rs.getString("run_key")] ?: continue
                    found[spec.key] = read(rs, spec, withTraces)
                }
            }
        }
        // two specs may share a key (two labels of one run): each gets the stored result under its own labels
        return specs.mapNotNull { spec -> found[spec.key]?.copy(spec = spec) }
    }

    /** The number of stored runs. */
    fun size(): Int = connection.createStatement().use { st ->
        st.executeQuery("SELECT COUNT(*) FROM runs").use { rs -> rs.next(); rs.getInt(1) }
    }

    /** The stored run of [spec], or null. */
    fun find(spec: RunSpec): RunResult? =
        connection.prepareStatement("SELECT * FROM runs WHERE run_key = ?").use { st ->
            st.setString(1, spec.key)
            st.executeQuery().use { rs -> if (rs.next()) read(rs, spec, withTrace = true) else null }
        }

    /** Records the study whose runs this store holds (replacing any earlier record), so it can be rebuilt. */
    fun putStudy(properties: Map<String, String>) {
        connection.autoCommit = false
        try {
            connection.createStatement().use { it.executeUpdate("DELETE FROM study") }
            connection.prepareStatement("INSERT INTO study (property, value) VALUES (?, ?)").use { st ->
                for ((k, v) in properties) {
                    st.setString(1, k)
                    st.setString(2, v)
                    st.executeUpdate()
                }
            }
            connection.commit()
        } catch (e: SQLException) {
            connection.rollback()
            throw LabException("cannot record the study in $path: ${e.message}", e)
        } finally {
            connection.autoCommit = true
        }
    }

    /** The recorded study's properties (empty for a store written before studies were recorded). */
    fun study(): Map<String, String> = connection.createStatement().use { st ->
        st.executeQuery("SELECT property, value FROM study ORDER BY property").use { rs ->
            buildMap { while (rs.next()) put(rs.getString(1), rs.getString(2)) }
        }
    }

    /**
     * Every stored run as CSV (one line per run, ordered by key), the columns a spreadsheet needs: the pair,
     * start and seed, outcome, steps, evaluations, final value and gap, and the steps to each target.
     */
    fun csv(): String {
        val text = StringBuilder(EXPORT_COLUMNS.joinToString(",")).append('\n')
        for (row in exportRows()) {
            text.append(row.joinToString(",") { csvField(if (it is List<*>) it.joinToString(" ") else it.toString()) }).append('\n')
        }
        return text.toString()
    }

    /**
     * The study and every stored run as JSON: `{"study": {...}, "runs": [{...}, ...]}` with the columns of [csv]
     * (numbers as numbers, the steps to each target as arrays, non-finite numbers as the strings "Infinity",
     * "-Infinity" and "NaN").
     */
    fun json(): String {
        val text = StringBuilder("{\n  \"study\": {")
        text.append(study().entries.joinToString(", ") { "${jsonString(it.key)}: ${jsonString(it.value)}" })
        text.append("},\n  \"runs\": [")
        exportRows().forEachIndexed { i, row ->
            text.append(if (i == 0) "\n    {" else ",\n    {")
            text.append(EXPORT_COLUMNS.indices.joinToString(", ") { c -> "${jsonString(EXPORT_COLUMNS[c])}: ${jsonValue(row[c])}" })
            text.append('}')
        }
        return text.append("\n  ]\n}\n").toString()
    }

    /** The export columns of every run, ordered by key: strings, longs, doubles, and lists of longs. */
    private fun exportRows(): List<List<Any>> = buildList {
        connection.createStatement().use { st ->
            st.executeQuery("SELECT * FROM runs ORDER BY run_key").use { rs ->
                while (rs.next()) {
                    add(listOf(
                        rs.getString("run_key"), rs.getString("optimizer_label"), rs.getString("landscape_label"),
                        rs.getInt("start_index").toLong(), rs.getInt("seed_index").toLong(), rs.getLong("seed"),
                        rs.getString("outcome"), rs.getLong("outcome_step"), rs.getString("cause") ?: "",
                        rs.getLong("steps"), rs.getLong("evaluations"),
                        java.lang.Double.parseDouble(rs.getString("final_value")),
                        java.lang.Double.parseDouble(rs.getString("final_gap")),
                        rs.getString("hit_steps").split(',').map { it.toLong() },
                        rs.getString("hit_evaluations").split(',').map { it.toLong() },
                    ))
                }
            }
        }
    }

    override fun close() = connection.close()

    private fun read(rs: ResultSet, spec: RunSpec, withTrace: Boolean): RunResult {
        val outcome = Outcome.of(rs.getString("outcome"), rs.getLong("outcome_step"),
            rs.getLong("outcome_evaluations"), rs.getString("cause"))
        return RunResult(spec, outcome, rs.getLong("steps"), rs.getLong("evaluations"),
            java.lang.Double.parseDouble(rs.getString("final_value")),
            java.lang.Double.parseDouble(rs.getString("final_gap")),
            parseExact(rs.getString("final_point")),
            rs.getString("hit_steps").split(',').map { it.toLong() },
            rs.getString("hit_evaluations").split(',').map { it.toLong() },
            if (withTrace) Trace.fromBytes(rs.getBytes("trace")) else Trace.EMPTY)
    }

    companion object {
        /**
         * Opens (creating if needed) the store at [path], creating its folder.
         *
         * @throws LabException naming the path if the folder cannot be created or the file is not a store
         */
        @JvmStatic
        fun open(path: Path): ResultStore {
            try {
                path.toAbsolutePath().parent?.let { Files.createDirectories(it) }
            } catch (e: Exception) {
                throw LabException("cannot create the results folder ${path.toAbsolutePath().parent}: ${e.message}", e)
            }
            if (Files.exists(path) && !Files.isWritable(path)) throw LabException("the store $path is not writable")
            try {
                val connection = DriverManager.getConnection("jdbc:sqlite:${path.toAbsolutePath()}")
                connection.createStatement().use { st ->
                    st.execute("PRAGMA journal_mode=WAL")
                    st.execute("PRAGMA synchronous=NORMAL")
                    st.execute("CREATE TABLE IF NOT EXISTS study (property TEXT PRIMARY KEY, value TEXT)")
                    st.execute(
                        "CREATE TABLE IF NOT EXISTS runs (run_key TEXT PRIMARY KEY, optimizer_label TEXT, optimizer TEXT, " +
                            "landscape_label TEXT, landscape TEXT, start_index INTEGER, start TEXT, seed_index INTEGER, " +
                            "study_seed INTEGER, seed INTEGER, budget TEXT, outcome TEXT, outcome_step INTEGER, " +
                            "outcome_evaluations INTEGER, cause TEXT, steps INTEGER, evaluations INTEGER, final_value TEXT, " +
                            "final_gap TEXT, final_point TEXT, hit_steps TEXT, hit_evaluations TEXT, trace BLOB)",
                    )
                }
                return ResultStore(path, connection)
            } catch (e: SQLException) {
                throw LabException("cannot open the results store $path: ${e.message}", e)
            }
        }

        /** Doubles written exactly (hexadecimal floating point), so stored results compare bit for bit. */
        private fun exact(values: List<Double>) = values.joinToString(" ") { java.lang.Double.toHexString(it) }

        private fun parseExact(text: String) =
            if (text.isEmpty()) emptyList() else text.split(' ').map { java.lang.Double.parseDouble(it) }

        /** Every column of a run but its trace. */
        private const val SUMMARY_COLUMNS = "run_key, outcome, outcome_step, outcome_evaluations, cause, steps, " +
            "evaluations, final_value, final_gap, final_point, hit_steps, hit_evaluations"

        private val EXPORT_COLUMNS = listOf("run_key", "optimizer", "landscape", "start_index", "seed_index", "seed",
            "outcome", "outcome_step", "cause", "steps", "evaluations", "final_value", "final_gap", "hit_steps",
            "hit_evaluations")

        private fun jsonValue(v: Any?): String = when (v) {
            is Double -> if (v.isFinite()) v.toString() else jsonString(v.toString())
            is Number -> v.toString()
            is List<*> -> v.joinToString(", ", "[", "]") { jsonValue(it) }
            else -> jsonString(v.toString())
        }

        private fun jsonString(s: String): String {
            val text = StringBuilder("\"")
            for (c in s) when {
                c == '"' -> text.append("\\\"")
                c == '\\' -> text.append("\\\\")
                c < ' ' -> text.append(String.format(java.util.Locale.ROOT, "\\u%04x", c.code))
                else -> text.append(c)
            }
            return text.append('"').toString()
        }

        private fun csvField(s: String) = if (s.any { it == ',' || it == '"' || it == '\n' })
            "\"" + s.replace("\"", "\"\"") + "\"" else s
    }
}
