package dev.fluxion.lab.report

import org.w3c.dom.Element
import java.awt.BasicStroke
import java.awt.Color
import java.awt.Font
import java.awt.Graphics2D
import java.awt.RenderingHints
import java.awt.Shape
import java.awt.geom.Ellipse2D
import java.awt.geom.Line2D
import java.awt.geom.Path2D
import java.awt.geom.Rectangle2D
import java.awt.image.BufferedImage
import java.io.ByteArrayInputStream
import java.nio.file.Path
import javax.imageio.ImageIO
import javax.xml.parsers.DocumentBuilderFactory

/**
 * PNG from the SVG that [Svg] writes, drawn with Java2D: no browser, no library beyond the JDK, headless. It reads
 * exactly the subset [Svg] uses (`rect`, `line`, `polyline`, `circle` and `text` in document order, colours as
 * `#rgb`, `#rrggbb`, `white`, `black` or `none`, `stroke-width`, `stroke-dasharray`, `stroke-opacity`, rectangular
 * `clipPath`s, `text-anchor`, `font-size`, `font-weight` and a `rotate(a x y)` transform on text), so the PNG shows
 * the same plot as the page, pixel for SVG unit; anything else is left out.
 */
object SvgRaster {
    init {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true")
    }

    /** The image of [svg], one pixel per SVG unit, on white. */
    @JvmStatic
    fun image(svg: String): BufferedImage {
        val factory = DocumentBuilderFactory.newInstance()
        factory.isNamespaceAware = false
        val root = factory.newDocumentBuilder().parse(ByteArrayInputStream(svg.toByteArray(Charsets.UTF_8))).documentElement
        val width = Math.ceil(number(root, "width", 0.0)).toInt()
        val height = Math.ceil(number(root, "height", 0.0)).toInt()
        val image = BufferedImage(width, height, BufferedImage.TYPE_INT_RGB)
        val g = image.createGraphics()
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON)
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON)
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE)
            g.color = Color.WHITE
            g.fillRect(0, 0, width, height)
            val clips = HashMap<String, Shape>()
            draw(root, g, clips)
        } finally {
            g.dispose()
        }
        return image
    }

    /** Writes the image of [svg] to [path] as PNG. */
    @JvmStatic
    fun writePng(svg: String, path: Path) {
        ImageIO.write(image(svg), "png", path.toFile())
    }

    private fun draw(parent: Element, g: Graphics2D, clips: MutableMap<String, Shape>) {
        val children = parent.childNodes
        for (i in 0 until children.length) {
            val e = children.item(i) as? Element ?: continue
            when (e.tagName) {
                "defs" -> readClips(e, clips)
                "g" -> draw(e, g, clips)
                "rect" -> shape(e, g, clips, Rectangle2D.Double(number(e, "x"), number(e, "y"), number(e, "width"), number(e, "height")))
                "circle" -> {
                    val r = number(e, "r")
                    shape(e, g, clips, Ellipse2D.Double(number(e, "cx") - r, number(e, "cy") - r, 2 * r, 2 * r))
                }
                "line" -> shape(e, g, clips, Line2D.Double(number(e, "x1"), number(e, "y1"), number(e, "x2"), number(e, "y2")))
                "polyline" -> polyline(e.getAttribute("points"))?.let { shape(e, g, clips, it) }
                "text" -> text(e, g)
            }
        }
    }

    private fun readClips(defs: Element, clips: MutableMap<String, Shape>) {
        val paths = defs.getElementsByTagName("clipPath")
        for (i in 0 until paths.length) {
            val path = paths.item(i) as Element
            val rect = path.getElementsByTagName("rect").item(0) as? Element ?: continue
            clips[path.getAttribute("id")] = Rectangle2D.Double(number(rect, "x"), number(rect, "y"),
                number(rect, "width"), number(rect, "height"))
        }
    }

    /** Fills (default black, as in SVG) and then strokes (default none) a shape, inside its clip path if any. */
    private fun shape(e: Element, g: Graphics2D, clips: Map<String, Shape>, shape: Shape) {
        val clip = Regex("url\\(#([^)]+)\\)").find(e.getAttribute("clip-path"))?.groupValues?.get(1)?.let { clips[it] }
        val saved = g.clip
        if (clip != null) g.clip(clip)
        val opacity = if (e.hasAttribute("stroke-opacity")) number(e, "stroke-opacity").coerceIn(0.0, 1.0) else 1.0
        val fill = colour(if (e.hasAttribute("fill")) e.getAttribute("fill") else "black", 1.0)
        if (fill != null && shape !is Line2D) {
            g.color = fill
            g.fill(shape)
        }
        val stroke = colour(e.getAttribute("stroke"), opacity)
        if (stroke != null) {
            val dashes = e.getAttribute("stroke-dasharray").split(',', ' ').mapNotNull { it.trim().toFloatOrNull() }
                .filter { it > 0 }
            g.stroke = BasicStroke(number(e, "stroke-width", 1.0).toFloat(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                4f, if (dashes.isEmpty()) null else dashes.toFloatArray(), 0f)
            g.color = stroke
            g.draw(shape)
        }
        g.clip = saved
    }

    private fun polyline(points: String): Path2D? {
        val coordinates = points.trim().split(Regex("[\\s,]+")).filter { it.isNotEmpty() }.map { it.toDouble() }
        if (coordinates.size < 2) return null
        val path = Path2D.Double()
        path.moveTo(coordinates[0], coordinates[1])
        var i = 2
        while (i + 1 < coordinates.size) {
            path.lineTo(coordinates[i], coordinates[i + 1])
            i += 2
        }
        return path
    }

    /**
     * Draws a text element. A machine without any font (no fontconfig fonts installed) makes Java2D throw an
     * [InternalError] or a [LinkageError] on the first text; the PNG is then drawn without its labels rather than
     * lost, and the SVG in the page keeps them.
     */
    private fun text(e: Element, g: Graphics2D) {
        try {
            drawText(e, g)
        } catch (noFonts: InternalError) {
            return
        } catch (noFonts: LinkageError) {
            return
        }
    }

    private fun drawText(e: Element, g: Graphics2D) {
        val content = e.textContent ?: return
        val style = if (e.getAttribute("font-weight") == "bold") Font.BOLD else Font.PLAIN
        g.font = Font(Font.SANS_SERIF, style, Math.round(number(e, "font-size", 12.0)).toInt())
        g.color = colour(if (e.hasAttribute("fill")) e.getAttribute("fill") else "black", 1.0) ?: return
        val x = number(e, "x")
        val y = number(e, "y")
        val width = g.fontMetrics.stringWidth(content)
        val shift = when (e.getAttribute("text-anchor")) {
            "middle" -> width / 2.0
            "end" -> width.toDouble()
            else -> 0.0
        }
        val saved = g.transform
        Regex("rotate\\(\\s*([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s*\\)").find(e.getAttribute("transform"))?.let {
            val (angle, cx, cy) = it.destructured
            g.rotate(Math.toRadians(angle.toDouble()), cx.toDouble(), cy.toDouble())
        }
        g.drawString(content, (x - shift).toFloat(), y.toFloat())
        g.transform = saved
    }

    private fun number(e: Element, name: String, default: Double = 0.0): Double =
        e.getAttribute(name).trim().removeSuffix("px").toDoubleOrNull() ?: default

    /** A colour as SVG writes it, or null for `none` or an empty attribute. */
    private fun colour(text: String, opacity: Double): Color? {
        val t = text.trim().lowercase()
        val rgb = when {
            t.isEmpty() || t == "none" -> return null
            t == "white" -> 0xffffff
            t == "black" -> 0x000000
            t.startsWith("#") && t.length == 4 -> t.substring(1).map { "$it$it" }.joinToString("").toInt(16)
            t.startsWith("#") && t.length == 7 -> t.substring(1).toInt(16)
            else -> return null
        }
        return Color((rgb shr 16) and 0xff, (rgb shr 8) and 0xff, rgb and 0xff, Math.round(255 * opacity).toInt())
    }
}
