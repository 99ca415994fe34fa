package dev.fluxion.lab.report

import java.nio.file.Path

/**
 * One plot of a report: its [title] and the plot as a standalone SVG document of [width] x [height] units, one
 * unit per PNG pixel. On a page it sits in a `<figure>` element that carries the title ([html]), so the page
 * stays a string and [onPage] finds the plots in it again, each with its title, to write them as PNG.
 */
class Figure(val title: String, val svg: String, val width: Int, val height: Int) {

    /** The figure as a page shows it: the SVG inline, in a `<figure>` that carries the title and the size. */
    fun html(): String = "<figure class=\"plot\" data-title=\"${Html.escape(title)}\" data-width=\"$width\" " +
        "data-height=\"$height\">\n$svg\n</figure>\n"

    /**
     * Writes the figure to [path] by its extension: `.svg` the SVG document as it is, `.png` its image by [SvgToPng]
     * (one pixel per unit; without its text, and with a warning on stderr, where the JVM finds no font). The folder
     * is created; the file is written whole or not at all ([dev.fluxion.lab.store.OutputFile]). Returns [path].
     *
     * @throws dev.fluxion.lab.LabException naming the path when its extension is neither, it cannot be written, or the
     *   PNG cannot be drawn even without text
     */
    fun save(path: Path): Path {
        val name = path.fileName?.toString()?.lowercase() ?: ""
        dev.fluxion.lab.store.OutputFile.check(path)
        when {
            name.endsWith(".svg") -> dev.fluxion.lab.store.OutputFile.write(path, svg)
            name.endsWith(".png") -> try {
                SvgToPng.write(svg, path)
            } catch (e: Exception) {
                if (e is dev.fluxion.lab.LabException) throw e
                try {
                    // no fonts, say: the picture without its words is still worth having
                    SvgToPng.write(SvgToPng.withoutText(svg), path)
                } catch (again: Exception) {
                    if (again is dev.fluxion.lab.LabException) throw again
                    throw dev.fluxion.lab.LabException("figure '$title' cannot be drawn as PNG at $path: $e")
                }
                System.err.println("fluxion: warning: $path written without its labels: $e")
            }
            else -> throw dev.fluxion.lab.LabException("figure file $path: the name must end in .svg or .png")
        }
        return path
    }

    companion object {
        private val ON_PAGE = Regex(
            "<figure class=\"plot\" data-title=\"([^\"]*)\" data-width=\"(\\d+)\" data-height=\"(\\d+)\">\\n([\\s\\S]*?)\\n</figure>")
        private val ID = Regex("\\bid=\"([^\"]+)\"")

        /** The figures of a page written with [html], in the page's order; the titles come back unescaped. */
        @JvmStatic
        fun onPage(page: String): List<Figure> = ON_PAGE.findAll(page).map {
            val (title, width, height, svg) = it.destructured
            Figure(unescape(title), svg, width.toInt(), height.toInt())
        }.toList()

        /**
         * The figure of an SVG document whose element ids are random (as Lets-Plot's are): each id is renamed after
         * the figure's content and the id's position, so the same plot gives the same bytes on every run, and two
         * plots on one page do not share ids unless they are the same plot.
         */
        @JvmStatic
        fun withStableIds(title: String, svg: String, width: Int, height: Int): Figure {
            val ids = ID.findAll(svg).map { it.groupValues[1] }.distinct().toList()
            if (ids.isEmpty()) return Figure(title, svg, width, height)
            val blank = Regex(ids.joinToString("|") { Regex.escape(it) })
            val prefix = "fx" + Integer.toHexString((title + "\u0000" + blank.replace(svg, "")).hashCode())
            val names = ids.withIndex().associate { (i, id) -> id to "$prefix-$i" }
            // ids appear as id="...", #... in the style sheet and url(#...) in clip paths
            val stable = Regex("(?<=[\"#])(" + ids.joinToString("|") { Regex.escape(it) } + ")(?=[\"\\s)])")
                .replace(svg) { names.getValue(it.value) }
            return Figure(title, stable, width, height)
        }

        /**
         * The `<figure>` of the plot that [draw] draws, or, when drawing fails, a line on the page and one on stderr
         * saying which plot is missing and why: one plot that cannot be drawn does not cost the whole report.
         */
        @JvmStatic
        fun html(title: String, draw: () -> Figure): String = try {
            draw().html()
        } catch (e: Throwable) {
            if (e is OutOfMemoryError) throw e
            System.err.println("fluxion: warning: plot '$title' could not be drawn: $e")
            "<p class=\"plot-missing\">Plot <q>${Html.escape(title)}</q> could not be drawn: ${Html.escape(e.toString())}</p>\n"
        }

        private fun unescape(s: String) =
            s.replace("&quot;", "\"").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
    }
}
