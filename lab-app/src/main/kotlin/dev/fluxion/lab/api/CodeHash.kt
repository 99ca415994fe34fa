package dev.fluxion.lab.api

import dev.fluxion.lab.LabException
import org.objectweb.asm.ClassReader
import java.security.MessageDigest

/**
 * The hash of a piece of code, as its class loader holds it: the bytes of its class (read back through the class
 * loader's resource `Name.class`, which the class loaders of `.lab.kts` scripts, of test classes and of jars all
 * answer) and of every class of the same origin it names, transitively: so an optimizer class and the state class
 * its `init` makes are hashed together. A class of the same origin is one the same class loader defined from the
 * same code source (the script, the test-classes folder, the jar): the library, the JDK and Kotlin are left out.
 *
 * A lambda compiled with `invokedynamic` (Kotlin's default) has no bytes of its own; its code is in the class that
 * defines it, which is hashed instead (for a script's top-level lambda, the whole script's code: changing any of
 * it changes the hash, which costs a recomputation and never mixes results).
 */
object CodeHash {
    /** The hex digits a hash keeps: 48 bits, so two codes of one name collide with odds 2^-48. */
    const val DIGITS = 12

    /** The hash of [code]'s class ([of] of `code.javaClass`). */
    @JvmStatic
    fun ofValue(code: Any): String = of(code.javaClass)

    /**
     * The hash of [type] and the classes of its origin it names, as [DIGITS] hex digits of their SHA-256.
     *
     * @throws LabException when the class loader does not give back the bytes of a class
     */
    @JvmStatic
    fun of(type: Class<*>): String {
        val root = host(type)
        val loader = root.classLoader ?: throw LabException("class ${root.name} belongs to the JDK: it has no code of its own to hash")
        val origin = root.protectionDomain?.codeSource?.location
        val seen = sortedMapOf<String, ByteArray>()
        val pending = ArrayDeque(listOf(root.name))
        while (pending.isNotEmpty()) {
            val name = pending.removeFirst()
            if (name in seen) continue
            val bytes = loader.getResourceAsStream(name.replace('.', '/') + ".class")?.use { it.readAllBytes() }
                ?: throw LabException("cannot read the code of class $name through its class loader to hash it")
            seen[name] = bytes
            referenced(bytes).filter { it !in seen && sameOrigin(it, loader, origin) }.forEach { pending.addLast(it) }
        }
        val digest = MessageDigest.getInstance("SHA-256")
        for ((name, bytes) in seen) {
            digest.update(name.toByteArray(Charsets.UTF_8))
            digest.update(0)
            digest.update(bytes)
        }
        return digest.digest().joinToString("") { "%02x".format(it) }.take(DIGITS)
    }

    /** The class whose bytes hold [type]'s code: [type], or for a lambda's hidden class, the class defining it. */
    private fun host(type: Class<*>): Class<*> {
        if (!type.isHidden && !type.name.contains("\$\$Lambda")) return type
        val name = type.name.substringBefore("\$\$Lambda")
        return Class.forName(name, false, type.classLoader)
    }

    /** The binary names of the classes the constant pool of [bytes] names (arrays and primitives left out). */
    private fun referenced(bytes: ByteArray): List<String> {
        val reader = ClassReader(bytes)
        val buffer = CharArray(reader.maxStringLength)
        val names = ArrayList<String>()
        for (item in 1 until reader.itemCount) {
            val offset = reader.getItem(item)
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_CLASS) {
                val name = reader.readUTF8(offset, buffer) ?: continue
                if (!name.startsWith("[")) names += name.replace('/', '.')
            }
        }
        return names
    }

    /** Whether [name] is a class that [loader] defined from [origin] (loaded, not initialised, to find out). */
    private fun sameOrigin(name: String, loader: ClassLoader, origin: java.net.URL?): Boolean {
        if (name.startsWith("java.") || name.startsWith("kotlin.")) return false
        val type = try {
            Class.forName(name, false, loader)
        } catch (e: ClassNotFoundException) {
            return false
        } catch (e: LinkageError) {
            return false
        }
        return type.classLoader === loader && type.protectionDomain?.codeSource?.location == origin
    }

    private const val CONSTANT_CLASS = 7
}
