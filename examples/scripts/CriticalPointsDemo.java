import dev.fluxion.dsl.calculus.CriticalPoint;
import dev.fluxion.dsl.calculus.CriticalPoints;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Critical points: where f'(x) = 0, classified by the second-derivative test (and higher ones when f'' = 0).
 * f(x) = x^4 - 4x^2 has f' = 4x(x^2 - 2): minima at -sqrt 2 and sqrt 2 (value -4) and a maximum at 0.
 * g(x) = x^3 - 3x has g' = 3(x^2 - 1): a maximum at -1 (value 2) and a minimum at 1 (value -2).
 * h(x) = x^3 has h'(0) = h''(0) = 0 and h'''(0) = 6: an inflection, neither minimum nor maximum.
 *
 * <p>Run: {@code fluxion script CriticalPointsDemo.java OUTPUT_FOLDER}. Prints each point with its value,
 * class and the test that decided, the global extrema on [-2.5, 2.5], and writes {@code critical-points.svg}.
 */
public class CriticalPointsDemo {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        String[] formulas = {"x^4 - 4*x^2", "x^3 - 3*x", "x^3"};
        double a = -2.5;
        double b = 2.5;
        for (String formula : formulas) {
            CriticalPoints found = CriticalPoints.find(Expr.parse(formula), a, b);
            System.out.println("f(x) = " + formula + " on [" + a + ", " + b + "]:");
            for (CriticalPoint point : found.points()) {
                System.out.printf(Locale.ROOT, "  x = %+.12f  f = %+.12f  %s (by %s)%n", point.location(),
                        point.value(), point.classification(), point.decidedBy());
            }
            System.out.printf(Locale.ROOT, "  global minimum %.6f at %s, global maximum %.6f at %s%n",
                    found.minimum().value(), found.minimum().locations(), found.maximum().value(),
                    found.maximum().locations());
        }
        int points = 101;
        double[] grid = new double[points];
        double[][] values = new double[2][points];
        for (int i = 0; i < points; i++) {
            grid[i] = -2.5 + 5.0 * i / (points - 1);
            values[0][i] = Expr.parse(formulas[0]).valueAt(Point.of("x", grid[i]));
            values[1][i] = Expr.parse(formulas[1]).valueAt(Point.of("x", grid[i]));
        }
        Files.createDirectories(folder);
        Path figure = folder.resolve("critical-points.svg");
        Files.writeString(figure, svg(grid, values, new String[] {formulas[0], formulas[1]}, "x", "f(x)"));
        System.out.println("figure: " + figure);
    }

    /** A 400 x 300 line plot of each series against x, all scaled to one box, with a legend and axis captions. */
    static String svg(double[] x, double[][] series, String[] names, String xName, String yName) {
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            for (double[] y : series) {
                y0 = Math.min(y0, y[i]);
                y1 = Math.max(y1, y[i]);
            }
        }
        String[] colors = {"#0077BB", "#EE7733", "#009988", "#CC3311"};
        StringBuilder out = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\">\n"
                + "<rect x=\"40\" y=\"20\" width=\"340\" height=\"240\" fill=\"none\" stroke=\"#999\"/>\n");
        for (int s = 0; s < series.length; s++) {
            out.append("<polyline fill=\"none\" stroke=\"").append(colors[s % colors.length]).append("\" points=\"");
            for (int i = 0; i < x.length; i++) {
                out.append(String.format(Locale.ROOT, "%.1f,%.1f ", 40 + 340 * (x[i] - x0) / (x1 - x0),
                        260 - 240 * (series[s][i] - y0) / (y1 - y0)));
            }
            out.append("\"/>\n<text x=\"50\" y=\"").append(36 + 14 * s).append("\" font-size=\"11\" fill=\"")
                    .append(colors[s % colors.length]).append("\">").append(names[s]).append("</text>\n");
        }
        return out.append(String.format(Locale.ROOT, "<text x=\"210\" y=\"290\" text-anchor=\"middle\" font-size=\"12\">"
                + "%s (%.3g to %.3g)</text>\n<text x=\"12\" y=\"140\" font-size=\"12\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 12 140)\">%s (%.3g to %.3g)</text>\n</svg>\n", xName, x0, x1, yName, y0, y1))
                .toString();
    }
}
