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
import java.util.function.Consumer

/**
 * The engine's [RunBackend] path, with a backend made here that computes the runs it is sent in reverse order, one
 * [RunLoop] each: the study it computes equals the coroutine engine's, it is sent only the runs the store lacks, and
 * the command line names a missing engine or a misplaced `--master` in one line.
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

    "a backend's study leaves a run another process claimed to it, waits for it, and leaves no claim behind" {
        val folder = temporaryFolder("backend-shared")
        val path = folder.resolve("shared.sqlite")
        val local = ResultStore.open(folder.resolve("local.sqlite")).use { Studies.run(study, it, 2) }
        val plan = study.runs(Engine(1))
        fun count(query: String) = java.sql.DriverManager.getConnection("jdbc:sqlite:$path").use { c ->
            c.createStatement().use { st -> st.executeQuery(query).use { it.next(); it.getInt(1) } }
        }
        ResultStore.open(path).close()
        java.sql.DriverManager.getConnection("jdbc:sqlite:$path").use { c -> // a process of another host has run 1
            c.createStatement().use { it.executeUpdate("INSERT INTO claims VALUES ('${plan[1].key}', 'elsewhere/1/1', 0)") }
        }
        val backend = object : RunBackend {
            val sent = ArrayList<RunSpec>()
            val claimsMeanwhile = ArrayList<Int>()
            override fun describe() = "with another process"
            override fun forEachFinished(runs: List<RunSpec>, keep: Consumer<RunResult>) {
                sent += runs
                claimsMeanwhile += count("SELECT COUNT(*) FROM claims") // one claim on the rest, and run 1's
                for (spec in runs) keep.accept(Engine(1).run(spec))
                ResultStore.open(path).use { other -> // the other process stores its run, which it claimed one by one
                    other.claimAll(listOf(plan[1].key))
                    other.put(Engine(1).run(plan[1]))
                }
            }
            override fun close() {}
        }
        val engine = Engine(1, Registries.builtIn(), RunTimeout.NONE, backend = backend)
        val shared = ResultStore.open(path).use { Studies.run(study, it, engine) }
        shared shouldBe local
        backend.sent shouldBe plan.filterIndexed { i, _ -> i != 1 }
        backend.claimsMeanwhile shouldBe listOf(2)
        count("SELECT COUNT(*) FROM claims") shouldBe 0
    }

    "a backend that fails keeps its claim on the rest until its process ends, and a resumed study drops it" {
        val folder = temporaryFolder("backend-failed")
        val path = folder.resolve("failed.sqlite")
        val local = ResultStore.open(folder.resolve("local.sqlite")).use { Studies.run(study, it, 2) }
        fun claims() = java.sql.DriverManager.getConnection("jdbc:sqlite:$path").use { c ->
            c.createStatement().use { st ->
                st.executeQuery("SELECT run_key FROM claims ORDER BY run_key").use { rs -> buildList { while (rs.next()) add(rs.getString(1)) } }
            }
        }
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
