package dev.fluxion.lab.report

/** Text for HTML pages and the SVG inside them. */
object Html {
    /** Escapes text for XML and HTML: `&`, `<`, `>` and `"`. */
    @JvmStatic
    fun escape(s: String): String = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
}
