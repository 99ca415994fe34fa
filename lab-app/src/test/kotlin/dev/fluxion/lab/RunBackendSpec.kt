package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.engine.Registries
import dev.fluxion.lab.engine.RunBackend
import dev.fluxion.lab.engine.RunBackendProvider
import dev.fluxion.lab.engine.RunLoop
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.RunTimeout
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Studies
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.lang.management.ManagementFactory
import java.nio.file.Path
import java.sql.DriverManager
import java.util.function.Consumer

/**
 * The engine's [RunBackend] path, with a backend made here that computes the runs it is sent in reverse order, one
 * [RunLoop] each: the study it computes equals the coroutine engine's, it is sent only the runs the store lacks, and
 * the command line names a missing engine or a misplaced `--master` in one line. Other processes sharing the store are
 * real processes of this host whose claims are written by SQL ([OtherProcess]): a backend leaves the runs they
 * claimed, and while one holds the claim on the rest of the study, this process claims nothing, on a backend or one
 * run at a time; once they end, their runs are taken over, and every run is computed once in all.
 */
class RunBackendSpec : StringSpec({
    /** Computes the runs in reverse order on the calling thread, and counts the runs it was sent. */
    class ReversingBackend : RunBackend {
        var sent = 0
        override fun describe() = "reversing"
        override fun forEachFinished(runs: List<RunSpec>, keep: Consumer<RunResult>) {
            sent += runs.size
            val engine = Engine(1)
            for (i in runs.indices.reversed()) keep.accept(engine.run(runs[i]))
        }
        override fun close() {}
    }

    /** SQL on the store at [path], as another process runs it. */
    fun sql(path: Path, statement: String) = DriverManager.getConnection("jdbc:sqlite:$path").use { c ->
        c.createStatement().use { it.executeUpdate(statement) }
    }
    fun rows(path: Path, query: String) = DriverManager.getConnection("jdbc:sqlite:$path").use { c ->
        c.createStatement().use { st -> st.executeQuery(query).use { rs -> buildList { while (rs.next()) add(rs.getString(1)) } } }
    }

    /** A process as the owner of claims names it: `host/pid/start`, its start in milliseconds since the epoch. */
    fun owner(process: ProcessHandle) = ManagementFactory.getRuntimeMXBean().name.substringAfter('@') + "/" +
        process.pid() + "/" + process.info().startInstant().map { it.toEpochMilli() }.orElse(0L)
    val thisProcess = owner(ProcessHandle.current())

    /**
     * Another process of this host (a `sleep`), whose claims are written by SQL: they stand while it runs, as a
     * process computing the same study holds its own, and are abandoned once it has ended ([end]).
     */
    class OtherProcess : AutoCloseable {
        private val process = ProcessBuilder("sleep", "600").start()
        val owner = owner(process.toHandle())
        fun end() {
            process.destroyForcibly()
            process.waitFor()
        }
        override fun close() = end()
    }

    val study = CompareStudy(listOf("gd(lr=0.05)", "adam(lr=0.05)"), listOf("quadratic(dim=2)"),
        StartPlan("default+random:2"), 2, Budget(maxSteps = 200, gradientNoise = 0.01), 3, "backend")

    "a study on a backend equals the coroutine engine's, and a resumed one sends only the runs its store lacks" {
        val folder = temporaryFolder("backend")
        val local = ResultStore.open(folder.resolve("local.sqlite")).use { Studies.run(study, it, 2) }
        val backend = ReversingBackend()
        val engine = Engine(1, Registries.builtIn(), RunTimeout.NONE, backend = backend)
        ResultStore.open(folder.resolve("remote.sqlite")).use { store ->
            val runs = study.runs(engine)
            for (i in 0 until 5) store.put(Engine(1).run(runs[i]))
            var finished = 0
            val remote = Studies.run(study, store, engine) { if (it is Progress.Finished) finished++ }
            remote shouldBe local
            store.size() shouldBe 12 // 2 optimizers x 3 starts x 2 seeds, each once
            backend.sent shouldBe 7 // the 12 runs less the 5 stored
            finished shouldBe 7
        }
    }

    "a backend leaves the runs other processes claimed to them, waits for them, and takes over those of one that ends" {
        val folder = temporaryFolder("backend-shared")
        val path = folder.resolve("shared.sqlite")
        val local = ResultStore.open(folder.resolve("local.sqlite")).use { Studies.run(study, it, 2) }
        val plan = study.runs(Engine(1))
        ResultStore.open(path).close()
        OtherProcess().use { finishing -> OtherProcess().use { failing ->
            // two running processes of this host have claimed a run each, one by one: run 1 and run 4
            sql(path, "INSERT INTO claims VALUES ('${plan[1].key}', '${finishing.owner}', 0)")
            sql(path, "INSERT INTO claims VALUES ('${plan[4].key}', '${failing.owner}', 0)")
            val computedElsewhere = ArrayList<String>()
            val backend = object : RunBackend {
                val sent = ArrayList<List<RunSpec>>()
                val claimsMeanwhile = ArrayList<Set<String>>()
                override fun describe() = "with other processes"
                override fun forEachFinished(runs: List<RunSpec>, keep: Consumer<RunResult>) {
                    sent += runs.toList()
                    claimsMeanwhile += rows(path, "SELECT run_key || ' ' || owner FROM claims").toSet()
                    for (spec in runs) keep.accept(Engine(1).run(spec))
                    if (sent.size > 1) return
                    // meanwhile the first process stores run 1 and drops its claim (as its store does), and the
                    // second ends without storing run 4
                    ResultStore.open(path).use { it.put(Engine(1).run(plan[1])) }
                    sql(path, "DELETE FROM claims WHERE owner = '${finishing.owner}'")
                    computedElsewhere += plan[1].key
                    failing.end()
                }
                override fun close() {}
            }
            val engine = Engine(1, Registries.builtIn(), RunTimeout.NONE, backend = backend)
            val shared = ResultStore.open(path).use { Studies.run(study, it, engine) }
            shared shouldBe local
            // first the 12 runs but 1 and 4, under one claim of this process on the rest, beside the others' claims;
            // then, the second process having ended with run 4 unstored, run 4 alone, under a new claim on the rest
            backend.sent.map { batch -> batch.map { it.key } } shouldBe
                listOf(plan.filterIndexed { i, _ -> i != 1 && i != 4 }.map { it.key }, listOf(plan[4].key))
            backend.sent.map { it.size } shouldBe listOf(10, 1)
            backend.claimsMeanwhile shouldBe listOf(
                setOf("* $thisProcess", "${plan[1].key} ${finishing.owner}", "${plan[4].key} ${failing.owner}"),
                setOf("* $thisProcess"))
            // each of the 12 runs (2 optimizers x 3 starts x 2 seeds) computed once in all: 11 here, 1 elsewhere
            val computed = backend.sent.flatten().map { it.key } + computedElsewhere
            computed.size shouldBe 12
            computed.toSet() shouldBe plan.map { it.key }.toSet()
            rows(path, "SELECT run_key FROM claims") shouldBe emptyList()
        } }
    }

    "while another process's claim on the rest stands no run is claimed here, on a backend or one by one, until it ends" {
        val folder = temporaryFolder("backend-rest")
        val local = ResultStore.open(folder.resolve("local.sqlite")).use { Studies.run(study, it, 2) }
        val plan = study.runs(Engine(1))
        for (onBackend in listOf(true, false)) {
            val path = folder.resolve("rest-$onBackend.sqlite")
            ResultStore.open(path).close()
            OtherProcess().use { other ->
                // a running process of this host computes the study on its backend: it holds the claim on the rest
                sql(path, "INSERT INTO claims VALUES ('*', '${other.owner}', 0)")
                val backend = ReversingBackend()
                val engine = if (onBackend) Engine(1, Registries.builtIn(), RunTimeout.NONE, backend = backend) else Engine(2)
                val computedHere = java.util.Collections.synchronizedList(ArrayList<String>())
                val computedElsewhere = ArrayList<String>()
                val whileItRan = ArrayList<Int>()
                val shared = ResultStore.open(path).use { store ->
                    Studies.run(study, store, engine) { event ->
                        if (event is Progress.Finished) computedHere += event.result.spec.key
                        if (event is Progress.Waiting) {
                            // nothing claimed, so nothing computed here, while the other process's claim stands; it
                            // stores runs 0 to 4 and ends before the rest (its claim stays, as a killed process's does)
                            whileItRan += listOf(event.runs, computedHere.size, backend.sent, store.claimAll(listOf(plan[7].key)).size)
                            ResultStore.open(path).use { theirs -> for (i in 0 until 5) theirs.put(Engine(1).run(plan[i])) }
                            computedElsewhere += (0 until 5).map { plan[it].key }
                            other.end()
                        }
                    }
                }
                shared shouldBe local
                // waiting for all 12 runs, none computed here, no run sent to the backend, and a run asked one by one refused
                whileItRan shouldBe listOf(12, 0, 0, 0)
                // then the other process's claim is taken over: the 7 runs it left (5 to 11) computed here, each run
                // once in all
                computedHere.sorted() shouldBe (5 until 12).map { plan[it].key }.sorted()
                backend.sent shouldBe (if (onBackend) 7 else 0)
                (computedHere + computedElsewhere).toSet().size shouldBe 12
                rows(path, "SELECT run_key FROM claims") shouldBe emptyList()
            }
        }
    }

    "a backend that fails keeps its claim on the rest until its process ends, and a resumed study drops it" {
        val folder = temporaryFolder("backend-failed")
        val path = folder.resolve("failed.sqlite")
        val local = ResultStore.open(folder.resolve("local.sqlite")).use { Studies.run(study, it, 2) }
        fun claims() = rows(path, "SELECT run_key FROM claims ORDER BY run_key")
        val failing = object : RunBackend {
            override fun describe() = "failing after three runs"
            override fun forEachFinished(runs: List<RunSpec>, keep: Consumer<RunResult>) {
                for (spec in runs.take(3)) keep.accept(Engine(1).run(spec))
                throw IllegalStateException("lost the cluster")
            }
            override fun close() {}
        }
        ResultStore.open(path).use { store ->
            shouldThrow<IllegalStateException> { Studies.run(study, store, Engine(1, Registries.builtIn(), RunTimeout.NONE, backend = failing)) }
            store.size() shouldBe 3 // the runs it finished are stored
        }
        // the nine runs it did not store are still claimed by this (living) process, so no other process starts them
        // and one waiting for them takes them over when this process ends
        claims() shouldBe listOf("*")
        val resumed = ResultStore.open(path).use { Studies.run(study, it, Engine(1, Registries.builtIn(), RunTimeout.NONE, backend = ReversingBackend())) }
        resumed shouldBe local
        claims() shouldBe emptyList()
    }

    "an engine that is not on the class path is named with the ones that are" {
        val e = shouldThrow<LabException> { RunBackendProvider.open("spark", emptyMap()) }
        e.message shouldContain "engine 'spark' is not on the class path (known here: coroutines)"
    }

    "--engine spark without lab-spark, and --master without --engine spark, are bad input in one line" {
        val out = temporaryFolder("backend-cli").toString()
        val spark = fluxion("compare", "--engine", "spark", "--out", out)
        spark.code shouldBe 2
        spark.err shouldContain "engine 'spark' is not on the class path"
        val master = fluxion("compare", "--master", "local[2]", "--out", out)
        master.code shouldBe 2
        master.err shouldContain "--master applies to --engine spark"
    }

    "--out-format parquet needs the spark engine, and a dataset's folder needs lab-spark to be read, each in one line" {
        val out = temporaryFolder("dataset-cli")
        val coroutines = fluxion("compare", "--out-format", "parquet", "--out", out.toString())
        coroutines.code shouldBe 2
        coroutines.err shouldContain "--out-format parquet applies to --engine spark"
        val missing = fluxion("compare", "--engine", "spark", "--out-format", "parquet", "--out", out.toString())
        missing.code shouldBe 2
        missing.err shouldContain "output format 'parquet' is not on the class path (known here: sqlite)"
        val folder = out.resolve("compare.parquet").also { java.nio.file.Files.createDirectories(it) }
        for (command in listOf("report", "export")) {
            val read = fluxion(command, folder.toString())
            read.code shouldBe 2
            read.err shouldContain "$folder is a folder, not a study's .sqlite file; a Parquet dataset"
        }
    }
})
