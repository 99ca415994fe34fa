package dev.fluxion.lab

import java.nio.file.Files
import java.nio.file.Path
import java.util.Collections

/** The folders the tests of this JVM made; each is deleted with its contents when the JVM exits. */
private val madeFolders: MutableList<Path> = Collections.synchronizedList(mutableListOf<Path>()).also { folders ->
    Runtime.getRuntime().addShutdownHook(Thread {
        synchronized(folders) { folders.forEach { it.toFile().deleteRecursively() } }
    })
}

/**
 * A new folder in the temporary directory, named `PREFIX...`, that is deleted with everything in it when the test JVM
 * exits, so a test run leaves nothing behind (processes the tests start write into these folders too, and are
 * over by then).
 */
fun temporaryFolder(prefix: String): Path = Files.createTempDirectory(prefix).also { madeFolders.add(it) }
