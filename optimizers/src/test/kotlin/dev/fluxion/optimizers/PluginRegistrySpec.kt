package dev.fluxion.optimizers

import dev.fluxion.optimizers.named.Adam
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldNotContain
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.net.URLClassLoader
import java.nio.file.Files
import java.util.ServiceConfigurationError

/** A class loader over a folder whose services file lists [providers]; their classes come from the parent. */
fun pluginLoader(vararg providers: String): ClassLoader {
    val folder = Files.createTempDirectory("fluxion-plugin")
    // deleted when the JVM exits (the class loader keeps it open until then)
    Runtime.getRuntime().addShutdownHook(Thread { folder.toFile().deleteRecursively() })
    val services = folder.resolve("META-INF/services/${OptimizerProvider::class.java.name}")
    Files.createDirectories(services.parent)
    Files.writeString(services, providers.joinToString("\n"))
    return URLClassLoader(arrayOf(folder.toUri().toURL()), PluginRegistrySpec::class.java.classLoader)
}

class PluginRegistrySpec : FunSpec({

    test("a plugin's provider joins beside the built-ins, which keep theirs, and runs in chains") {
        val registry = Optimizers.registry().withPlugins(pluginLoader("dev.fluxion.optimizers.plugin.PlainStepProvider")) {
            throw it
        }
        registry.names() shouldContain "plainStep"
        registry.names() shouldContain "adam"
        Optimizers.registry().names() shouldNotContain "plainStep"
        // x <- x - 0.25 * 2x from 1: 0.5, then 0.25
        val x = doubleArrayOf(1.0)
        val run = registry.parse("chain(clip(norm=10), plainStep(lr=0.25))").start(1)
        run.step(square, x)
        x[0] shouldBe 0.5
        run.step(square, x)
        x[0] shouldBe 0.25
    }

    test("each provider that cannot join is one problem naming it and why, and the rest still join") {
        val problems = mutableListOf<ServiceConfigurationError>()
        val registry = Optimizers.registry().withPlugins(pluginLoader(
            "dev.fluxion.optimizers.plugin.NoSuchProvider",
            "dev.fluxion.optimizers.plugin.ThrowingProvider",
            "dev.fluxion.optimizers.plugin.ClashingAdamProvider",
            "dev.fluxion.optimizers.PluginRegistrySpec", // not an OptimizerProvider
            "dev.fluxion.optimizers.plugin.SignDescentProvider", // already built in here: skipped silently
            "dev.fluxion.optimizers.plugin.PlainStepProvider",
        )) { problems += it }
        problems.map { it.message!! }.let { messages ->
            withClue(messages.joinToString("\n")) { messages.size shouldBe 4 }
            messages[0] shouldContain "Provider dev.fluxion.optimizers.plugin.NoSuchProvider not found"
            messages[1] shouldContain "ThrowingProvider could not be instantiated"
            messages[2] shouldBe "optimizer 'adam' of dev.fluxion.optimizers.plugin.ClashingAdamProvider clashes" +
                " with dev.fluxion.optimizers.named.Adam, which keeps the name"
            messages[3] shouldContain "dev.fluxion.optimizers.PluginRegistrySpec not a subtype"
        }
        generateSequence(problems[1] as Throwable) { it.cause }.last().message shouldBe "no licence key"
        registry.names() shouldContain "plainStep"
        registry.find("adam").create(HyperparameterValues.defaults("adam", Adam.HYPERPARAMETERS)) shouldBe Adam.DEFAULT
    }

    test("the strict form fails on the first provider that cannot join") {
        shouldThrow<OptimizerException> {
            Optimizers.registry().withPlugins(pluginLoader("dev.fluxion.optimizers.plugin.ClashingAdamProvider"))
        }.message!! shouldContain "an optimizer plugin cannot join the registry: optimizer 'adam'"
    }
})
