package dev.fluxion.lab.store

import dev.fluxion.lab.LabException
import java.io.IOException
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption

/**
 * A file the lab writes whole (a CSV or JSON export, a report page, a plot's PNG): checked before anything is
 * written, then written to a temporary file of a unique name beside it and moved into place in one step, so a
 * reader never sees half a file, an interrupted write leaves no partial file behind, and two processes writing
 * the same report never trip over one temporary name.
 */
object OutputFile {
    /**
     * Fails with one line, before anything is written, when [target] cannot be written as a file: it is a folder,
     * it is one of [protectedFiles] (a study's store, say) or their SQLite journals, it is an SQLite database of its
     * own (another store, which a file name typed by mistake would otherwise destroy), or its folder cannot be
     * created or written.
     */
    @JvmStatic
    fun check(target: Path, vararg protectedFiles: Path) {
        if (target.toString().isEmpty()) throw LabException("an empty file name; give a file name")
        if (Files.isDirectory(target)) throw LabException("$target is a folder; give a file name")
        for (file in protectedFiles) {
            val guarded = listOf("", "-wal", "-shm", "-journal").map { file.resolveSibling(file.fileName.toString() + it) }
            if (guarded.any { same(it, target) }) throw LabException("$target is the store $file; give another file name")
        }
        if (Files.isRegularFile(target) && isSqlite(target)) {
            throw LabException("$target is an SQLite database (a store?); not overwritten: give another file name")
        }
        if (Files.isRegularFile(target) && !Files.isWritable(target)) {
            throw LabException("$target is read-only; not overwritten: give another file name")
        }
        if (writtenInPlace(target)) {
            if (Files.exists(target) && !Files.isWritable(target)) throw LabException("$target cannot be written")
            return // a device, a pipe or a link (/dev/stdout, say): written in place, never replaced
        }
        checkFolder(target.toAbsolutePath().parent ?: throw LabException("$target has no folder"))
    }

    /** Creates [folder] if it is missing; fails with one line if it is a file, cannot be created or is not writable. */
    @JvmStatic
    fun checkFolder(folder: Path) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) throw LabException("the folder $folder is a file")
        try {
            Files.createDirectories(folder)
        } catch (e: IOException) {
            throw LabException("cannot create the folder $folder: ${e.message ?: e.javaClass.simpleName}")
        }
        if (!Files.isWritable(folder)) throw LabException("the folder $folder is not writable")
    }

    /**
     * Writes [bytes] to [target] ([check]ed) through a uniquely named temporary file and an atomic move. A target
     * that is a symbolic link, or exists and is not a regular file (a device or a pipe; `/dev/stdout` is both a link
     * and, behind it, whatever the shell made of standard output), is written in place through it instead, since
     * replacing it would destroy the link or the device. A failed write (a full disk, say) is a [LabException].
     */
    @JvmStatic
    fun write(target: Path, bytes: ByteArray) = write(target) { it.write(bytes) }

    /**
     * [write] of the text [writeText] writes, in UTF-8, as it writes it (through a buffer): an export of a million
     * runs goes to the file row by row, never whole in memory.
     */
    @JvmStatic
    fun writeText(target: Path, writeText: (java.io.Writer) -> Unit) = write(target) { stream ->
        val writer = java.io.BufferedWriter(java.io.OutputStreamWriter(stream, Charsets.UTF_8), 1 shl 16)
        writeText(writer)
        writer.flush()
    }

    /** [write] of what [writeTo] writes to the stream it is given. */
    private fun write(target: Path, writeTo: (java.io.OutputStream) -> Unit) {
        if (writtenInPlace(target)) {
            try {
                Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING).use { writeTo(it) }
            } catch (e: IOException) {
                throw LabException("cannot write $target: ${e.message ?: e.javaClass.simpleName}")
            }
            return
        }
        val folder = target.toAbsolutePath().parent
        // a name of its own (not Files.createTempFile, whose files are private to the user, unlike the outputs)
        val temporary = folder.resolve(".${target.fileName}.${java.lang.Long.toHexString(RANDOM.nextLong())}.partial")
        try {
            Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).use { writeTo(it) }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
            } catch (e: AtomicMoveNotSupportedException) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING)
            }
        } catch (e: IOException) {
            throw LabException("cannot write $target: ${e.message ?: e.javaClass.simpleName}")
        } finally {
            Files.deleteIfExists(temporary)
        }
    }

    /** [write] of [text] in UTF-8. */
    @JvmStatic
    fun write(target: Path, text: String) = write(target, text.toByteArray(Charsets.UTF_8))

    /** Whether [target] is written in place: a symbolic link, or something that exists and is not a regular file. */
    @JvmStatic
    fun writtenInPlace(target: Path): Boolean = Files.isSymbolicLink(target) ||
        (Files.exists(target) && !Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS))

    private val RANDOM = java.security.SecureRandom()

    private fun same(a: Path, b: Path): Boolean =
        if (Files.exists(a) && Files.exists(b)) Files.isSameFile(a, b)
        else a.toAbsolutePath().normalize() == b.toAbsolutePath().normalize()

    /** Whether [file] starts with SQLite's header, `SQLite format 3` and a zero byte. */
    private fun isSqlite(file: Path): Boolean = try {
        Files.newInputStream(file).use { input ->
            val header = input.readNBytes(16)
            header.contentEquals("SQLite format 3\u0000".toByteArray(Charsets.US_ASCII))
        }
    } catch (e: IOException) {
        false
    }
}
