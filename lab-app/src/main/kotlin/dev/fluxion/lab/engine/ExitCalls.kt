package dev.fluxion.lab.engine

import java.io.DataInputStream
import java.io.IOException
import java.nio.file.Path
import java.util.jar.JarFile

/**
 * The classes of a jar that call `System.exit`, `Runtime.exit` or `Runtime.halt`: found in each class file's
 * constant pool (a call compiles to a method reference there), without loading or running anything. A plugin
 * that could end the lab's process, silently and with every run in flight lost, is refused before it loads
 * ([Plugins]). A call made by reflection or a method handle is not seen; it is not an accident either.
 */
object ExitCalls {
    /**
     * The names of the classes of [jar] that refer to a process-ending method, each with the method
     * (`com.example.Quitter calls System.exit`), in the jar's order.
     *
     * @throws IOException when the jar cannot be read
     */
    @JvmStatic
    fun of(jar: Path): List<String> = JarFile(jar.toFile()).use { file ->
        file.entries().asSequence().filter { !it.isDirectory && it.name.endsWith(".class") }.mapNotNull { entry ->
            val called = file.getInputStream(entry).use { input ->
                try {
                    exitCall(DataInputStream(input.buffered()))
                } catch (e: IOException) {
                    null // not a class file the JVM would load either
                }
            }
            called?.let { "${entry.name.removeSuffix(".class").replace('/', '.')} calls $it" }
        }.toList()
    }

    /** The process-ending method the class file on [input] refers to (`System.exit`, ...), or null. */
    private fun exitCall(input: DataInputStream): String? {
        if (input.readInt() != 0xCAFEBABE.toInt()) return null
        input.readUnsignedShort() // minor version
        input.readUnsignedShort() // major version
        val count = input.readUnsignedShort()
        val texts = arrayOfNulls<String>(count)
        val classNames = IntArray(count) // Class entry -> its name's Utf8 entry
        val methodRefs = ArrayList<IntArray>() // (class entry, name-and-type entry)
        val namesAndTypes = IntArray(count) // NameAndType entry -> its name's Utf8 entry
        var i = 1
        while (i < count) {
            when (val tag = input.readUnsignedByte()) {
                1 -> texts[i] = input.readUTF()
                3, 4 -> input.skipNBytes(4)
                5, 6 -> { input.skipNBytes(8); i++ } // a long or a double takes two entries
                7 -> classNames[i] = input.readUnsignedShort()
                8, 16, 19, 20 -> input.skipNBytes(2)
                9, 17, 18 -> input.skipNBytes(4)
                10, 11 -> methodRefs += intArrayOf(input.readUnsignedShort(), input.readUnsignedShort())
                12 -> { namesAndTypes[i] = input.readUnsignedShort(); input.readUnsignedShort() }
                15 -> input.skipNBytes(3)
                else -> throw IOException("constant pool tag $tag")
            }
            i++
        }
        for ((owner, nameAndType) in methodRefs.map { it[0] to it[1] }) {
            val ownerName = texts.getOrNull(classNames.getOrElse(owner) { 0 }) ?: continue
            val method = texts.getOrNull(namesAndTypes.getOrElse(nameAndType) { 0 }) ?: continue
            if (ownerName == "java/lang/System" && method == "exit") return "System.exit"
            if (ownerName == "java/lang/Runtime" && (method == "exit" || method == "halt")) return "Runtime.$method"
        }
        return null
    }
}
