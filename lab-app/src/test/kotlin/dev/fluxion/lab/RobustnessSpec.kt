package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.ExitCalls
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.Registries
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.RunTimeout
import dev.fluxion.lab.fixtures.PluginJarFixture
import dev.fluxion.lab.store.OutputFile
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.ScanStudy
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.string.shouldStartWith
import java.io.RandomAccessFile
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.sql.DriverManager
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.io.path.name

/**
 * Issue 21: the lab under hostile input. Every bad input gets one line on stderr and exit code 2 (no stack trace),
 * and nothing is damaged: a store is byte for byte what it was (or, where the command writes, its runs are intact),
 * and no file is left half-written. Plugins that throw, hang or would end the process cost one run, never the study.
 */
class RobustnessSpec : FunSpec({
    val folder = temporaryFolder("fluxion-robustness")
    val jar = PluginJarFixture.write(folder)

    fun CommandOutcome.shouldBeOneLineError(vararg fragments: String) {
        withClue(this) {
            code shouldBe 2
            err.trim().lines().size shouldBe 1
            err shouldNotContain "\tat "
            err shouldNotContain "Exception in thread"
            fragments.forEach { err shouldContain it }
        }
    }

    fun digest(file: Path): String =
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)).joinToString("") { "%02x".format(it) }

    /** A small comparison (2 optimizers x 2 landscapes x 2 starts, 300 steps) into [out]/[name].sqlite. */
    fun smallStudy(out: Path, vararg extra: String): CommandOutcome = fluxion("compare", "--optimizers",
        "gd(lr=0.01); adam(lr=0.05)", "--landscapes", "quadratic(dim=2, kappa=10); beale", "--starts", "default+random:1",
        "--steps", "300", "--threads", "2", "--out", out.toString(), *extra)

    fun sql(store: Path, statement: String) = DriverManager.getConnection("jdbc:sqlite:${store.toAbsolutePath()}").use { c ->
        c.createStatement().use { it.executeUpdate(statement) }
    }

    fun files(dir: Path): List<String> = Files.list(dir).use { s -> s.map { it.name }.sorted().toList() }

    // --- the store and its files ---

    test("1. an export or a report aimed at the store itself is refused, and the store is untouched") {
        val out = folder.resolve("self")
        smallStudy(out).code shouldBe 0
        val store = out.resolve("compare.sqlite")
        val before = digest(store)
        fluxion("export", store.toString(), "--csv", store.toString()).shouldBeOneLineError("is the store")
        fluxion("export", store.toString(), "--json=$store").shouldBeOneLineError("is the store")
        fluxion("export", store.toString(), "--csv", "$store-wal").shouldBeOneLineError("is the store")
        fluxion("report", store.toString(), "--html", store.toString()).shouldBeOneLineError("is the store")
        // another study's store is not overwritten either
        val other = folder.resolve("self-other")
        smallStudy(other).code shouldBe 0
        val otherStore = other.resolve("compare.sqlite")
        val otherBefore = digest(otherStore)
        fluxion("export", store.toString(), "--csv", otherStore.toString()).shouldBeOneLineError("SQLite database")
        digest(store) shouldBe before
        digest(otherStore) shouldBe otherBefore
        fluxion("export", store.toString()).out.lines().filter { it.isNotBlank() }.size shouldBe 1 + 8
    }

    test("2. read-only commands write nothing: an empty file, another application's database, a newer schema") {
        val dir = Files.createDirectories(folder.resolve("foreign"))
        val empty = Files.createFile(dir.resolve("e.sqlite"))
        fluxion("export", empty.toString()).shouldBeOneLineError("e.sqlite", "not a fluxion store", "empty")
        fluxion("report", empty.toString()).shouldBeOneLineError("not a fluxion store")
        Files.size(empty) shouldBe 0L

        val app = dir.resolve("other-app.db")
        sql(app, "CREATE TABLE contacts (name TEXT, phone TEXT)")
        sql(app, "INSERT INTO contacts VALUES ('Ada', '1815')")
        val appBefore = digest(app)
        fluxion("report", app.toString()).shouldBeOneLineError("other-app.db", "not a fluxion store", "contacts")
        fluxion("export", app.toString()).shouldBeOneLineError("not a fluxion store")
        digest(app) shouldBe appBefore
        Files.exists(dir.resolve("other-app.db-wal")) shouldBe false
        // a study aimed at such a database (as OUT/NAME.sqlite) is refused too, before anything is written
        val foreign = Files.copy(app, dir.resolve("foreign.sqlite"))
        fluxion("compare", "--out", dir.toString(), "--name", "foreign", "--optimizers", "gd", "--landscapes", "beale")
            .shouldBeOneLineError("foreign.sqlite", "not a fluxion store")
        digest(foreign) shouldBe appBefore

        val text = Files.writeString(dir.resolve("notes.sqlite"), "a,b\n1,2\n")
        fluxion("export", text.toString()).shouldBeOneLineError("not a fluxion store", "not an SQLite database")

        val newer = folder.resolve("newer")
        smallStudy(newer).code shouldBe 0
        val newerStore = newer.resolve("compare.sqlite")
        sql(newerStore, "PRAGMA user_version = 7")
        val newerBefore = digest(newerStore)
        fluxion("export", newerStore.toString()).shouldBeOneLineError("schema 7", "newer")
        smallStudy(newer).shouldBeOneLineError("schema 7", "newer")
        digest(newerStore) shouldBe newerBefore
    }

    test("2. a store of schema 0 (an earlier fluxion's, unmarked) is read as it is and upgraded only when a study writes") {
        val out = folder.resolve("legacy")
        smallStudy(out).code shouldBe 0
        val store = out.resolve("compare.sqlite")
        val csv = fluxion("export", store.toString()).out
        // strip the marks, the claims table, the optimizers' specs and the landscapes' records: what fluxion wrote
        // before these
        sql(store, "DROP TABLE claims")
        sql(store, "DROP TABLE optimizer_specs")
        sql(store, "DROP TABLE landscape_records")
        sql(store, "PRAGMA application_id = 0")
        sql(store, "PRAGMA user_version = 0")
        sql(store, "PRAGMA wal_checkpoint(TRUNCATE)")
        val before = digest(store)
        fluxion("export", store.toString()).out shouldBe csv
        digest(store) shouldBe before
        smallStudy(out).code shouldBe 0 // resumes: every run is stored
        ForkedFluxion.query(store, "PRAGMA user_version") { it.next(); it.getInt(1) } shouldBe ResultStore.SCHEMA_VERSION
        ForkedFluxion.query(store, "PRAGMA application_id") { it.next(); it.getInt(1) } shouldBe ResultStore.APPLICATION_ID
        fluxion("export", store.toString()).out shouldBe csv
    }

    test("3. a store holds one study: a changed plan is refused, --replace starts afresh, more starts reuse the runs") {
        val out = folder.resolve("owned")
        fluxion("compare", "--steps", "300", "--out", out.toString()).code shouldBe 0
        val store = out.resolve("compare.sqlite")
        val rows = ForkedFluxion.rows(store)
        rows.size shouldBe 120 // the 6 default optimizers on the 4 default landscapes from 5 starts
        fluxion("compare", "--steps", "500", "--out", out.toString())
            .shouldBeOneLineError("holds another study", "steps 300 there, 500 here", "--replace")
        fluxion("rates", "--name", "compare", "--out", out.toString())
            .shouldBeOneLineError("holds another study", "kind compare there, rates here")
        ForkedFluxion.rows(store) shouldBe rows
        val refusedBefore = digest(store)
        fluxion("compare", "--steps", "700", "--out", out.toString()).code shouldBe 2
        digest(store) shouldBe refusedBefore // a refusal writes nothing, not even the journal mode
        val csv = fluxion("export", store.toString()).out.trim().lines()
        csv.size shouldBe 1 + 120
        csv.drop(1).forEach { it shouldContain "steps=300 " } // the budget is in the export

        Files.writeString(out.resolve("compare-09-my-own.png"), "not the lab's")
        fluxion("compare", "--steps", "500", "--out", out.toString(), "--landscapes", "beale", "--replace").code shouldBe 0
        // the replaced study's plots of the other landscapes are gone with it; a file the lab did not write stays
        files(out).filter { it.endsWith(".png") }.forEach { (it.contains("quadratic") || it.contains("rosenbrock")) shouldBe false }
        files(out).contains("compare-09-my-own.png") shouldBe true
        val replaced = fluxion("export", store.toString()).out.trim().lines()
        replaced.size shouldBe 1 + 30
        replaced.drop(1).forEach { it shouldContain "steps=500 " }

        // the same study with more starts keeps the stored runs and computes only the new ones
        val grown = folder.resolve("grown")
        smallStudy(grown).code shouldBe 0
        val first = ForkedFluxion.rows(grown.resolve("compare.sqlite"))
        val more = fluxion("compare", "--optimizers", "gd(lr=0.01); adam(lr=0.05)", "--landscapes",
            "quadratic(dim=2, kappa=10); beale", "--starts", "default+random:3", "--steps", "300", "--out", grown.toString())
        more.code shouldBe 0
        more.err shouldContain "16 runs, 8 already stored, 8 to compute"
        ForkedFluxion.rows(grown.resolve("compare.sqlite")).filter { it in first } shouldBe first
    }

    test("4. a study's name is data, not a path") {
        val out = Files.createDirectories(folder.resolve("names/a/b"))
        for (name in listOf("../../escaped", "", ".hidden", "a/b", "x".repeat(101), "-dash")) {
            fluxion("compare", "--name=$name", "--out", out.toString(), "--optimizers", "gd", "--landscapes", "beale")
                .shouldBeOneLineError("study name", "not allowed")
        }
        files(out).shouldBeEmpty()
        files(folder.resolve("names")) shouldBe listOf("a")
    }

    test("5. a damaged store gives one line naming the store, and the run and column where known") {
        val out = folder.resolve("damaged")
        smallStudy(out).code shouldBe 0
        val store = out.resolve("compare.sqlite")
        val key = ForkedFluxion.query(store, "SELECT run_key FROM runs ORDER BY run_key LIMIT 1") { it.next(); it.getString(1) }

        fun copy(name: String): Path = Files.copy(store, out.resolve(name))

        val garbage = copy("garbage.sqlite")
        sql(garbage, "UPDATE runs SET trace = X'0001020304' WHERE run_key = '$key'")
        fluxion("report", garbage.toString()).shouldBeOneLineError("garbage.sqlite", "damaged", key, "column trace")

        // a trace that claims 2^30 points in 16 bytes: refused before anything is allocated for it
        val huge = copy("huge.sqlite")
        sql(huge, "UPDATE runs SET trace = X'40000000000000000000000000000000'")
        fluxion("report", huge.toString()).shouldBeOneLineError("huge.sqlite", "column trace")

        val text = copy("text.sqlite")
        sql(text, "UPDATE runs SET final_gap = 'lots' WHERE run_key = '$key'")
        fluxion("export", text.toString()).shouldBeOneLineError("text.sqlite", key, "column final_gap", "not a number")

        val outcome = copy("outcome.sqlite")
        sql(outcome, "UPDATE runs SET outcome = 'exploded' WHERE run_key = '$key'")
        fluxion("report", outcome.toString()).shouldBeOneLineError("outcome.sqlite", key, "exploded")

        val missing = copy("missing.sqlite")
        sql(missing, "ALTER TABLE runs DROP COLUMN trace")
        fluxion("export", missing.toString()).shouldBeOneLineError("missing.sqlite", "lacks the column 'trace'")

        val noStudy = copy("nostudy.sqlite")
        sql(noStudy, "UPDATE study SET value = 'many' WHERE property = 'seeds'")
        fluxion("report", noStudy.toString()).shouldBeOneLineError("nostudy.sqlite", "malformed")

        // pages overwritten with garbage: SQLite finds the damage when it reads them
        val pages = copy("pages.sqlite")
        ForkedFluxion.query(pages, "PRAGMA wal_checkpoint(TRUNCATE)") { it.next() }
        RandomAccessFile(pages.toFile(), "rw").use { file ->
            val random = java.util.Random(1)
            for (offset in 4096L until file.length() step 997) {
                file.seek(offset)
                file.write(ByteArray(64).also { random.nextBytes(it) })
            }
        }
        val damaged = fluxion("export", pages.toString())
        damaged.shouldBeOneLineError("pages.sqlite")
        fluxion("report", pages.toString()).shouldBeOneLineError("pages.sqlite")
    }

    test("6. outputs that are folders are refused before anything is written; outputs are written whole") {
        val out = folder.resolve("outputs")
        smallStudy(out).code shouldBe 0
        val store = out.resolve("compare.sqlite")
        val target = Files.createDirectories(folder.resolve("outputs-dir"))
        fluxion("export", store.toString(), "--csv", target.toString()).shouldBeOneLineError("is a folder")
        fluxion("export", store.toString(), "--json=$target").shouldBeOneLineError("is a folder")
        fluxion("report", store.toString(), "--html", target.toString()).shouldBeOneLineError("is a folder")
        files(target).shouldBeEmpty()
        files(out).filter { it.startsWith(".") }.shouldBeEmpty()

        // three writers of one file at once: each write is whole, and no temporary file is left
        val page = folder.resolve("outputs-race/page.html")
        Files.createDirectories(page.parent)
        val texts = (1..3).map { w -> "writer $w ".repeat(200_000) }
        val pool = Executors.newFixedThreadPool(3)
        repeat(5) {
            texts.map { text -> pool.submit { OutputFile.check(page); OutputFile.write(page, text) } }.forEach { it.get() }
            (Files.readString(page) in texts) shouldBe true
        }
        pool.shutdown()
        files(page.parent) shouldBe listOf("page.html")
        // three processes reporting one store at once, as in the race: all succeed, and leave nothing behind
        val reports = (1..3).map { ForkedFluxion.start(listOf("report", store.toString())) }
        reports.forEach { it.waitFor(60, TimeUnit.SECONDS) shouldBe true }
        reports.map { it.exitValue() } shouldBe listOf(0, 0, 0)
        files(out).filter { it.startsWith(".") }.shouldBeEmpty()
    }

    test("outputs that cannot be replaced are written in place or refused: a device, a read-only file") {
        val out = folder.resolve("devices")
        smallStudy(out).code shouldBe 0
        val store = out.resolve("compare.sqlite")
        if (Files.exists(Path.of("/dev/full"))) {
            fluxion("export", store.toString(), "--csv", "/dev/full").shouldBeOneLineError("/dev/full", "No space left")
            Files.isRegularFile(Path.of("/dev/full")) shouldBe false // still the device, not a file put in its place
        }
        val readOnly = Files.writeString(out.resolve("kept.csv"), "keep me\n")
        readOnly.toFile().setWritable(false)
        if (!Files.isWritable(readOnly)) { // (root may write anything)
            fluxion("export", store.toString(), "--csv", readOnly.toString()).shouldBeOneLineError("read-only")
            Files.readString(readOnly) shouldBe "keep me\n"
        }
        if (Files.exists(Path.of("/dev/full"))) {
            fluxion("report", store.toString(), "--html", "/dev/full").shouldBeOneLineError("/dev/full", "not a plain file")
            Files.list(Path.of("/dev")).use { d -> d.filter { it.name.endsWith(".png") }.count() } shouldBe 0L
        }
        // a link is written through, not replaced by a file
        val real = Files.writeString(out.resolve("real.csv"), "old\n")
        val link = Files.createSymbolicLink(out.resolve("link.csv"), real)
        fluxion("export", store.toString(), "--csv", link.toString()).code shouldBe 0
        Files.isSymbolicLink(link) shouldBe true
        Files.readString(real) shouldStartWith "run_key,"
        // a store no writer has open is read without a journal beside it
        fluxion("export", store.toString()).code shouldBe 0
        files(out).filter { it.startsWith("compare.sqlite-") }.shouldBeEmpty()
    }

    test("lists of specs: a ';' inside quotes is part of a spec; one spec listed twice is refused") {
        val out = folder.resolve("lists").toString()
        val quoted = fluxion("compare", "--optimizers", "gd(lr=0.1)", "--landscapes",
            "formula(\"(x^2 - 1)^2 + y^2\", minimum=0, minimizers=\"-1 0; 1 0\")", "--starts", "default", "--steps", "100",
            "--out", out)
        withClue(quoted) { quoted.code shouldBe 0 }
        fluxion("compare", "--optimizers", "gd; gd", "--out", out).shouldBeOneLineError("'gd'", "listed twice")
        fluxion("compare", "--optimizers", "gd; gd(lr=0.01)", "--landscapes", "beale", "--out", out)
            .shouldBeOneLineError("'gd' and 'gd(lr=0.01)'", "same optimizer")
    }

    test("a study record with a NULL or missing property is one line naming the store") {
        val out = folder.resolve("records")
        smallStudy(out).code shouldBe 0
        val store = out.resolve("compare.sqlite")
        val nulls = Files.copy(store, out.resolve("nulls.sqlite"))
        sql(nulls, "UPDATE study SET value = NULL WHERE property = 'steps'")
        fluxion("report", nulls.toString()).shouldBeOneLineError("nulls.sqlite", "'steps' is NULL")
        fluxion("export", nulls.toString(), "--json").shouldBeOneLineError("nulls.sqlite", "NULL")
        val missing = Files.copy(store, out.resolve("missing.sqlite"))
        sql(missing, "DELETE FROM study WHERE property = 'steps'")
        fluxion("report", missing.toString()).shouldBeOneLineError("missing.sqlite", "lacks the property 'steps'")
    }

    test("every command explains itself with --help") {
        // every subcommand the command line has, so a new one cannot be forgotten here
        val commands = picocli.CommandLine(dev.fluxion.lab.cli.FluxionCommand()).subcommands.keys - "help"
        commands shouldContainAll listOf("compare", "rates", "scan", "run", "grad", "diff", "check", "export", "report",
            "list", "script", "generate-completion")
        for (command in commands) {
            for (flag in listOf("--help", "-h")) {
                val help = fluxion(command, flag)
                withClue("$command $flag") {
                    help.code shouldBe 0
                    help.out shouldContain "Usage: fluxion $command"
                    // and lists every option the command takes, by the spec picocli reads from the command's class
                    picocli.CommandLine(dev.fluxion.lab.cli.FluxionCommand()).subcommands.getValue(command).commandSpec
                        .options().filter { !it.hidden() }.forEach { help.out shouldContain it.longestName() }
                }
            }
        }
        fluxion("compare", "--help").out shouldContain "--run-timeout"
        // and `fluxion help COMMAND` says the same
        val viaHelp = fluxion("help", "compare")
        viaHelp.code shouldBe 0
        viaHelp.out shouldBe fluxion("compare", "--help").out
        fluxion("help").out shouldContain "compare"
    }

    test("fluxion generate-completion prints a bash completion script that knows the commands and their options") {
        val script = fluxion("generate-completion")
        script.code shouldBe 0
        script.out shouldContain "complete -F"
        script.out shouldContain "compare"
        script.out shouldContain "--optimizers"
    }

    // --- bounded inputs ---

    test("sizes are checked before anything is allocated") {
        val out = folder.resolve("sizes").toString()
        fluxion("compare", "--starts", "random:1000000000", "--out", out).shouldBeOneLineError("random:1000000000", "1000000")
        fluxion("compare", "--seeds", "1000000000", "--out", out).shouldBeOneLineError("seeds", "1000000")
        fluxion("compare", "--starts", "grid:100000", "--out", out).shouldBeOneLineError("runs", "at most 1000000")
        fluxion("compare", "--starts", "random:500000", "--seeds", "3", "--out", out).shouldBeOneLineError("at most 1000000")
        fluxion("compare", "--noise", "Infinity", "--out", out).shouldBeOneLineError("noise", "finite")
        fluxion("run", "-o", "gd", "-l", "linear-regression(samples=1000000, features=1000)")
            .shouldBeOneLineError("samples x features", "at most 20000000")
        fluxion("scan", "--points", "1000000000", "--out", out).shouldBeOneLineError("points", "10000")
        fluxion("compare", "--run-timeout", "-1", "--out", out).shouldBeOneLineError("--run-timeout")
    }

    test("a point must be finite and name each variable once; a literal must be a double") {
        fluxion("grad", "x^2", "--at", "x=NaN").shouldBeOneLineError("x=NaN", "finite")
        fluxion("grad", "x^2", "--at", "x=1,x=2").shouldBeOneLineError("x is given twice")
        fluxion("grad", "x + 1e999", "--at", "x=1").shouldBeOneLineError("column 5", "1e999")
    }

    test("a scan over a range as wide as the doubles has finite learning rates") {
        // the geometric middle of 1e-300 and 1e300 is 1
        val (low, middle, high) = ScanStudy(low = 1e-300, high = 1e300, points = 3).learningRates
        low shouldBe 1e-300
        (Math.abs(middle - 1.0) < 1e-12) shouldBe true
        high shouldBe 1e300
    }

    test("a start must be finite; a formula may start with a minus sign") {
        fluxion("run", "-o", "gd", "-l", "beale", "--start", "NaN,1").shouldBeOneLineError("NaN", "finite")
        fluxion("run", "-o", "gd", "-l", "beale", "--start", "1,Infinity").shouldBeOneLineError("Infinity", "finite")
        val negated = fluxion("grad", "-x^2", "--at", "x=3")
        negated.code shouldBe 0
        negated.out shouldContain "df/dx = -6.0" // d(-x^2)/dx = -2x
        fluxion("diff", "-x^3", "--by", "x").out.trim().replace(" ", "") shouldBe "-3*x^2"
    }

    test("a long flat formula is no deeper than a short one; a negated constant prints as it parses") {
        // f = x + x + ... (5000 terms): f(1) = 5000, df/dx = 5000
        val chain = fluxion("grad", List(5000) { "x" }.joinToString("+"), "--at", "x=1")
        withClue(chain.err) { chain.code shouldBe 0 }
        chain.out shouldContain "f(x = 1.0) = 5000.0"
        chain.out shouldContain "df/dx = 5000.0"
        // x - -(2) = x + 2: printed so that it parses back to the same negation, not to the constant -2
        val negation = fluxion("grad", "x - -(2)", "--at", "x=1")
        negation.out.lines().first() shouldBe "f = x - (-(2))"
        negation.out shouldContain "f(x = 1.0) = 3.0"
    }

    // --- plugins ---

    test("a plugin whose step throws fails its runs, with the cause, and the study goes on") {
        val out = folder.resolve("throwing")
        val r = fluxion("--plugins", jar.toString(), "compare", "--optimizers", "faulty(lr=0.01, at=3); steepest(lr=0.01)",
            "--landscapes", "quadratic(dim=2, kappa=10)", "--starts", "default+random:2", "--steps", "500",
            "--out", out.toString())
        withClue(r) { r.code shouldBe 0 }
        r.err shouldNotContain "\tat "
        val csv = Files.readAllLines(out.resolve("compare.csv")).drop(1)
        csv.size shouldBe 6
        val failed = csv.filter { it.contains("faulty") }
        failed.size shouldBe 3
        failed.forEach {
            it shouldContain ",failed,3,"
            it shouldContain "IllegalStateException: faulty plugin fails at step 3"
            it shouldContain "FaultyStepProvider"
        }
        csv.filter { it.contains("steepest") }.forEach { it shouldNotContain "failed" }
        r.out shouldContain "failed=3"
        // a plugin that throws while it is made: one line naming the spec, before any store is written
        fluxion("--plugins", jar.toString(), "compare", "--optimizers", "faulty(fault=create)", "--out",
            folder.resolve("unmade").toString()).shouldBeOneLineError("optimizer 'faulty(fault=create)' could not be made",
            "faulty plugin cannot be made")
        Files.exists(folder.resolve("unmade/compare.sqlite")) shouldBe false
    }

    test("a plugin that would call System.exit is not loaded, and the lab goes on") {
        val quitter = PluginJarFixture.writeQuitter(Files.createDirectories(folder.resolve("quitter")))
        val list = fluxion("--plugins", quitter.toString(), "list", "optimizers")
        list.code shouldBe 0
        list.err shouldContain "plugin quitter.jar: not loaded"
        list.err shouldContain "ProcessExitProvider calls System.exit"
        list.out shouldNotContain "quitter"
        fluxion("--plugins", quitter.toString(), "run", "-o", "quitter", "-l", "beale").code shouldBe 2
        ExitCalls.of(jar).shouldBeEmpty()
    }

    test("a step that never returns is recorded as timed out at --run-timeout, and the study goes on") {
        val out = folder.resolve("hanging")
        val started = System.nanoTime()
        val r = fluxion("--plugins", jar.toString(), "compare", "--optimizers", "faulty(lr=0.01, at=2, fault=hang); steepest(lr=0.01)",
            "--landscapes", "quadratic(dim=2, kappa=10)", "--starts", "default", "--steps", "500", "--threads", "2",
            "--run-timeout", "0.5",
            "--out", out.toString())
        val seconds = (System.nanoTime() - started) / 1e9
        withClue(r) { r.code shouldBe 0 }
        (seconds < 10) shouldBe true
        val csv = Files.readAllLines(out.resolve("compare.csv")).drop(1)
        csv.single { it.contains("faulty") } shouldContain ",timeout,"
        csv.single { it.contains("faulty") } shouldContain "0.5 s (--run-timeout)"
        csv.single { it.contains("steepest") } shouldContain ",budget,500," // 500 steps of gd: f - f* = 7e-8 (not failed)
    }

    test("a slow run that returns from its steps is timed out by the run itself, with its trace") {
        // gd on a quadratic for 10^9 steps takes minutes; the limit of 0.3 s ends it at its next 256-step check
        val engine = Engine(1, Registries.builtIn(), RunTimeout.ofSeconds(0.3))
        val spec = RunSpec("gd", engine.optimizer("gd(lr=1e-9)").spec(), "q", engine.landscape("quadratic(dim=2, kappa=10)").spec(),
            0, listOf(1.0, 1.0), 0, 0, Budget(maxSteps = 1_000_000_000))
        val result = engine.run(spec)
        val outcome = result.outcome
        (outcome is Outcome.TimedOut) shouldBe true
        (outcome.step % 256) shouldBe 0L
        (outcome.step > 0) shouldBe true
        result.trace.size shouldNotBe 0
    }

    test("Ctrl-C during a step that never returns ends the study with a message") {
        val out = folder.resolve("stuck")
        val err = folder.resolve("stuck.err")
        val process = ForkedFluxion.start(listOf("--plugins", jar.toString(), "compare", "--optimizers",
            "faulty(lr=0.01, at=2, fault=hang)", "--landscapes", "beale", "--starts", "default", "--threads", "1",
            "--run-timeout", "600",
            "--out", out.toString()), stderr = err)
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (!Files.readString(err).contains("to compute") && System.nanoTime() < deadline) Thread.sleep(50)
        Thread.sleep(500)
        ProcessBuilder("kill", "-TERM", process.pid().toString()).start().waitFor() shouldBe 0
        val stopped = System.nanoTime()
        process.waitFor(20, TimeUnit.SECONDS) shouldBe true
        ((System.nanoTime() - stopped) / 1e9 < 5) shouldBe true // the watched step is given up at once
        process.exitValue() shouldBe 143
        Files.readString(err) shouldContain "interrupted; 0 of 1 runs are stored"
    }

    test("running out of heap is one line with exit code 1, saying how to give more") {
        val err = folder.resolve("oom.err")
        val process = ForkedFluxion.start(listOf("compare", "--optimizers", "gd", "--landscapes", "sphere",
            "--starts", "random:1000000", "--steps", "1", "--traces", "none", "--out", folder.resolve("oom").toString()),
            jvm = listOf("-Xmx48m"), stderr = err)
        process.waitFor(120, TimeUnit.SECONDS) shouldBe true
        process.exitValue() shouldBe 1
        val lines = Files.readAllLines(err).filter { it.isNotBlank() && !it.contains("runs done") && !it.contains("to compute") }
        lines.size shouldBe 1
        lines.single() shouldStartWith "fluxion: out of memory: the Java heap of"
        lines.single() shouldContain "FLUXION_JAVA_OPTS=-Xmx"
    }

    test("three processes on one study compute every run once in all, and the CSV is a single process's") {
        val args = listOf("compare", "--optimizers", "gd(lr=0.001); adam(lr=0.01); momentum(lr=0.001)",
            "--landscapes", "rosenbrock(dim=2); quadratic(dim=2, kappa=100)", "--starts", "default+random:39",
            "--noise", "0.01", "--steps", "100000", "--threads", "1", "--seed", "5")
        val total = 3 * 2 * 40
        val shared = folder.resolve("shared")
        val errs = (1..3).map { folder.resolve("shared-$it.err") }
        val processes = errs.map { ForkedFluxion.start(args + listOf("--out", shared.toString()), stderr = it) }
        processes.forEach { it.waitFor(120, TimeUnit.SECONDS) shouldBe true }
        processes.forEach { it.exitValue() shouldBe 0 }
        // each says how many runs it computed: "N runs computed here, M by other processes" (or nothing, when it
        // computed them all)
        val computed = errs.map { e ->
            val text = Files.readString(e)
            Regex("(\\d+) runs computed here").find(text)?.groupValues?.get(1)?.toInt() ?: total
        }
        withClue(computed) { computed.sum() shouldBe total }
        (computed.count { it > 0 } >= 2) shouldBe true // the work was shared
        // every run stored once; a stored run's claim is dropped with the batch that stores it
        ForkedFluxion.query(shared.resolve("compare.sqlite"), "SELECT (SELECT COUNT(*) FROM runs), " +
            "(SELECT COUNT(DISTINCT run_key) FROM runs), (SELECT COUNT(*) FROM claims)") {
            it.next(); listOf(it.getInt(1), it.getInt(2), it.getInt(3))
        } shouldBe listOf(total, total, 0)

        val single = folder.resolve("single")
        fluxion(*(args + listOf("--out", single.toString())).toTypedArray()).code shouldBe 0
        Files.readString(shared.resolve("compare.csv")) shouldBe Files.readString(single.resolve("compare.csv"))
    }
})

private inline fun <T> withClue(clue: Any, block: () -> T): T = io.kotest.assertions.withClue(clue.toString(), block)
