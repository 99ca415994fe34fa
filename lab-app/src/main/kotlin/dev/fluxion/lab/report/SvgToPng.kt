package dev.fluxion.lab.report

import org.apache.batik.transcoder.ErrorHandler
import org.apache.batik.transcoder.TranscoderException
import org.apache.batik.transcoder.TranscoderInput
import org.apache.batik.transcoder.TranscoderOutput
import org.apache.batik.transcoder.image.PNGTranscoder
import java.awt.image.BufferedImage
import java.io.ByteArrayInputStream
import java.io.ByteArrayOutputStream
import java.io.StringReader
import java.nio.file.Files
import java.nio.file.Path
import javax.imageio.ImageIO

/**
 * PNG from SVG, by Batik's transcoder: headless, one pixel per SVG unit, so a plot of 640 x 400 gives a PNG of
 * 640 x 400. Text needs a font the JVM can find; where none is installed the transcoder fails, and the caller
 * decides what to do without the picture.
 */
object SvgToPng {
    init {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true")
    }

    /** Batik's default handler prints each error to stderr before failing; this one only fails, or ignores warnings. */
    private val QUIET = object : ErrorHandler {
        override fun error(e: TranscoderException) = throw e
        override fun fatalError(e: TranscoderException) = throw e
        override fun warning(e: TranscoderException) {}
    }

    /** The PNG file's bytes for [svg]. */
    @JvmStatic
    fun bytes(svg: String): ByteArray {
        val png = ByteArrayOutputStream()
        val transcoder = PNGTranscoder()
        transcoder.errorHandler = QUIET
        StringReader(svg).use { transcoder.transcode(TranscoderInput(it), TranscoderOutput(png)) }
        return png.toByteArray()
    }

    /** The image of [svg]. */
    @JvmStatic
    fun image(svg: String): BufferedImage = ImageIO.read(ByteArrayInputStream(bytes(svg)))

    /**
     * [svg] without its `text` elements: the plot's lines, points and fills with no title, tick labels or legend
     * entries, for a machine where the JVM finds no font and Batik cannot lay out text at all.
     */
    @JvmStatic
    fun withoutText(svg: String): String = svg.replace(Regex("<text[\\s>][\\s\\S]*?</text>"), "")

    /** Writes the image of [svg] to [path] as PNG; nothing is written when transcoding fails. */
    @JvmStatic
    fun write(svg: String, path: Path) {
        dev.fluxion.lab.store.OutputFile.write(path, bytes(svg))
    }
}
