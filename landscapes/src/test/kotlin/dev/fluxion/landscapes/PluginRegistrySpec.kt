package dev.fluxion.landscapes

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldNotContain
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.net.URLClassLoader
import java.nio.file.Files
import java.util.ServiceConfigurationError

/** Landscapes from a plugin class loader join the catalog; those that cannot are reported one by one. */
class PluginRegistrySpec : FunSpec({

    /** A class loader over a folder whose services file lists [providers]; their classes come from the parent. */
    fun pluginLoader(vararg providers: String): ClassLoader {
        val folder = Files.createTempDirectory("fluxion-plugin")
        // deleted when the JVM exits (the class loader keeps it open until then)
        Runtime.getRuntime().addShutdownHook(Thread { folder.toFile().deleteRecursively() })
        val services = folder.resolve("META-INF/services/${LandscapeProvider::class.java.name}")
        Files.createDirectories(services.parent)
        Files.writeString(services, providers.joinToString("\n"))
        return URLClassLoader(arrayOf(folder.toUri().toURL()), PluginRegistrySpec::class.java.classLoader)
    }

    test("a plugin landscape joins the catalog with its facts, and builds from specs") {
        val joined = registry.withPlugins(pluginLoader("dev.fluxion.landscapes.plugin.SkewedBowlProvider"))
        joined.names() shouldContain "skewed-bowl"
        joined.names() shouldContain "beale"
        registry.names() shouldNotContain "skewed-bowl"
        joined.create("skewed-bowl").value(doubleArrayOf(1.0, 1.0)) shouldBe 5.0
        joined.describe() shouldContain "skewed-bowl — x^2 + 4 y^2; a test plugin"
    }

    test("each provider that cannot join is one problem naming it and why, and the rest still join") {
        val problems = mutableListOf<ServiceConfigurationError>()
        val joined = registry.withPlugins(pluginLoader(
            "dev.fluxion.landscapes.plugin.Missing",
            "dev.fluxion.landscapes.plugin.NamelessProvider",
            "dev.fluxion.landscapes.plugin.ClashingBealeProvider",
            "dev.fluxion.landscapes.catalog.Beale", // a built-in seen again through the parent: skipped silently
            "dev.fluxion.landscapes.plugin.SkewedBowlProvider",
        )) { problems += it }
        problems.map { it.message!! } shouldBe listOf(
            "${LandscapeProvider::class.java.name}: Provider dev.fluxion.landscapes.plugin.Missing not found",
            "${LandscapeProvider::class.java.name}: Provider dev.fluxion.landscapes.plugin.NamelessProvider threw " +
                "java.lang.UnsupportedOperationException: no name yet",
            "landscape 'beale' of dev.fluxion.landscapes.plugin.ClashingBealeProvider clashes with " +
                "dev.fluxion.landscapes.catalog.Beale, which keeps the name",
        )
        joined.names() shouldContain "skewed-bowl"
        joined.provider("beale").javaClass.simpleName shouldBe "Beale"
    }
})
