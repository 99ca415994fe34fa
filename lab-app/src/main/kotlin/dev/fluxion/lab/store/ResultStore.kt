package dev.fluxion.lab.store

import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.HashedOptimizer
import dev.fluxion.lab.engine.HexDouble
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.Trace
import dev.fluxion.lab.engine.TracePolicy
import dev.fluxion.lab.stats.SummaryColumns
import dev.fluxion.lab.study.Study
import org.sqlite.SQLiteConfig
import org.sqlite.SQLiteErrorCode
import org.sqlite.SQLiteException
import java.lang.management.ManagementFactory
import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import java.sql.ResultSet
import java.sql.SQLException

/**
 * An embedded SQLite file holding one study and its runs, each run under its unique [RunSpec.key], written as it
 * finishes (one transaction per run, so a killed study loses at most the runs in flight). A study started again
 * over the same file computes only the runs whose keys are missing.
 *
 * A store knows its own files: it is marked with [APPLICATION_ID] and its schema version ([SCHEMA_VERSION], in
 * SQLite's `user_version`). [open] creates or upgrades a store and refuses any other file (another application's
 * database, a newer schema, a file that is not SQLite); [openReadOnly], for the commands that only read, also
 * refuses an empty file and never writes a byte. Damage found while reading (a corrupt page, a missing column, a
 * trace blob that is not a trace) is a [LabException] naming the store, and the run and column where known.
 *
 * A store belongs to one study ([claimStudy]): a different plan is refused, unless the caller asks to replace the
 * study (and so to discard its runs). Several processes may compute one study together: each [claim]s a run
 * before computing it, so every run is computed once in all.
 *
 * A run's row holds its key, labels, indices and seed, and its results: outcome, counts, final value, gap and point,
 * the steps and evaluations to each target ([HitCounts]: a few bytes for a suite's 51 targets), and its trace (as the
 * study's [TracePolicy] keeps it). Its optimizer and landscape specs, its start and its budget are left NULL: they are
 * the study's, rebuilt from the study record ([Study.of]) and matched by key, so a row costs under 300 bytes without a
 * trace in low dimensions (the final point takes 8 bytes a coordinate). (Rows written before this kept them, and the
 * counts to targets and the final point as text; they read the same.)
 *
 * Not thread-safe, but for [claim]: callers serialise their other calls (the engine's workers store under one lock).
 */
class ResultStore private constructor(val path: Path, private val connection: Connection, val readOnly: Boolean) :
    AutoCloseable {

    /**
     * The schema of the file as opened (-1 for a new file), until [prepareForWriting] has run; then
     * [SCHEMA_VERSION].
     */
    private var schema = SCHEMA_VERSION

    private var prepared = readOnly

    /**
     * Before the first write: the journal in WAL mode (readers and other processes' writers go on while a run is
     * stored) and, for a new file or an older schema, the tables and the marks, in one transaction. Deferred until
     * a write, so that a study refused by [claimStudy] leaves the file as it found it.
     */
    private fun prepareForWriting() {
        if (prepared) return
        connection.createStatement().use { st ->
            st.execute("PRAGMA journal_mode=WAL")
            st.execute("PRAGMA synchronous=NORMAL")
            // runs are keyed by a hash, so a study's inserts land all over the table's B-tree: with SQLite's default
            // 2 MB page cache a large study rereads its pages from the OS at every commit; up to 64 MiB (taken only
            // as pages are read) keeps a million-run table's upper levels and recent leaves in memory. Set here, on a
            // file already known to be a store, not when connecting: a pragma at connection time reads the file, so a
            // text file failed in the driver (SQLITE_NOTADB) before the store could say what it is (RobustnessSpec)
            st.execute("PRAGMA cache_size=-65536")
            if (schema < SCHEMA_VERSION) {
                transaction {
                    st.execute("CREATE TABLE IF NOT EXISTS study (property TEXT PRIMARY KEY, value TEXT)")
                    // WITHOUT ROWID: the key is stored once, as the table's own key, not again in an index
                    st.execute("CREATE TABLE IF NOT EXISTS runs (${RUN_COLUMNS.joinToString { "$it ${columnType(it)}" }}, " +
                        "PRIMARY KEY (run_key)) WITHOUT ROWID")
                    st.execute("CREATE TABLE IF NOT EXISTS claims (run_key TEXT PRIMARY KEY, owner TEXT NOT NULL, " +
                        "claimed_at INTEGER NOT NULL)")
                    st.execute("PRAGMA application_id=$APPLICATION_ID")
                    st.execute("PRAGMA user_version=$SCHEMA_VERSION")
                }
                schema = SCHEMA_VERSION
            }
            // each optimizer label's canonical spec, which a run's row does not repeat: what `fluxion report` knows of
            // an optimizer whose code is not loaded (a plugin's without --plugins, a script's); a store of an older
            // fluxion gains the table when it is next written
            st.execute("CREATE TABLE IF NOT EXISTS $OPTIMIZER_SPECS (label TEXT PRIMARY KEY, spec TEXT NOT NULL) WITHOUT ROWID")
            // what a report needs of a landscape given by code, which a run's row names by its spec alone
            // ([LandscapeRecord]); a store of an older fluxion gains the table when it is next written
            st.execute("CREATE TABLE IF NOT EXISTS $LANDSCAPE_RECORDS (label TEXT PRIMARY KEY, facts TEXT NOT NULL, contours BLOB)")
        }
        prepared = true
    }

    /** Who claims runs from this store: this host, this process and the instant it started. */
    private val owner: String = processIdentity()

    /**
     * The keys of every stored run as a [KeyIndex] (12 bytes a run, where [keys] holds a string per run), read
     * row by row.
     */
    fun storedKeys(): KeyIndex = reading("the runs' keys") {
        connection.createStatement().use { st ->
            st.executeQuery("SELECT run_key FROM runs").use { rs ->
                KeyIndex.of(generateSequence { if (rs.next()) rs.getString(1) else null }.iterator())
            }
        }
    }

    /** Stores a finished run; a run already stored under the same key is left as it is. */
    fun put(result: RunResult) = putAll(listOf(result))

    /**
     * Stores finished runs in one transaction (a study stores its runs in batches: one transaction per run would
     * cost more than the runs); runs already stored under the same keys are left as they are.
     */
    fun putAll(results: List<RunResult>) {
        if (results.isEmpty()) return
        writing("${results.size} run(s), the first ${results.first().spec.key}") {
            transaction {
                connection.prepareStatement(
                    "INSERT OR IGNORE INTO runs (run_key, optimizer_label, optimizer, landscape_label, landscape, start_index, " +
                        "start, seed_index, study_seed, seed, budget, outcome, outcome_step, outcome_evaluations, cause, steps, " +
                        "evaluations, final_value, final_gap, final_point, hit_steps, hit_evaluations, trace) " +
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ).use { st ->
                    for (result in results) {
                        bind(st, result)
                        st.executeUpdate()
                    }
                }
                writeOptimizerSpecs(results.associate { it.spec.optimizerLabel to it.spec.optimizerSpec })
                // a stored run needs its claim no more: dropping it keeps the store's cost per run down (a process that
                // claimed no run one by one has none to drop: the runs it stores were granted by a claim on the rest
                // of the study, with no other process's claim on them)
                if (claimedOneByOne) connection.prepareStatement("DELETE FROM claims WHERE run_key = ?").use { st ->
                    for (result in results) {
                        st.setString(1, result.spec.key)
                        st.executeUpdate()
                    }
                }
            }
        }
    }

    /**
     * Deletes the stored runs whose keys [keep] lacks, with their claims, in one transaction, and returns how many
     * there were: how a study whose optimizers defined in code have changed drops the runs of the old code
     * ([HashedOptimizer]) before it resumes.
     */
    fun removeRunsNotIn(keep: KeyIndex): Int {
        val stale = reading("the runs' keys") {
            connection.createStatement().use { st ->
                st.executeQuery("SELECT run_key FROM runs").use { rs ->
                    generateSequence { if (rs.next()) rs.getString(1) else null }.filter { it !in keep }.toList()
                }
            }
        }
        if (stale.isEmpty()) return 0
        writing("the removal of ${stale.size} run(s)") {
            transaction {
                for (table in listOf("runs", "claims")) {
                    connection.prepareStatement("DELETE FROM $table WHERE run_key = ?").use { st ->
                        for (key in stale) {
                            st.setString(1, key)
                            st.executeUpdate()
                        }
                    }
                }
            }
        }
        return stale.size
    }

    private fun bind(st: java.sql.PreparedStatement, result: RunResult) {
        val s = result.spec
        st.setString(1, s.key)
        st.setString(2, s.optimizerLabel)
        st.setString(3, null) // the specs, the start and the budget are the study's: see the class comment
        st.setString(4, s.landscapeLabel)
        st.setString(5, null)
        st.setInt(6, s.startIndex)
        st.setString(7, null)
        st.setInt(8, s.seedIndex)
        st.setLong(9, s.studySeed)
        st.setLong(10, s.seed)
        st.setString(11, null)
        val o = result.outcome
        st.setString(12, o.kind)
        st.setLong(13, o.step)
        st.setLong(14, if (o is Outcome.ReachedTarget) o.evaluations else result.evaluations)
        st.setString(15, o.cause)
        st.setLong(16, result.steps)
        st.setLong(17, result.evaluations)
        st.setString(18, HexDouble.of(result.finalValue))
        st.setString(19, HexDouble.of(result.finalGap))
        st.setBytes(20, exact(result.finalPoint))
        st.setBytes(21, HitCounts.encode(result.hitSteps))
        st.setBytes(22, HitCounts.encode(result.hitEvaluations))
        st.setBytes(23, result.trace.toBytes())
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

    /**
     * Hands every stored run of [specs] to [action] as it is read from the file, without its trace, with its position
     * in [specs] (found with [index], the [KeyIndex] of [specs]' keys): a study's tables, ECDFs and profiles are
     * built from these ([SummaryColumns]) without holding a result per run. Runs not in [specs] are skipped; rows come
     * in the store's order, not in [specs]' order.
     */
    fun forEachSummary(specs: List<RunSpec>, index: KeyIndex, action: (position: Int, result: RunResult) -> Unit) {
        reading("the runs") {
            connection.createStatement().use { st ->
                st.executeQuery("SELECT $SUMMARY_COLUMNS FROM runs").use { rs ->
                    while (rs.next()) {
                        val key = rs.getString("run_key")
                        val position = index.positionOf(key)
                        if (position < 0) continue
                        action(position, read(rs, specs[position], withTrace = false, key))
                    }
                }
            }
        }
    }

    private fun select(specs: List<RunSpec>, withTraces: Boolean): List<RunResult> {
        // a few runs (the ones a report plots) are looked up by key, not found in a pass over every row
        if (specs.size <= FEW_RUNS) return specs.mapNotNull { spec -> lookup(spec, withTraces) }
        val byKey = specs.associateBy { it.key }
        val found = HashMap<String, RunResult>()
        val columns = if (withTraces) "*" else SUMMARY_COLUMNS
        reading("the runs") {
            connection.createStatement().use { st ->
                st.executeQuery("SELECT $columns FROM runs").use { rs ->
                    while (rs.next()) {
                        val spec = byKey[rs.getString("run_key")] ?: continue
                        found[spec.key] = read(rs, spec, withTraces)
                    }
                }
            }
        }
        // two specs may share a key (two labels of one run): each gets the stored result under its own labels
        return specs.mapNotNull { spec -> found[spec.key]?.copy(spec = spec) }
    }

    private fun lookup(spec: RunSpec, withTraces: Boolean): RunResult? = reading("run ${spec.key}") {
        connection.prepareStatement("SELECT ${if (withTraces) "*" else SUMMARY_COLUMNS} FROM runs WHERE run_key = ?").use { st ->
            st.setString(1, spec.key)
            st.executeQuery().use { rs -> if (rs.next()) read(rs, spec, withTraces) else null }
        }
    }

    /** The number of stored runs. */
    fun size(): Int = reading("the number of runs") {
        connection.createStatement().use { st ->
            st.executeQuery("SELECT COUNT(*) FROM runs").use { rs -> rs.next(); rs.getInt(1) }
        }
    }

    /** The stored run of [spec], or null. */
    fun find(spec: RunSpec): RunResult? = reading("run ${spec.key}") {
        connection.prepareStatement("SELECT * FROM runs WHERE run_key = ?").use { st ->
            st.setString(1, spec.key)
            st.executeQuery().use { rs -> if (rs.next()) read(rs, spec, withTrace = true) else null }
        }
    }

    /**
     * Makes this store the store of the study with [properties], whose runs have the keys [plan]:
     * - an empty store records it;
     * - a store of the same study keeps its record and runs (the study resumes); [same] says whether a stored
     *   record describes the same study (a record of an older fluxion may lack properties that now have defaults);
     * - a store of another study whose runs all belong to [plan] (the same study with more starts or seeds, say)
     *   takes the new record and keeps its runs, which the grown study reuses; with [replace], any store is
     *   emptied (record, runs and claims, in one transaction) and takes the new record;
     * - any other store is refused, naming the properties that differ.
     * So a store only ever holds runs of the study it records, and its exports hold that study's runs alone.
     *
     * @throws LabException when the store holds another study and [replace] is not set
     */
    @JvmOverloads
    fun claimStudy(properties: Map<String, String>, plan: Collection<String> = emptyList(), replace: Boolean = false,
                   same: (Map<String, String>) -> Boolean = { it == properties }) {
        if (readOnly) ensureWritable("the study")
        // read first: a refusal writes nothing
        val stored = study()
        if (stored.isNotEmpty() && same(stored) && !replace) {
            ensureWritable("the study") // the journal and schema a resumed study writes with
            return
        }
        val keys = storedKeys()
        // every stored run belongs to the new plan (so: an empty store)
        val ownRuns = keys.size == 0 || keys.allIn(KeyIndex.of(plan.iterator()))
        if (!ownRuns && !replace) {
            val differing = (stored.keys + properties.keys).filter { stored[it] != properties[it] }
                .sortedWith(compareBy({ it != "kind" }, { it != "name" }, { it }))
            val said = differing.take(3).joinToString("; ") { "$it ${stored[it] ?: "(none)"} there, ${properties[it] ?: "(none)"} here" }
            val what = if (stored.isEmpty()) "${keys.size} runs of an unrecorded study" else
                "another study (${stored["kind"] ?: "?"} '${stored["name"] ?: "?"}', ${keys.size} runs; $said" +
                    "${if (differing.size > 3) "; ..." else ""})"
            throw LabException("$path holds $what: give another --name or --out, or --replace to delete its runs")
        }
        writing("the study") { transaction {
            connection.createStatement().use {
                it.executeUpdate("DELETE FROM study")
                if (replace) {
                    it.executeUpdate("DELETE FROM runs")
                    it.executeUpdate("DELETE FROM claims")
                    it.executeUpdate("DELETE FROM $OPTIMIZER_SPECS")
                    it.executeUpdate("DELETE FROM $LANDSCAPE_RECORDS")
                }
            }
            connection.prepareStatement("INSERT INTO study (property, value) VALUES (?, ?)").use { st ->
                for ((k, v) in properties) {
                    st.setString(1, k)
                    st.setString(2, v)
                    st.executeUpdate()
                }
            }
        } }
    }

    /**
     * Each optimizer label of the stored runs with its canonical spec (a plugin's, or `NAME#HASH` of one defined in
     * code), as the runs were stored: what a report needs of an optimizer whose code is not loaded. Empty for a store
     * written before these were kept.
     */
    fun optimizerSpecs(): Map<String, String> = reading("the optimizers' specs") {
        connection.createStatement().use { st ->
            val kept = st.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '$OPTIMIZER_SPECS'")
                .use { it.next() }
            if (!kept) return@reading emptyMap()
            st.executeQuery("SELECT label, spec FROM $OPTIMIZER_SPECS ORDER BY label").use { rs ->
                buildMap {
                    while (rs.next()) put(rs.getString(1), rs.getString(2))
                }
            }
        }
    }

    /**
     * Records [specs], optimizer labels with their canonical specs, as [putAll] records those of the runs it stores:
     * for a store that keeps the records of a study whose runs are elsewhere (a [ResultDataset]'s).
     */
    fun putOptimizerSpecs(specs: Map<String, String>) {
        writing("the optimizers' specs") { transaction { writeOptimizerSpecs(specs) } }
    }

    private fun writeOptimizerSpecs(specs: Map<String, String>) {
        connection.prepareStatement("INSERT OR REPLACE INTO $OPTIMIZER_SPECS (label, spec) VALUES (?, ?)").use { st ->
            for ((label, spec) in specs) {
                st.setString(1, label)
                st.setString(2, spec)
                st.executeUpdate()
            }
        }
    }

    /**
     * Takes the records of [other] ([optimizerSpecs] and [landscapeRecords]), replacing its own of the same labels:
     * how a dataset's study, whose records are kept in a store of their own beside its runs ([ResultDataset.record]),
     * gives them to the store it is copied into.
     */
    fun putRecordsOf(other: ResultStore) {
        putOptimizerSpecs(other.optimizerSpecs())
        for ((label, record) in other.landscapeRecords()) putLandscapeRecord(label, record)
    }

    /**
     * Records what a report needs of the landscape a study names by [label] ([LandscapeRecord]: its facts, and its
     * values on the grid of its contour figure), replacing an earlier record of it.
     */
    fun putLandscapeRecord(label: String, record: LandscapeRecord) {
        writing("the record of landscape $label") {
            connection.prepareStatement("INSERT OR REPLACE INTO $LANDSCAPE_RECORDS (label, facts, contours) VALUES (?, ?, ?)").use { st ->
                st.setString(1, label)
                st.setString(2, record.factsText())
                st.setBytes(3, record.contoursBytes())
                st.executeUpdate()
            }
        }
    }

    /**
     * The landscapes recorded by [putLandscapeRecord], by label: what a report knows of a landscape whose code is
     * not loaded. Empty for a store written before these were kept.
     */
    fun landscapeRecords(): Map<String, LandscapeRecord> = reading("the landscapes' records") {
        connection.createStatement().use { st ->
            val kept = st.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '$LANDSCAPE_RECORDS'")
                .use { it.next() }
            if (!kept) return@reading emptyMap()
            st.executeQuery("SELECT label, facts, contours FROM $LANDSCAPE_RECORDS ORDER BY label").use { rs ->
                buildMap {
                    while (rs.next()) {
                        val label = rs.getString(1)
                        put(label, LandscapeRecord.of(label, rs.getString(2), rs.getBytes(3)))
                    }
                }
            }
        }
    }

    /** The recorded study's properties (empty for a store written before studies were recorded). */
    fun study(): Map<String, String> = reading("the study record") {
        connection.createStatement().use { st ->
            st.executeQuery("SELECT property, value FROM study ORDER BY property").use { rs ->
                buildMap {
                    while (rs.next()) {
                        val property = rs.getString(1) ?: throw LabException("the store $path is damaged: a property of its study is NULL")
                        put(property, rs.getString(2)
                            ?: throw LabException("the store $path is damaged: its study's property '$property' is NULL"))
                    }
                }
            }
        }
    }

    /**
     * Claims the run with [key] for this process: true when it is neither stored nor claimed by another process
     * (a claim of this process's own counts as its), so the caller computes it; false when another process has it
     * or it is stored. Claims let several processes share one study's runs, each run computed once in all.
     */
    fun claim(key: String): Boolean = claimAll(listOf(key)).isNotEmpty()

    /**
     * [claim] for several runs in one transaction, with its two statements prepared once: the keys of [keys] this
     * process may compute. A run is refused while another process holds a claim on the rest of the study
     * ([claimRest]).
     */
    fun claimAll(keys: List<String>): Set<String> = synchronized(claimLock) {
        ensureWritable("the claims")
        claimedOneByOne = true
        val claims = claimConnection()
        writing("the claims of ${keys.size} run(s)") {
            claims.autoCommit = false
            try {
                claims.prepareStatement("INSERT INTO claims (run_key, owner, claimed_at) SELECT ?, ?, ? " +
                    "WHERE NOT EXISTS (SELECT 1 FROM runs WHERE run_key = ?) AND NOT EXISTS (SELECT 1 FROM claims " +
                    "WHERE run_key = '$REST' AND owner <> ?) ON CONFLICT (run_key) DO NOTHING").use { insert ->
                    claims.prepareStatement("SELECT owner FROM claims WHERE run_key = ? AND NOT EXISTS " +
                        "(SELECT 1 FROM runs WHERE run_key = ?)").use { owned ->
                        val now = System.currentTimeMillis()
                        keys.filterTo(HashSet()) { claimOn(insert, owned, it, now) }
                    }
                }.also { claims.commit() }
            } catch (e: Throwable) {
                claims.rollback()
                throw e
            } finally {
                claims.autoCommit = true
            }
        }
    }

    /**
     * Claims, for a process that hands every run it computes to its backend at once (a cluster's: see
     * [dev.fluxion.lab.engine.RunBackend]), the runs of [keys] that are neither stored nor claimed by another process,
     * with one claim on the rest of the study instead of one per run: while it stands, no other process claims a run
     * ([claimAll], or this function, which grants another process nothing), and the runs other processes claimed
     * before it stay theirs. [stored] is the store's keys as the caller last read them (the runs of [keys] were found
     * missing there); runs stored since are found here and left out. Returns, for each key of [keys], whether this
     * process computes it. The claim lasts until [releaseRest], or until this process ends
     * ([releaseAbandonedClaims]).
     *
     * Per-run claims cost a study computed on a cluster more than its storing: a row written and deleted for each run,
     * all of them before the cluster could start.
     */
    fun claimRest(keys: List<String>, stored: KeyIndex): BooleanArray = synchronized(claimLock) {
        ensureWritable("the claims")
        val claims = claimConnection()
        writing("the claim on ${keys.size} run(s)") {
            claims.autoCommit = false
            try {
                // the write first, so the reads below see every other process's last claims and runs
                claims.prepareStatement("INSERT INTO claims (run_key, owner, claimed_at) VALUES ('$REST', ?, ?) " +
                    "ON CONFLICT (run_key) DO NOTHING").use {
                    it.setString(1, owner)
                    it.setLong(2, System.currentTimeMillis())
                    it.executeUpdate()
                }
                val holder = claims.createStatement().use { st ->
                    st.executeQuery("SELECT owner FROM claims WHERE run_key = '$REST'").use { rs -> if (rs.next()) rs.getString(1) else null }
                }
                val granted = BooleanArray(keys.size)
                if (holder == owner) {
                    val others = claims.prepareStatement("SELECT run_key FROM claims WHERE owner <> ? AND run_key <> '$REST'").use { st ->
                        st.setString(1, owner)
                        st.executeQuery().use { rs -> KeyIndex.of(generateSequence { if (rs.next()) rs.getString(1) else null }.iterator()) }
                    }
                    val count = claims.createStatement().use { st -> st.executeQuery("SELECT COUNT(*) FROM runs").use { it.next(); it.getInt(1) } }
                    val storedNow = if (count == stored.size) stored else claims.createStatement().use { st ->
                        st.executeQuery("SELECT run_key FROM runs").use { rs -> KeyIndex.of(generateSequence { if (rs.next()) rs.getString(1) else null }.iterator()) }
                    }
                    for (i in keys.indices) granted[i] = keys[i] !in others && keys[i] !in storedNow
                }
                claims.commit()
                granted
            } catch (e: Throwable) {
                claims.rollback()
                throw e
            } finally {
                claims.autoCommit = true
            }
        }
    }

    /** Drops this process's claim on the rest of the study ([claimRest]), once its runs are stored or dropped. */
    fun releaseRest() = synchronized(claimLock) {
        writing("the claims") {
            claimConnection().prepareStatement("DELETE FROM claims WHERE run_key = '$REST' AND owner = ?").use {
                it.setString(1, owner)
                it.executeUpdate()
            }
        }
    }

    /**
     * The claims' own connection, opened by the first claim: the engine's workers claim runs as they take them,
     * so a claim must not wait for a run being stored on [connection] (SQLite serialises the two writers, briefly).
     */
    private var claimConnection: Connection? = null

    /** Whether this store has claimed a run one by one ([claimAll]), whose claim [putAll] then drops. */
    @Volatile
    private var claimedOneByOne = false

    private fun claimConnection(): Connection = claimConnection ?: connect(path, readOnly = false).also { claimConnection = it }

    private val claimLock = Any()

    /** Claims [key] with [insert], else asks [owned] whether this process holds its claim already. */
    private fun claimOn(insert: java.sql.PreparedStatement, owned: java.sql.PreparedStatement, key: String, now: Long): Boolean {
        insert.setString(1, key)
        insert.setString(2, owner)
        insert.setLong(3, now)
        insert.setString(4, key)
        insert.setString(5, owner)
        if (insert.executeUpdate() == 1) return true
        owned.setString(1, key)
        owned.setString(2, key)
        return owned.executeQuery().use { rs -> rs.next() && rs.getString(1) == owner }
    }

    /**
     * Deletes the claims on unstored runs whose owner is a process of this host that has ended (killed, say), so
     * that their runs can be claimed again; returns how many. A claim of another host is kept: its process cannot
     * be seen from here.
     */
    fun releaseAbandonedClaims(): Int = writing("the claims") {
        val abandoned = connection.createStatement().use { st ->
            st.executeQuery("SELECT DISTINCT owner FROM claims WHERE run_key NOT IN (SELECT run_key FROM runs)").use { rs ->
                buildList { while (rs.next()) add(rs.getString(1)) }
            }
        }.filter { it != owner && !isAlive(it) }
        var released = 0
        connection.prepareStatement("DELETE FROM claims WHERE owner = ? AND run_key NOT IN (SELECT run_key FROM runs)").use { st ->
            for (o in abandoned) {
                st.setString(1, o)
                released += st.executeUpdate()
            }
        }
        released
    }

    /**
     * Every stored run as CSV (one line per run, ordered by key), the columns a spreadsheet needs: the pair,
     * start and seed, outcome, steps, evaluations, final value and gap, and the steps to each target.
     */
    fun csv(): String = StringBuilder().also { writeCsv(it) }.toString()

    /** [csv], written to [out] row by row as the rows are read: a million runs never wait in memory. */
    fun writeCsv(out: Appendable) {
        out.append(EXPORT_COLUMNS.joinToString(",")).append('\n')
        forEachExportRow { row ->
            row.forEachIndexed { i, it ->
                if (i > 0) out.append(',')
                out.append(csvField(if (it is List<*>) it.joinToString(" ") else it.toString()))
            }
            out.append('\n')
        }
    }

    /**
     * The study and every stored run as JSON: `{"study": {...}, "runs": [{...}, ...]}` with the columns of [csv]
     * (numbers as numbers, the steps to each target as arrays, non-finite numbers as the strings "Infinity",
     * "-Infinity" and "NaN").
     */
    fun json(): String = StringBuilder().also { writeJson(it) }.toString()

    /** [json], written to [out] row by row as the rows are read. */
    fun writeJson(out: Appendable) {
        out.append("{\n  \"study\": {")
        out.append(study().entries.joinToString(", ") { "${jsonString(it.key)}: ${jsonString(it.value)}" })
        out.append("},\n  \"runs\": [")
        var first = true
        forEachExportRow { row ->
            out.append(if (first) "\n    {" else ",\n    {")
            first = false
            EXPORT_COLUMNS.indices.forEach { c ->
                if (c > 0) out.append(", ")
                out.append(jsonString(EXPORT_COLUMNS[c])).append(": ").append(jsonValue(row[c]))
            }
            out.append('}')
        }
        out.append("\n  ]\n}\n")
    }

    /** The export columns of every run, ordered by key, one run at a time: strings, longs, doubles, lists of longs. */
    private fun forEachExportRow(action: (List<Any>) -> Unit) = reading("the runs") {
        // rows written since stores kept one study leave the budget to the study record (older rows carry their own)
        val studyBudget = try {
            Study.of(study()).budget.identity()
        } catch (e: LabException) {
            ""
        }
        connection.createStatement().use { st ->
            // the table's own order (it is keyed by run_key): rows stream from the file, nothing is sorted in memory
            st.executeQuery("SELECT $EXPORT_READ FROM runs ORDER BY run_key").use { rs ->
                while (rs.next()) {
                    val key = rs.getString("run_key")
                    val column = Columns(rs, key)
                    action(listOf(
                        key, column.text("optimizer_label"), column.text("landscape_label"),
                        column.whole("start_index"), column.whole("seed_index"), column.whole("seed"),
                        rs.getString("budget") ?: studyBudget, column.text("outcome"), column.whole("outcome_step"),
                        rs.getString("cause") ?: "", column.whole("steps"), column.whole("evaluations"),
                        column.exact("final_value"), column.exact("final_gap"),
                        column.wholes("hit_steps"), column.wholes("hit_evaluations"),
                    ))
                }
            }
        }
    }

    /**
     * Every stored run as a [RunRow], ordered by key, one run at a time, with its trace when [withTraces]: the rows
     * of any study, read without rebuilding it ([RunRow.read]).
     */
    fun forEachRow(withTraces: Boolean, action: (RunRow) -> Unit) = reading("the runs") {
        val targets = try {
            Study.of(study()).budget.targets
        } catch (e: LabException) {
            emptyList()
        }
        connection.createStatement().use { st ->
            st.executeQuery("SELECT $ROW_READ${if (withTraces) ", trace" else ""} FROM runs ORDER BY run_key").use { rs ->
                while (rs.next()) {
                    val column = Columns(rs, rs.getString("run_key"))
                    action(RunRow(column.text("run_key"), column.text("optimizer_label"), column.text("landscape_label"),
                        column.whole("start_index").toInt(), column.whole("seed_index").toInt(), column.whole("seed"),
                        column.text("outcome"), column.whole("outcome_step"), rs.getString("cause") ?: "",
                        column.whole("steps"), column.whole("evaluations"), column.exact("final_value"),
                        column.exact("final_gap"), column.exacts("final_point"), targets, column.wholes("hit_steps"),
                        column.wholes("hit_evaluations"), if (withTraces) column.trace("trace") else Trace.EMPTY))
                }
            }
        }
    }

    override fun close() {
        try {
            synchronized(claimLock) { claimConnection?.close() }
        } finally {
            connection.close()
        }
    }

    /** The run of [spec] in the row at [rs], whose key is [key] (given when read already: a spec's key is a hash). */
    private fun read(rs: ResultSet, spec: RunSpec, withTrace: Boolean, key: String = spec.key): RunResult {
        val column = Columns(rs, key)
        val kind = column.text("outcome")
        val outcome = try {
            Outcome.of(kind, column.whole("outcome_step"), column.whole("outcome_evaluations"), rs.getString("cause"))
        } catch (e: LabException) {
            if (e.message?.startsWith("unknown outcome") != true) throw e
            throw LabException("the store $path is damaged: run ${spec.key}, column outcome: ${e.message}")
        }
        return RunResult(spec, outcome, column.whole("steps"), column.whole("evaluations"),
            column.exact("final_value"), column.exact("final_gap"), column.exacts("final_point"),
            column.wholes("hit_steps"), column.wholes("hit_evaluations"),
            if (withTrace) column.trace("trace") else Trace.EMPTY)
    }

    /**
     * One row's columns, read with a check: a value of the wrong kind (NULL, text that is not a number, a blob that
     * is not a trace) is a [LabException] naming the store, the run and the column, not a stack trace from deep in
     * the reading code.
     */
    private inner class Columns(private val rs: ResultSet, private val key: String) {
        fun text(name: String): String = rs.getString(name) ?: damaged(name, "is NULL")

        fun whole(name: String): Long = text(name).toLongOrNull() ?: damaged(name, "'${text(name).take(40)}' is not a whole number")

        fun exact(name: String): Double = try {
            HexDouble.parse(text(name))
        } catch (e: NumberFormatException) {
            damaged(name, "'${text(name).take(40)}' is not a number")
        }

        /** Doubles: a blob of [exact], or the hexadecimal text of stores written before it. */
        fun exacts(name: String): List<Double> = when (val stored = rs.getObject(name)) {
            null -> damaged(name, "is NULL")
            is ByteArray -> if (stored.size % 8 != 0) damaged(name, "${stored.size} bytes that are not 8-byte numbers")
                else java.nio.ByteBuffer.wrap(stored).let { bytes -> List(stored.size / 8) { bytes.getDouble() } }
            else -> try {
                parseExact(stored.toString())
            } catch (e: NumberFormatException) {
                damaged(name, "'${stored.toString().take(40)}' is not a list of numbers")
            }
        }

        /** Counts to targets: a blob of [HitCounts], or the comma-separated text of stores written before it. */
        fun wholes(name: String): List<Long> = when (val stored = rs.getObject(name)) {
            null -> damaged(name, "is NULL")
            is ByteArray -> HitCounts.decodeOrNull(stored) ?: damaged(name, "${stored.size} bytes that are not counts to targets")
            else -> stored.toString().let { text ->
                text.split(',').map { it.toLongOrNull() ?: damaged(name, "'${text.take(40)}' is not a list of whole numbers") }
            }
        }

        fun trace(name: String): Trace {
            val bytes = rs.getBytes(name) ?: damaged(name, "is NULL")
            return Trace.fromBytesOrNull(bytes) ?: damaged(name, "${bytes.size} bytes that are not a trace")
        }

        private fun damaged(name: String, what: String): Nothing =
            throw LabException("the store $path is damaged: run $key, column $name $what")
    }

    /** [block] as one transaction: all of its writes or none. */
    private fun <T> transaction(block: () -> T): T {
        connection.autoCommit = false
        try {
            return block().also { connection.commit() }
        } catch (e: Throwable) {
            connection.rollback()
            throw e
        } finally {
            connection.autoCommit = true
        }
    }

    /** [block], which reads [what]; an SQLite error becomes one line naming the store. */
    private fun <T> reading(what: String, block: () -> T): T = try {
        block()
    } catch (e: SQLException) {
        throw LabException("cannot read $what from the store $path: ${sqliteMessage(e)}", e)
    }

    /** [block], which writes [what]; refused on a read-only store; an SQLite error becomes one line. */
    private fun <T> writing(what: String, block: () -> T): T {
        ensureWritable(what)
        return try {
            block()
        } catch (e: SQLException) {
            throw LabException("cannot write $what to the store $path: ${sqliteMessage(e)}", e)
        }
    }

    /** Refuses to write [what] to a read-only store; otherwise makes the store ready for writing ([prepareForWriting]). */
    private fun ensureWritable(what: String) {
        if (readOnly) {
            throw LabException("the store $path is open for reading only; cannot write $what (run the study's command " +
                "again to finish it)")
        }
        try {
            prepareForWriting()
        } catch (e: SQLException) {
            throw LabException("cannot write $what to the store $path: ${sqliteMessage(e)}", e)
        }
    }

    companion object {
        /** The `application_id` that marks a Fluxion store: the bytes of "Flux". */
        const val APPLICATION_ID = 0x466C7578

        /**
         * The schema this fluxion writes. 0 is a store of an earlier fluxion (unmarked tables `study` and `runs`),
         * upgraded by [open]; 1 adds the marks and the `claims` table; 2 writes the steps and evaluations to the
         * targets as [HitCounts] blobs and the final point as 8 bytes a coordinate, where 0 and 1 wrote text (rows of
         * either kind read the same, in a store of any schema: an upgraded store keeps its older rows as they are).
         */
        const val SCHEMA_VERSION = 2

        /**
         * The key of a claim on the rest of a study ([claimRest]): not a run's key (16 hex digits), so no run is
         * stored under it, and an owner that has ended loses it as it loses its runs' claims ([releaseAbandonedClaims]).
         */
        private const val REST = "*"

        /** The table of each optimizer label's canonical spec ([optimizerSpecs]). */
        private const val OPTIMIZER_SPECS = "optimizer_specs"

        /** The table of the records of landscapes given by code ([landscapeRecords]). */
        private const val LANDSCAPE_RECORDS = "landscape_records"

        /**
         * Opens the store at [path] for a study to write, creating the file and its folder when they are missing
         * (an empty file counts as missing) and upgrading a store of an older schema.
         *
         * @throws LabException naming the path when the folder cannot be created, the file cannot be written, or
         *   the file is not a Fluxion store (another application's database, a newer schema, not SQLite at all)
         */
        @JvmStatic
        fun open(path: Path): ResultStore {
            path.toAbsolutePath().parent?.let { OutputFile.checkFolder(it) }
            if (Files.isDirectory(path)) throw LabException("the store $path is a folder, not a file")
            if (Files.exists(path) && !Files.isWritable(path)) throw LabException("the store $path is not writable")
            val connection = connect(path, readOnly = false)
            try {
                val version = inspect(path, connection, readOnly = false)
                val store = ResultStore(path, connection, readOnly = false)
                store.schema = version
                if (version < 0) store.prepareForWriting() // a new file: nobody's data
                return store
            } catch (e: Throwable) {
                connection.close()
                if (e is SQLException) throw LabException("cannot open the results store $path: ${sqliteMessage(e)}", e)
                throw e
            }
        }

        /**
         * Opens the existing store at [path] for reading only: nothing is written to it (no marks, no tables, no
         * journal mode), and [put], [claimStudy] and [claim] are refused.
         *
         * @throws LabException naming the path when there is no such file, it is empty, or it is not a Fluxion
         *   store of a schema this fluxion reads
         */
        @JvmStatic
        fun openReadOnly(path: Path): ResultStore {
            if (!Files.exists(path)) throw LabException("no such store: $path")
            if (!Files.isRegularFile(path)) throw LabException("the store $path is not a file")
            if (Files.size(path) == 0L) throw LabException("$path is not a fluxion store: the file is empty")
            val connection = connect(path, readOnly = true)
            try {
                inspect(path, connection, readOnly = true)
                return ResultStore(path, connection, readOnly = true)
            } catch (e: Throwable) {
                connection.close()
                if (e is SQLException) throw LabException("cannot open the results store $path: ${sqliteMessage(e)}", e)
                throw e
            }
        }

        /**
         * A connection to [path]. A read-only connection to a store with no journal beside it (no writer has it open,
         * nothing is left to recover) opens it as immutable: SQLite then makes no `-wal` or `-shm` file beside it
         * and needs no write access to its folder (an archived, read-only store reads as well as any).
         */
        private fun connect(path: Path, readOnly: Boolean): Connection = try {
            val config = SQLiteConfig()
            config.setReadOnly(readOnly)
            config.setBusyTimeout(60_000) // another process of the same study may be writing, or creating the file
            // else the driver runs SELECT last_insert_rowid() as a statement of its own after each INSERT: a run's
            // row and claim each cost two statements, and no caller reads the keys
            config.setGetGeneratedKeys(false)
            val quiet = readOnly && listOf("-wal", "-journal").none { Files.exists(path.resolveSibling(path.fileName.toString() + it)) }
            val url = if (quiet) "jdbc:sqlite:${path.toAbsolutePath().toUri()}?immutable=1" else "jdbc:sqlite:${path.toAbsolutePath()}"
            DriverManager.getConnection(url, config.toProperties())
        } catch (e: SQLException) {
            throw LabException("cannot open the results store $path: ${sqliteMessage(e)}", e)
        }

        /**
         * The schema version of the file [connection] has open, after checking that it is a Fluxion store: marked
         * with [APPLICATION_ID] (or an unmarked store of schema 0: exactly the tables `study` and `runs`), of a
         * schema no newer than [SCHEMA_VERSION], with every column of `runs`. A new, empty database is version -1
         * (refused when [readOnly]).
         */
        private fun inspect(path: Path, connection: Connection, readOnly: Boolean): Int {
            // one read transaction, so that the marks and the tables are read from one state of the file: another
            // process of the same study may be creating it this very moment
            connection.autoCommit = false
            try {
                return inspectIn(path, connection, readOnly)
            } finally {
                try {
                    connection.rollback()
                } catch (e: SQLException) {
                    // nothing was begun (the file is not a database): nothing to end
                }
                connection.autoCommit = true
            }
        }

        private fun inspectIn(path: Path, connection: Connection, readOnly: Boolean): Int {
            val (application, version) = try {
                connection.createStatement().use { st ->
                    val application = st.executeQuery("PRAGMA application_id").use { it.next(); it.getInt(1) }
                    application to st.executeQuery("PRAGMA user_version").use { it.next(); it.getInt(1) }
                }
            } catch (e: SQLException) {
                if (e is SQLiteException && e.resultCode == SQLiteErrorCode.SQLITE_NOTADB) {
                    throw LabException("$path is not a fluxion store: the file is not an SQLite database")
                }
                throw e
            }
            val tables = connection.createStatement().use { st ->
                st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'").use { rs ->
                    buildSet { while (rs.next()) add(rs.getString(1)) }
                }
            }
            if (application == 0 && version == 0 && tables.isEmpty()) {
                if (readOnly) throw LabException("$path is not a fluxion store: the database holds no tables")
                return -1
            }
            if (application != APPLICATION_ID && !(application == 0 && version == 0 && tables == setOf("study", "runs"))) {
                val what = if (application != 0) "its application id is $application" else "it holds the tables ${tables.sorted()}"
                throw LabException("$path is not a fluxion store ($what); give another --out or file")
            }
            if (version > SCHEMA_VERSION) {
                throw LabException("$path is a fluxion store of schema $version, newer than this fluxion reads " +
                    "($SCHEMA_VERSION); use a newer fluxion")
            }
            val missing = listOf("study", "runs").filter { it !in tables } +
                (if (version >= 1 && "claims" !in tables) listOf("claims") else emptyList())
            if (missing.isNotEmpty()) throw LabException("the store $path is damaged: it lacks the table(s) ${missing.joinToString()}")
            val columns = connection.createStatement().use { st ->
                st.executeQuery("PRAGMA table_info(runs)").use { rs -> buildSet { while (rs.next()) add(rs.getString("name")) } }
            }
            RUN_COLUMNS.firstOrNull { it !in columns }?.let {
                throw LabException("the store $path is damaged: its table runs lacks the column '$it'")
            }
            return version
        }

        /** SQLite's message for [e], on one line, without the driver's decoration. */
        private fun sqliteMessage(e: SQLException): String =
            (e.message ?: e.javaClass.simpleName).lineSequence().joinToString(" ") { it.trim() }.trim()

        /** This process, as an owner of claims: `host/pid/start instant`. */
        private fun processIdentity(): String {
            val me = ProcessHandle.current()
            return "${hostName()}/${me.pid()}/${me.info().startInstant().map { it.toEpochMilli() }.orElse(0L)}"
        }

        private fun hostName(): String = ManagementFactory.getRuntimeMXBean().name.substringAfter('@')

        /** Whether the process that wrote [owner] is still running (true for a process of another host). */
        private fun isAlive(owner: String): Boolean {
            val parts = owner.split('/')
            if (parts.size != 3 || parts[0] != hostName()) return true
            val pid = parts[1].toLongOrNull() ?: return false
            val started = parts[2].toLongOrNull() ?: return false
            return ProcessHandle.of(pid).map { handle ->
                handle.isAlive && handle.info().startInstant().map { it.toEpochMilli() }.orElse(0L) == started
            }.orElse(false)
        }

        /** The columns of the `runs` table, in order. */
        private val RUN_COLUMNS = listOf("run_key", "optimizer_label", "optimizer", "landscape_label", "landscape",
            "start_index", "start", "seed_index", "study_seed", "seed", "budget", "outcome", "outcome_step",
            "outcome_evaluations", "cause", "steps", "evaluations", "final_value", "final_gap", "final_point",
            "hit_steps", "hit_evaluations", "trace")

        private fun columnType(column: String) = when (column) {
            "start_index", "seed_index", "study_seed", "seed", "outcome_step", "outcome_evaluations", "steps",
            "evaluations" -> "INTEGER"
            "trace", "final_point", "hit_steps", "hit_evaluations" -> "BLOB"
            else -> "TEXT"
        }

        /**
         * Doubles written exactly, 8 bytes each (big-endian IEEE 754), so stored results compare bit for bit; stores
         * before schema 2 wrote them as hexadecimal floating point text, 17 to 23 bytes each ([parseExact]).
         */
        private fun exact(values: List<Double>): ByteArray =
            java.nio.ByteBuffer.allocate(8 * values.size).also { bytes -> values.forEach { bytes.putDouble(it) } }.array()

        private fun parseExact(text: String) =
            if (text.isEmpty()) emptyList() else text.split(' ').map { java.lang.Double.parseDouble(it) }

        /** Every column of a run but its trace. */
        private const val SUMMARY_COLUMNS = "run_key, outcome, outcome_step, outcome_evaluations, cause, steps, " +
            "evaluations, final_value, final_gap, final_point, hit_steps, hit_evaluations"

        /** The columns the exports read: every column but the trace, the specs, the start and the final point. */
        private const val EXPORT_READ = "run_key, optimizer_label, landscape_label, start_index, seed_index, seed, " +
            "budget, outcome, outcome_step, cause, steps, evaluations, final_value, final_gap, hit_steps, hit_evaluations"

        /** The columns of a [RunRow] but its trace. */
        private const val ROW_READ = "run_key, optimizer_label, landscape_label, start_index, seed_index, seed, " +
            "outcome, outcome_step, cause, steps, evaluations, final_value, final_gap, final_point, hit_steps, hit_evaluations"

        /** Up to this many runs, [load] and [summaries] look each run up by key instead of reading every row. */
        private const val FEW_RUNS = 64

        private val EXPORT_COLUMNS = listOf("run_key", "optimizer", "landscape", "start_index", "seed_index", "seed",
            "budget", "outcome", "outcome_step", "cause", "steps", "evaluations", "final_value", "final_gap", "hit_steps",
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
