package dev.fluxion.lab

import dev.fluxion.lab.engine.Trace
import dev.fluxion.lab.store.HitCounts
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Studies
import dev.fluxion.lab.suite.Suite
import dev.fluxion.lab.suite.SuiteStudy
import dev.fluxion.lab.suite.SuiteTargets
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.Files
import java.util.SplittableRandom

/**
 * The store's encoding of the steps and evaluations to each target ([HitCounts]): its bytes worked out by hand, its
 * round trip over random runs' counts and their edge cases, stores of the comma-separated text written before it,
 * and what a suite run costs in the store.
 */
class HitCountsSpec : FunSpec({

    fun bytes(vararg values: Int) = values.map { it.toByte() }

    test("hits at steps 30, 33 and 53, then 48 misses: 51, 4 counts written, zigzag differences 62, 6, 40, 107") {
        // differences from -1: 31, 3, 20 and -54; zigzag(d) = 2d for d >= 0, -2d - 1 below: 62, 6, 40, 107
        val counts = listOf(30L, 33, 53) + List(48) { -1L }
        HitCounts.encode(counts).toList() shouldBe bytes(51, 4, 62, 6, 40, 107)
        HitCounts.decodeOrNull(HitCounts.encode(counts)) shouldBe counts
    }

    test("edge cases: no target, no hit, every hit at one count, the largest counts, varints of several bytes") {
        HitCounts.encode(emptyList()).toList() shouldBe bytes(0, 0)
        HitCounts.encode(List(51) { -1L }).toList() shouldBe bytes(51, 0)
        // 7 then 50 repeats: 1 count written, zigzag(8) = 16
        HitCounts.encode(List(51) { 7L }).toList() shouldBe bytes(51, 1, 16)
        // 300 steps: difference 301, zigzag 602 = 0b100_1011010: low 7 bits 0x5A with the high bit, then 4
        HitCounts.encode(listOf(300L)).toList() shouldBe bytes(1, 1, 0xDA, 4)
        // Long.MAX_VALUE - (-1) wraps to Long.MIN_VALUE, whose zigzag is 2^64 - 1: ten bytes, nine 0xFF and a 1
        HitCounts.encode(listOf(Long.MAX_VALUE)).toList() shouldBe bytes(1, 1, *IntArray(9) { 0xFF }, 1)
        for (counts in listOf(listOf(Long.MAX_VALUE, -1L), listOf(0L, Long.MAX_VALUE, Long.MAX_VALUE), listOf(Long.MIN_VALUE, 5L),
                listOf(-1L, 4L, -1L, 4L), listOf(0L), listOf(-1L), List(1000) { it.toLong() })) {
            HitCounts.decodeOrNull(HitCounts.encode(counts)) shouldBe counts
        }
    }

    test("round trip over 20,000 random runs: non-decreasing hits with misses, small steps and steps across Long's range") {
        val random = SplittableRandom(17)
        repeat(20_000) { i ->
            val n = random.nextInt(0, 80)
            val hits = if (n == 0) 0 else random.nextInt(0, n + 1)
            var count = if (i % 3 == 0) random.nextLong(0, Long.MAX_VALUE) else random.nextLong(0, 100)
            val counts = ArrayList<Long>(n)
            repeat(hits) {
                counts.add(count)
                val step = when (random.nextInt(4)) {
                    0 -> 0L // several targets hit by one step
                    1 -> random.nextLong(1, 10)
                    2 -> random.nextLong(1, 100_000)
                    else -> random.nextLong(0, Long.MAX_VALUE)
                }
                count = if (count > Long.MAX_VALUE - step) Long.MAX_VALUE else count + step
            }
            repeat(n - hits) { counts.add(-1L) }
            // every fifth sequence is shuffled: a sequence of any order still round-trips
            if (i % 5 == 4) counts.shuffle(java.util.Random(random.nextLong()))
            val encoded = HitCounts.encode(counts)
            HitCounts.decodeOrNull(encoded) shouldBe counts
            // at most 10 bytes for each of n, the counts written and each count
            encoded.size shouldBeLessThanOrEqual 10 * (2 + counts.size)
        }
    }

    test("bytes that are not an encoding are refused, not misread: cut short, left over, more written than targets") {
        val good = HitCounts.encode(listOf(30L, 33, 53, -1))
        HitCounts.decodeOrNull(good.copyOf(good.size - 1)) shouldBe null
        HitCounts.decodeOrNull(good + 0) shouldBe null
        HitCounts.decodeOrNull(byteArrayOf(2, 3, 0, 0, 0)) shouldBe null
        HitCounts.decodeOrNull(byteArrayOf(0x80.toByte())) shouldBe null
        HitCounts.decodeOrNull(ByteArray(0)) shouldBe null
    }

    val folder = temporaryFolder("fluxion-hit-counts")

    /** bbob's 24 functions in 2-D and 5-D, instance 1, gradient descent and Adam, 60 steps from [starts]. */
    fun suiteStudy(starts: String) = SuiteStudy(Suite("bbob", dims = "2,5", instances = "1"), listOf("gd(lr=0.01)", "adam(lr=0.1)"),
        StartPlan(starts), budget = SuiteTargets.budget(60), name = "suite-cost")

    test("a store of the text written before schema 2 (counts to targets, final point) reads back as it did, and resumes") {
        val path = folder.resolve("old-text.sqlite")
        val study = suiteStudy("default+proposal:1")
        // computed, not read back: the values the old store's text is written from
        val computed = ResultStore.open(path).use { Studies.run(study, it, threads = 2) }
        computed.size shouldBe 2 * 48 * 2
        ResultStore.openReadOnly(path).use { it.summaries(computed.map { r -> r.spec }) shouldBe computed.map { r -> r.copy(trace = Trace.EMPTY) } }
        val exported = ResultStore.openReadOnly(path).use { it.csv() }
        // the store as an earlier fluxion wrote it: schema 1, the counts to targets as text
        java.sql.DriverManager.getConnection("jdbc:sqlite:${path.toAbsolutePath()}").use { c ->
            c.prepareStatement("UPDATE runs SET hit_steps = ?, hit_evaluations = ?, final_point = ? WHERE run_key = ?").use { st ->
                for (r in computed) {
                    st.setString(1, r.hitSteps.joinToString(","))
                    st.setString(2, r.hitEvaluations.joinToString(","))
                    st.setString(3, r.finalPoint.joinToString(" ") { java.lang.Double.toHexString(it) })
                    st.setString(4, r.spec.key)
                    st.executeUpdate()
                }
            }
            c.createStatement().use { st ->
                st.executeUpdate("PRAGMA user_version = 1")
                st.executeQuery("SELECT COUNT(*) FROM runs WHERE typeof(hit_steps) = 'text' AND typeof(hit_evaluations) = 'text' " +
                    "AND typeof(final_point) = 'text'")
                    .use { it.next(); it.getInt(1) } shouldBe computed.size
            }
        }
        ResultStore.openReadOnly(path).use { store ->
            store.summaries(computed.map { it.spec }) shouldBe computed.map { it.copy(trace = Trace.EMPTY) }
            store.csv() shouldBe exported
        }
        // one row as literal text, read as the list it spells
        val first = computed.first()
        java.sql.DriverManager.getConnection("jdbc:sqlite:${path.toAbsolutePath()}").use { c ->
            c.createStatement().use {
                it.executeUpdate("UPDATE runs SET hit_steps = '30,33,53${",-1".repeat(48)}' WHERE run_key = '${first.spec.key}'")
            }
        }
        ResultStore.openReadOnly(path).use { it.find(first.spec)!!.hitSteps shouldBe listOf(30L, 33, 53) + List(48) { -1L } }
        // damaged text names the run and the column
        java.sql.DriverManager.getConnection("jdbc:sqlite:${path.toAbsolutePath()}").use { c ->
            c.createStatement().use { it.executeUpdate("UPDATE runs SET hit_evaluations = '3,x' WHERE run_key = '${first.spec.key}'") }
        }
        val damaged = runCatching { ResultStore.openReadOnly(path).use { it.find(first.spec) } }.exceptionOrNull()
        (damaged is LabException) shouldBe true
        damaged!!.message!! shouldContain "run ${first.spec.key}, column hit_evaluations '3,x' is not a list of whole numbers"
        java.sql.DriverManager.getConnection("jdbc:sqlite:${path.toAbsolutePath()}").use { c ->
            c.createStatement().use {
                it.executeUpdate("UPDATE runs SET hit_steps = '${first.hitSteps.joinToString(",")}', hit_evaluations = " +
                    "'${first.hitEvaluations.joinToString(",")}' WHERE run_key = '${first.spec.key}'")
            }
        }
        // a grown study resumes over the old store: old rows stay text, new ones are blobs, all read alike
        val grown = suiteStudy("default+proposal:2")
        val all = ResultStore.open(path).use { Studies.run(grown, it, threads = 2) }
        all.size shouldBe 2 * 48 * 3
        ResultStore.openReadOnly(path).use { store ->
            store.summaries(all.map { it.spec }) shouldBe all.map { it.copy(trace = Trace.EMPTY) }
        }
        java.sql.DriverManager.getConnection("jdbc:sqlite:${path.toAbsolutePath()}").use { c ->
            c.createStatement().use { st ->
                st.executeQuery("SELECT typeof(hit_steps) || ' ' || typeof(final_point), COUNT(*) FROM runs GROUP BY 1 ORDER BY 1").use { rs ->
                    buildList { while (rs.next()) add(rs.getString(1) to rs.getInt(2)) }
                } shouldBe listOf("blob blob" to 2 * 48, "text text" to 2 * 48 * 2)
                st.executeQuery("PRAGMA user_version").use { it.next(); it.getInt(1) } shouldBe ResultStore.SCHEMA_VERSION
            }
        }
    }

    test("without traces a suite run (51 targets, 2-D and 5-D) costs under 300 bytes in the store") {
        val path = folder.resolve("suite-cost.sqlite")
        ResultStore.open(path).use { Studies.run(suiteStudy("default+proposal:9"), it, threads = 2) }
        // the growth by 3,840 runs (20 more starts), so the pages every store has whatever its size do not count
        val before = Files.size(path)
        val grown = suiteStudy("default+proposal:29")
        ResultStore.open(path).use { Studies.run(grown, it, threads = 2) }
        val added = 2 * 48 * 20
        ResultStore.openReadOnly(path).use { it.size() } shouldBe 2 * 48 * 30
        val bytesPerRun = ((Files.size(path) - before) / added).toInt()
        println("HitCountsSpec: $bytesPerRun bytes per suite run without traces")
        bytesPerRun shouldBeLessThan 300
    }
})
