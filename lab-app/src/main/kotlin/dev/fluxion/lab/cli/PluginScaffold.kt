package dev.fluxion.lab.cli

import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Registries
import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import java.util.Properties

/**
 * A new Maven project for a plugin, as `fluxion new plugin` writes it: a pom that imports `dev.fluxion:fluxion-bom`
 * at this Fluxion's version and depends on the registry the plugin joins (provided), a small working
 * implementation (an optimizer: normalized gradient descent; a landscape: a tilted bowl), its
 * `META-INF/services` registration, a unit test with values worked out by hand, and a README. The templates are
 * resources beside this class (`scaffold/`); `{{key}}` in them is replaced by [values].
 *
 * @property name the plugin's name in specs, the project's folder and its artifactId, such as `unit-step`
 * @property kind what the plugin adds
 * @property kotlin whether the sources are Kotlin (else Java)
 * @property packageName the package of the sources, by default `com.example.` and the name without hyphens
 * @property groupId the project's groupId
 */
data class PluginScaffold(
    val name: String,
    val kind: Kind,
    val kotlin: Boolean,
    val packageName: String = defaultPackage(name),
    val groupId: String = "com.example",
) {
    /** What a plugin adds, with the registry's service interface and the Fluxion module it compiles against. */
    enum class Kind(val word: String, val service: String, val module: String) {
        OPTIMIZER("optimizer", "dev.fluxion.optimizers.OptimizerProvider", "fluxion-optimizers"),
        LANDSCAPE("landscape", "dev.fluxion.landscapes.LandscapeProvider", "fluxion-landscapes"),
    }

    init {
        if (!NAME.matches(name)) {
            throw LabException("'$name' is not a plugin name: use lower-case letters, digits and single hyphens, " +
                "starting with a letter, at most $MAX_LENGTH characters (such as unit-step)")
        }
        if (!PACKAGE.matches(packageName) || packageName.split('.').any { it in JAVA_KEYWORDS }) {
            throw LabException("'$packageName' is not a Java package name: use dot-separated lower-case words that are " +
                "not Java keywords (such as com.example.${defaultPackage("unit-step").substringAfterLast('.')}); " +
                "give one with --package")
        }
        if (!PACKAGE.matches(groupId)) throw LabException("'$groupId' is not a Maven groupId such as com.example")
    }

    /** The class name: the name's words capitalized and joined, `unit-step` to `UnitStep`. */
    val className: String get() = name.split('-').joinToString("") { it.replaceFirstChar(Char::uppercaseChar) }

    /** The project's files, each path (relative to the project's folder) with its text. */
    fun files(): Map<String, String> {
        val language = if (kotlin) "kotlin" else "java"
        val extension = if (kotlin) "kt" else "java"
        val folder = "${kind.word}-$language"
        val sources = "src/main/$language/${packageName.replace('.', '/')}"
        val tests = "src/test/$language/${packageName.replace('.', '/')}"
        val templates = when (kind) {
            Kind.OPTIMIZER -> linkedMapOf(
                "$sources/$className.$extension" to "$folder/Optimizer.$extension",
                "$sources/${className}Direction.$extension" to "$folder/Direction.$extension",
                "$sources/${className}Provider.$extension" to "$folder/Provider.$extension")
            Kind.LANDSCAPE -> linkedMapOf("$sources/$className.$extension" to "$folder/Landscape.$extension")
        }
        templates["src/main/resources/META-INF/services/${kind.service}"] = "$folder/services"
        templates["$tests/${className}Test.$extension"] = "$folder/Test.$extension"
        templates["pom.xml"] = "pom-$language.xml"
        val texts = LinkedHashMap<String, String>()
        for ((path, template) in templates) texts[path] = fill(read(template))
        val table = texts.keys.joinToString("\n") { "| `$it` | ${describe(it)} |" }
        texts["README.md"] = fill(read("README.md")).replace("{{files}}", table)
        return texts
    }

    /**
     * Writes the project into a new folder [name] inside [parent] and returns that folder.
     *
     * @throws LabException if the folder exists already or cannot be written
     */
    fun writeInto(parent: Path): Path {
        val project = parent.resolve(name).toAbsolutePath().normalize()
        if (Files.exists(project)) {
            throw LabException("$project exists already; choose another name, or another folder with --dir")
        }
        val texts = files()
        try {
            for ((path, text) in texts) {
                val file = project.resolve(path)
                Files.createDirectories(file.parent)
                Files.writeString(file, text)
            }
        } catch (e: IOException) {
            throw LabException("cannot write the project into $project: ${e.message ?: e.javaClass.simpleName}", e)
        }
        return project
    }

    /** The values of the templates' `{{key}}` placeholders. */
    fun values(): Map<String, String> = mapOf(
        "name" to name, "Class" to className, "camel" to className.replaceFirstChar(Char::lowercaseChar),
        "package" to packageName, "groupId" to groupId, "kind" to kind.word, "module" to kind.module,
        "example" to when (kind) {
            Kind.OPTIMIZER -> "--optimizers \"$name(lr=0.01); adam(lr=0.01)\" --landscapes beale"
            Kind.LANDSCAPE -> "--optimizers \"adam(lr=0.05)\" --landscapes \"$name(kappa=100); beale\""
        },
        "fluxionVersion" to version("fluxion.version"), "kotlinVersion" to version("kotlin.version"),
        "junitVersion" to version("junit.version"), "kotestVersion" to version("kotest.version"),
        "surefireVersion" to version("surefire.version"),
    )

    private fun fill(template: String): String {
        var text = template
        for ((key, value) in values()) text = text.replace("{{$key}}", value)
        return text
    }

    private fun describe(path: String): String = when {
        path == "pom.xml" -> "imports `dev.fluxion:fluxion-bom` ${version("fluxion.version")}, depends on `${kind.module}` (provided)"
        path.startsWith("src/main/resources/META-INF/services/") -> "registers the provider with `java.util.ServiceLoader`"
        path.startsWith("src/test/") -> "the unit test, with values worked out by hand"
        path.endsWith("Provider.java") || path.endsWith("Provider.kt") -> "the provider the registry finds"
        path.contains("Direction.") -> "the update rule (the contract of a transform)"
        else -> "the ${kind.word}"
    }

    companion object {
        /** The longest name taken. */
        const val MAX_LENGTH = 40

        private val NAME = Regex("[a-z][a-z0-9]*(-[a-z0-9]+)*").let { pattern ->
            Regex("(?=.{1,$MAX_LENGTH}$)${pattern.pattern}")
        }
        private val PACKAGE = Regex("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")
        private val JAVA_KEYWORDS = setOf("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
            "true", "false", "null", "var", "yield", "record", "_")

        private val BUILD: Properties by lazy {
            Properties().also { properties ->
                val stream = PluginScaffold::class.java.getResourceAsStream("scaffold/build.properties")
                    ?: throw IllegalStateException("scaffold/build.properties is missing from the lab's jar")
                stream.use { properties.load(it) }
            }
        }

        /** A version of the build that made this lab: `fluxion.version`, `kotlin.version`, .... */
        fun version(key: String): String = BUILD.getProperty(key)
            ?: throw IllegalStateException("scaffold/build.properties has no $key")

        /** `com.example.` and the name without its hyphens. */
        fun defaultPackage(name: String): String = "com.example." + name.replace("-", "")

        private fun read(template: String): String {
            val stream = PluginScaffold::class.java.getResourceAsStream("scaffold/$template")
                ?: throw IllegalStateException("the template scaffold/$template is missing from the lab's jar")
            return stream.use { String(it.readAllBytes(), Charsets.UTF_8) }
        }

        /**
         * Refuses a name that a built-in optimizer or landscape has: built-in names win, so such a plugin would
         * never load.
         */
        fun checkFree(name: String, kind: Kind, registries: Registries) {
            val taken = when (kind) {
                Kind.OPTIMIZER -> registries.optimizers.names()
                Kind.LANDSCAPE -> registries.landscapes.names()
            }
            if (name in taken) {
                val article = if (kind == Kind.OPTIMIZER) "an" else "a"
                throw LabException("'$name' is already $article ${kind.word} of Fluxion's (or of a plugin loaded now); a " +
                    "plugin of that name would not load, since the names already known win: choose another")
            }
        }
    }
}
