package dev.fluxion.lab.cli

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.lab.fluxion
import dev.fluxion.lab.temporaryFolder
import dev.fluxion.landscapes.LandscapeRegistry
import dev.fluxion.optimizers.OptimizerRegistry
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import org.w3c.dom.Element
import java.net.URLClassLoader
import java.nio.file.Files
import java.nio.file.Path
import javax.tools.ToolProvider
import javax.xml.parsers.DocumentBuilderFactory
import kotlin.io.path.readText

/**
 * `fluxion new plugin`: the files it writes, a pom against this build's BOM and plugins, Java sources that compile
 * and load as a plugin whose steps and values are worked out by hand, and one-line errors. (That the project builds
 * with Maven against the installed artifacts and runs in `fluxion compare` is the integration test
 * `UserPluginProjectTest` in examples/integration-tests.)
 */
class NewPluginSpec : FunSpec({
    val root = listOf(Path.of(".."), Path.of(".")).first { Files.isDirectory(it.resolve("bom")) }

    fun xml(text: String): Element = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(text.byteInputStream()).documentElement

    fun children(parent: Element, name: String): List<Element> {
        val nodes = parent.childNodes
        return (0 until nodes.length).map { nodes.item(it) }.filterIsInstance<Element>().filter { it.tagName == name }
    }

    fun child(parent: Element, vararg path: String): Element =
        path.fold(parent) { element, name -> children(element, name).single() }

    /** groupId:artifactId to version of a pom's pluginManagement. */
    fun managedPlugins(pom: Element): Map<String, String> =
        children(child(pom, "build", "pluginManagement", "plugins"), "plugin").associate { plugin ->
            "${child(plugin, "groupId").textContent}:${child(plugin, "artifactId").textContent}" to
                child(plugin, "version").textContent
        }

    /** Compiles a generated project's Java sources against this class path; a loader of its classes and services. */
    fun compile(project: Path): ClassLoader {
        val classes = Files.createDirectories(project.resolve("target/classes"))
        val sources = Files.walk(project.resolve("src/main/java")).use { paths ->
            paths.filter { it.toString().endsWith(".java") }.map { it.toString() }.toList()
        }
        val status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
            *(listOf("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")) + sources).toTypedArray())
        status shouldBe 0
        val services = project.resolve("src/main/resources/META-INF/services")
        Files.createDirectories(classes.resolve("META-INF/services"))
        Files.list(services).use { files -> files.forEach { Files.copy(it, classes.resolve("META-INF/services/${it.fileName}")) } }
        return URLClassLoader(arrayOf(classes.toUri().toURL()), NewPluginSpec::class.java.classLoader)
    }

    test("an optimizer plugin in Java: the files, a pom that imports this Fluxion's BOM, and sources that work") {
        val folder = temporaryFolder("fluxion-new")
        val made = fluxion("new", "plugin", "unit-step", "--dir", folder.toString())
        withClue(made) { made.code shouldBe 0 }
        val project = folder.resolve("unit-step")
        val files = Files.walk(project).use { paths ->
            paths.filter { Files.isRegularFile(it) }.map { project.relativize(it).toString() }.sorted().toList()
        }
        files shouldContainExactly listOf("README.md", "pom.xml",
            "src/main/java/com/example/unitstep/UnitStep.java",
            "src/main/java/com/example/unitstep/UnitStepDirection.java",
            "src/main/java/com/example/unitstep/UnitStepProvider.java",
            "src/main/resources/META-INF/services/dev.fluxion.optimizers.OptimizerProvider",
            "src/test/java/com/example/unitstep/UnitStepTest.java")
        made.out shouldContain "cd $project && mvn -B package"
        project.resolve("src/main/resources/META-INF/services/dev.fluxion.optimizers.OptimizerProvider").readText()
            .trim() shouldBe "com.example.unitstep.UnitStepProvider"

        // the BOM at the build's own version (the root pom's), imported; the registry's module provided
        val pom = xml(project.resolve("pom.xml").readText())
        val buildVersion = child(xml(root.resolve("pom.xml").readText()), "version").textContent
        child(pom, "properties", "fluxion.version").textContent shouldBe buildVersion
        val bom = child(pom, "dependencyManagement", "dependencies", "dependency")
        child(bom, "artifactId").textContent shouldBe "fluxion-bom"
        child(bom, "scope").textContent shouldBe "import"
        val optimizers = children(child(pom, "dependencies"), "dependency").first { child(it, "groupId").textContent == "dev.fluxion" }
        child(optimizers, "artifactId").textContent shouldBe "fluxion-optimizers"
        child(optimizers, "scope").textContent shouldBe "provided"
        project.resolve("pom.xml").readText() shouldNotContain "{{"

        // compiled and loaded as a plugin: f = x^2 + 4 y^2 at (3, 1) has gradient (6, 8) of norm 10, so a step of
        // length 0.5 goes to (3, 1) - 0.5 (0.6, 0.8) = (2.7, 0.6)
        val registry = OptimizerRegistry.load(compile(project))
        val optimizer = registry.parse("unit-step(lr=0.5)")
        optimizer.spec() shouldBe "unit-step(lr=0.5)"
        val x = doubleArrayOf(3.0, 1.0)
        optimizer.start(2).step(Expr.parse("x^2 + 4*y^2").compile("x", "y"), x)
        x[0] shouldBe (2.7 plusOrMinus 1e-15)
        x[1] shouldBe (0.6 plusOrMinus 1e-15)
    }

    test("a landscape plugin in Java compiles and loads, its value and facts as its formula says") {
        val folder = temporaryFolder("fluxion-new")
        val made = fluxion("new", "plugin", "tilted-bowl", "--landscape", "--dir", folder.toString(), "--package", "org.acme.bowl")
        withClue(made) { made.code shouldBe 0 }
        val project = folder.resolve("tilted-bowl")
        Files.isRegularFile(project.resolve("src/main/java/org/acme/bowl/TiltedBowl.java")) shouldBe true
        xml(project.resolve("pom.xml").readText()).let { pom ->
            children(child(pom, "dependencies"), "dependency").map { child(it, "artifactId").textContent } shouldContainExactly
                listOf("fluxion-landscapes", "junit-jupiter")
        }
        val bowl = LandscapeRegistry.load(compile(project)).create("tilted-bowl(kappa=10)")
        // f(0, 0) = (0 - 1)^2 + 10 (0 - 2)^2 = 41; the minimum 0 at (1, 2); L = 2 kappa = 20
        bowl.value(doubleArrayOf(0.0, 0.0)) shouldBe (41.0 plusOrMinus 1e-12)
        bowl.facts().minimum().asDouble shouldBe 0.0
        bowl.facts().smoothness().asDouble shouldBe 20.0
    }

    test("a Kotlin plugin's pom compiles in Maven's own process, with the build's Kotlin, and its sources are Kotlin") {
        val folder = temporaryFolder("fluxion-new")
        val made = fluxion("new", "plugin", "unit-step", "--kotlin", "--dir", folder.toString())
        withClue(made) { made.code shouldBe 0 }
        val project = folder.resolve("unit-step")
        val pom = xml(project.resolve("pom.xml").readText())
        child(pom, "properties", "kotlin.compiler.daemon").textContent shouldBe "false"
        val parent = xml(root.resolve("pom.xml").readText())
        child(pom, "properties", "kotlin.version").textContent shouldBe child(parent, "properties", "kotlin.version").textContent
        for (file in listOf("UnitStep.kt", "UnitStepDirection.kt", "UnitStepProvider.kt")) {
            Files.isRegularFile(project.resolve("src/main/kotlin/com/example/unitstep/$file")) shouldBe true
        }
        Files.isRegularFile(project.resolve("src/test/kotlin/com/example/unitstep/UnitStepTest.kt")) shouldBe true
    }

    test("the generated poms pin the plugins Fluxion's own build uses, so the repository that built it builds them") {
        val parent = xml(root.resolve("pom.xml").readText())
        val properties = child(parent, "properties")
        val pinned = managedPlugins(parent).mapValues { (_, version) ->
            Regex("\\$\\{(.+)}").matchEntire(version)?.let { child(properties, it.groupValues[1]).textContent } ?: version
        }
        for (kotlin in listOf(false, true)) {
            val pom = PluginScaffold("some-plugin", PluginScaffold.Kind.OPTIMIZER, kotlin).files().getValue("pom.xml")
            for ((plugin, version) in managedPlugins(xml(pom))) {
                withClue("$plugin (kotlin = $kotlin)") { version shouldBe pinned[plugin] }
            }
        }
    }

    test("a bad name, a taken name, an existing folder or a bad package is one line, exit 2") {
        val folder = temporaryFolder("fluxion-new")
        fun refused(vararg args: String, expected: List<String>) {
            val outcome = fluxion("new", "plugin", *args, "--dir", folder.toString())
            withClue(outcome) {
                outcome.code shouldBe 2
                outcome.err.trim().lines().size shouldBe 1
                for (text in expected) outcome.err shouldContain text
            }
        }
        refused("My_Step", expected = listOf("'My_Step' is not a plugin name", "lower-case letters"))
        refused("step-", expected = listOf("'step-' is not a plugin name"))
        refused("a".repeat(41), expected = listOf("at most 40 characters"))
        refused("adam", expected = listOf("'adam' is already an optimizer"))
        refused("beale", "--landscape", expected = listOf("'beale' is already a landscape"))
        refused("good-name", "--package", "com.example.new", expected = listOf("'com.example.new' is not a Java package name"))
        Files.createDirectories(folder.resolve("taken"))
        refused("taken", expected = listOf("${folder.resolve("taken").toAbsolutePath()} exists already"))
        Files.list(folder).use { it.toList().map { path -> path.fileName.toString() } } shouldBe listOf("taken")
    }

    test("fluxion new plugin --help lists its options") {
        val help = fluxion("new", "plugin", "--help")
        help.code shouldBe 0
        for (option in listOf("--kotlin", "--landscape", "--dir", "--package")) help.out shouldContain option
        fluxion("help", "new").out shouldContain "plugin"
    }
})
